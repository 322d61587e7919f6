namespace Wirescope.Storage;

public sealed record QuoteRow(long ArticleId, string? Url, string? Published, string Text, string Kind, string? Speaker,
    IReadOnlyList<string> Via, string? Cue, string? Rule);
