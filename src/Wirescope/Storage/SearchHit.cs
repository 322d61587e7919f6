namespace Wirescope.Storage;

/// <summary>A ranked search result; the snippet marks hits with the markers asked for.</summary>
public sealed record SearchHit(long Id, double Rank, string? Title, string? Url, string? Published, string? Site, string Snippet, long Story);
