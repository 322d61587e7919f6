using Wirescope.Documents;

namespace Wirescope.Storage;

// Small records that cross the store interface. Kept together: each is a plain bag of fields.

/// <summary>Status of one ingested input.</summary>
public enum IngestStatus { Added, Duplicate, Failed }

/// <summary>What happened to one input: added as article <see cref="ArticleId"/>, a duplicate of
/// it, or failed with a reason. <see cref="Story"/> is the story the article joined.</summary>
public sealed record IngestOutcome(string Input, IngestStatus Status, long? ArticleId, long? Story, string? Reason);

/// <summary>One line of the ingest log.</summary>
public sealed record IngestLogEntry(long Id, string Input, IngestStatus Status, long? OfArticle, string? Reason, DateTimeOffset Time);

/// <summary>Conditional-request validators of a fetched URL.</summary>
public sealed record FetchState(string? ETag, string? LastModified, DateTimeOffset FetchedAt);

/// <summary>Filters over articles; every field optional. Dates compare on the published day.</summary>
public sealed record ArticleFilter
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Site { get; init; }
    public string? Language { get; init; }
    public int Limit { get; init; } = 20;
}

public sealed record QuoteFilter
{
    /// <summary>Speaker name, matched case-insensitively as a substring.</summary>
    public string? Speaker { get; init; }
    /// <summary>A relay anywhere in the chain, case-insensitive substring.</summary>
    public string? Via { get; init; }
    /// <summary>Full-text query over the quote text.</summary>
    public string? Text { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Site { get; init; }
    public int Limit { get; init; } = 100;
}

public sealed record EventFilter
{
    /// <summary>Actor country code (source or target), e.g. PRK.</summary>
    public string? Actor { get; init; }
    /// <summary>Actor sector code (source or target), e.g. GOV.</summary>
    public string? Sector { get; init; }
    /// <summary>PLOVER type, e.g. CONSULT.</summary>
    public string? Type { get; init; }
    /// <summary>Event date (or the article's when the event has none).</summary>
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int Limit { get; init; } = 100;
}

/// <summary>A ranked search result; the snippet marks hits with the markers asked for.</summary>
public sealed record SearchHit(long Id, double Rank, string? Title, string? Url, string? Published, string? Site, string Snippet, long Story);

public sealed record QuoteRow(long ArticleId, string? Url, string? Published, string Text, string Kind, string? Speaker,
    IReadOnlyList<string> Via, string? Cue, string? Rule);

public sealed record EventRow(long ArticleId, string? Url, string? Published, string Type, string? Mode,
    EventActor? Source, EventActor? Target, string? Date, string? DatePrecision, string? Place, string? PlaceCountry,
    string? Trigger, bool Negated, double Confidence, string? Rule, string? Evidence);

/// <summary>One stored article's record (the analyze schema) and its store ids.</summary>
public sealed record StoredRecord(long Id, long Story, string Json);

/// <summary>Counts for `wirescope stats`.</summary>
public sealed record StoreStats(long Articles, long Stories, long Entities, long Quotes, long Events, long Sources);

/// <summary>Markers around matched terms in <see cref="SearchHit.Snippet"/>; callers swap them for their own.</summary>
public static class SnippetMarks
{
    public const string Open = "\u0001";
    public const string Close = "\u0002";
}
