namespace Wirescope.Storage;

/// <summary>Filters over articles; every field optional. Dates compare on the published day.</summary>
public sealed record ArticleFilter
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Site { get; init; }
    public string? Language { get; init; }
    public int Limit { get; init; } = 20;
}
