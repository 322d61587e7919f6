namespace Wirescope.Inputs.Feeds;

/// <summary>What kind of source a document is.</summary>
public enum SourceKind { Page, Rss, Atom, JsonFeed, Sitemap, SitemapIndex, Warc }
