using System.Text;
using Wirescope.Inputs.Feeds;
using Xunit;

namespace Wirescope.Tests.Inputs;

public class FeedParserTests
{
    public const string Rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel><title>Coastline Daily</title><link>https://news.example/</link>
            <image><title>logo</title></image>
            <item><title>Bridge reopens</title><link>https://news.example/bridge</link>
              <pubDate>Fri, 26 Apr 2019 10:05:00 +0900</pubDate><dc:creator>Jane Roe</dc:creator></item>
            <item><title>No link</title><guid isPermaLink="false">abc-123</guid></item>
            <item><guid>https://news.example/guid-only</guid><author>desk@news.example (News Desk)</author><pubDate>Sat, 27 Apr 2019 08:00 GMT</pubDate></item>
            <item><link>javascript:alert(1)</link></item>
          </channel>
        </rss>
        """;

    public const string Atom = """
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
          <entry><title>Summit</title><link rel="self" href="https://wire.example/self"/><link href="/summit"/>
            <published>2019-04-25T09:00:00Z</published><author><name>A. Writer</name></author></entry>
        </feed>
        """;

    public const string JsonFeed = """
        {"version": "https://jsonfeed.org/version/1.1", "title": "JF", "items": [
          {"id": "1", "url": "https://jf.example/1", "title": "One", "date_published": "2019-04-24", "authors": [{"name": "Ann"}]},
          {"id": "2", "content_text": "no url"}]}
        """;

    public const string Sitemap = """
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
          <url><loc>https://news.example/a</loc><news:news><news:publication_date>2019-04-26T08:00:00+02:00</news:publication_date><news:title>A title</news:title></news:news></url>
          <url><loc>https://news.example/b</loc><lastmod>2019-04-20</lastmod></url>
        </urlset>
        """;

    [Fact]
    public void Rss_items_give_links_titles_dates_and_authors_and_skip_the_unusable()
    {
        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(Rss));
        Assert.Equal(SourceKind.Rss, feed.Kind);
        Assert.Equal("Coastline Daily", feed.Title);
        Assert.Equal(["https://news.example/bridge", "https://news.example/guid-only"], feed.Entries.Select(e => e.Url));
        Assert.Equal("2019-04-26T10:05:00+09:00", feed.Entries[0].Published.ToString());
        Assert.Equal(["Jane Roe"], feed.Entries[0].Authors!);
        Assert.Equal(["News Desk"], feed.Entries[1].Authors!);
        Assert.Equal("2019-04-27T08:00:00Z", feed.Entries[1].Published.ToString());
    }

    [Fact]
    public void Atom_takes_the_alternate_link_resolved_against_the_feed_url()
    {
        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(Atom), new Uri("https://wire.example/feed.xml"));
        var e = Assert.Single(feed.Entries);
        Assert.Equal("https://wire.example/summit", e.Url);
        Assert.Equal(["A. Writer"], e.Authors!);
        Assert.Equal("2019-04-25T09:00:00Z", e.Published.ToString());
    }

    [Fact]
    public void Json_feed_and_news_sitemaps_are_read()
    {
        var jf = FeedParser.Parse(Encoding.UTF8.GetBytes(JsonFeed));
        Assert.Equal(SourceKind.JsonFeed, jf.Kind);
        Assert.Equal("https://jf.example/1", Assert.Single(jf.Entries).Url);
        var sm = FeedParser.Parse(Encoding.UTF8.GetBytes(Sitemap));
        Assert.Equal(SourceKind.Sitemap, sm.Kind);
        Assert.Equal("A title", sm.Entries[0].Title);
        Assert.Equal("2019-04-26T08:00:00+02:00", sm.Entries[0].Published.ToString());
        Assert.Equal("2019-04-20", sm.Entries[1].Published.ToString());
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><rss><channel/></rss>", SourceKind.Rss)]
    [InlineData("\uFEFF  <feed xmlns=\"http://www.w3.org/2005/Atom\"/>", SourceKind.Atom)]
    [InlineData("<sitemapindex><sitemap><loc>https://x/1.xml</loc></sitemap></sitemapindex>", SourceKind.SitemapIndex)]
    [InlineData("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"></rdf:RDF>", SourceKind.Rss)]
    [InlineData("<!DOCTYPE html><html><body><p>An article about RSS feeds</p></body></html>", SourceKind.Page)]
    [InlineData("WARC/1.0\r\nWARC-Type: warcinfo\r\n", SourceKind.Warc)]
    [InlineData("{\"version\": \"https://jsonfeed.org/version/1\"}", SourceKind.JsonFeed)]
    [InlineData("Plain text news story.", SourceKind.Page)]
    public void Sources_are_told_apart_by_content(string head, SourceKind kind) =>
        Assert.Equal(kind, SourceSniffer.Detect(Encoding.UTF8.GetBytes(head)));

    [Theory]
    [InlineData("Fri, 26 Apr 2019 10:05:00 GMT", "2019-04-26T10:05:00Z")]
    [InlineData("26 Apr 2019 10:05 EST", "2019-04-26T10:05:00-05:00")]
    [InlineData("Fri, 26 Apr 2019 10:05:00 +0530", "2019-04-26T10:05:00+05:30")]
    [InlineData("2019-04-26T10:05:00+09:00", "2019-04-26T10:05:00+09:00")]
    [InlineData("2019-04-26", "2019-04-26")]
    [InlineData("yesterday", null)]
    [InlineData("Fri, 26 Foo 2019 10:05:00 GMT", null)]
    public void Feed_dates_keep_their_zone(string text, string? expected) =>
        Assert.Equal(expected, FeedParser.ParseDate(text)?.ToString());

    [Fact]
    public void A_broken_feed_keeps_the_entries_before_the_break()
    {
        var cut = Rss[..(Rss.IndexOf("<item><title>No link", StringComparison.Ordinal) + 20)];
        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(cut));
        Assert.Equal("https://news.example/bridge", Assert.Single(feed.Entries).Url);
    }
}
