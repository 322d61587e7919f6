namespace Wirescope.Inputs.Feeds;

/// <summary>A parsed feed or sitemap: its kind, title and entries (for an index, the child sitemaps).</summary>
public sealed record FeedDocument(SourceKind Kind, string? Title, IReadOnlyList<FeedEntry> Entries);
