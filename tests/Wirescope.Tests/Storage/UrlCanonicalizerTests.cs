using Wirescope.Documents;
using Wirescope.Storage;
using Wirescope.Tables;
using Xunit;

namespace Wirescope.Tests.Storage;

public class UrlCanonicalizerTests
{
    [Theory]
    [InlineData("HTTPS://News.Example.COM/World/Story.html", "https://news.example.com/World/Story.html")]
    [InlineData("https://news.example:443/a", "https://news.example/a")]
    [InlineData("http://news.example:8080/a", "http://news.example:8080/a")]
    [InlineData("https://news.example/a#section-2", "https://news.example/a")]
    [InlineData("https://news.example/a?utm_source=tw&utm_campaign=x&id=7", "https://news.example/a?id=7")]
    [InlineData("https://news.example/a?b=2&a=1", "https://news.example/a?a=1&b=2")]
    [InlineData("https://news.example/a?fbclid=XYZ&gclid=1&ocid=msn", "https://news.example/a")]
    [InlineData("https://news.example", "https://news.example/")]
    [InlineData("https://b\u00fccher.example/x", "https://xn--bcher-kva.example/x")]
    [InlineData("ftp://news.example/a", null)]
    [InlineData("not a url", null)]
    [InlineData("", null)]
    public void Canonical_urls_drop_what_does_not_name_the_article(string url, string? expected) =>
        Assert.Equal(expected, UrlCanonicalizer.Default.Canonicalize(url));

    [Theory]
    [InlineData("utm_*\tprefix\nutm_*\tagain", "tracking_params.tsv:2: duplicate")]
    [InlineData("fbclid", "tracking_params.tsv:1: expected")]
    [InlineData("*\tmatches everything", "tracking_params.tsv:1: expected")]
    [InlineData("# comment\n\ta\tb", "tracking_params.tsv:2: expected")]
    public void Bad_table_rows_stop_loading_with_file_and_line(string table, string message)
    {
        var e = Assert.Throws<TableException>(() => TrackingParamsTable.Parse(new StringReader(table), "tracking_params.tsv"));
        Assert.StartsWith(message, e.Message);
    }

    [Theory]
    [InlineData("https://news.example/", "https://news.example/world/a", "https://news.example/world/a")]
    [InlineData("https://news.example/", null, null)]
    [InlineData("https://news.example/world/a-canonical", "https://news.example/world/a?utm_source=x", "https://news.example/world/a-canonical")]
    [InlineData(null, "https://news.example/world/a", "https://news.example/world/a")]
    public void A_home_page_canonical_never_becomes_the_identity_of_an_article(string? canonical, string? fetched, string? expected)
    {
        // Read from the fetched URL, or from a file when there is none.
        var article = TestDocs.Article("x", "Some body text.", canonical, site: "S").Article;
        var doc = new Document(fetched ?? "page.html", new InputInfo(fetched is null ? "file" : "url", fetched ?? "page.html", "html"))
        {
            Done = Layers.Article,
            Article = article,
        };
        Assert.Equal(expected, PreparedDocument.From(doc).CanonicalUrl);
    }
}
