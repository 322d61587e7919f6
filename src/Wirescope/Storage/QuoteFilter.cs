namespace Wirescope.Storage;

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
