namespace Wirescope.Storage;

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
