using Wirescope.Documents;

namespace Wirescope.Inputs.Feeds;

/// <summary>One link a feed or sitemap names, with the metadata it gives (fills gaps in the page's own).</summary>
public sealed record FeedEntry(string Url, string? Title = null, PartialDate? Published = null, IReadOnlyList<string>? Authors = null);

/// <summary>What kind of source a document is.</summary>
public enum SourceKind { Page, Rss, Atom, JsonFeed, Sitemap, SitemapIndex, Warc }

/// <summary>A parsed feed or sitemap: its kind, title and entries (for an index, the child sitemaps).</summary>
public sealed record FeedDocument(SourceKind Kind, string? Title, IReadOnlyList<FeedEntry> Entries);
