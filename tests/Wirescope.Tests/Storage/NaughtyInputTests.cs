using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Wirescope.Documents;
using Wirescope.Inputs.Feeds;
using Wirescope.Inputs.Warc;
using Wirescope.Inputs.Web;
using Wirescope.Storage;
using Wirescope.Storage.Sqlite;
using Xunit;

namespace Wirescope.Tests.Storage;

/// <summary>Whatever arrives, the store and the source readers answer or report; they never crash.</summary>
public sealed class NaughtyInputTests : IDisposable
{
    private readonly TestDocs.TempDb _tmp = new();
    private readonly SqliteStore _store;

    public NaughtyInputTests()
    {
        _store = SqliteStore.Open(_tmp.Path);
        TestDocs.Write(_store, TestDocs.Full());
    }

    public void Dispose()
    {
        _store.Dispose();
        _tmp.Dispose();
    }

    [Property(MaxTest = 300)]
    public void Any_search_text_is_a_valid_query(NonNull<string> query)
    {
        _store.Search(query.Get, new ArticleFilter());
        _store.Quotes(new QuoteFilter { Text = query.Get, Speaker = query.Get, Via = query.Get });
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("NOT")]
    [InlineData("OR OR AND")]
    [InlineData("* ^ : ( ) { } -")]
    [InlineData("putin*")]
    [InlineData("\"vladimir putin\" OR kim NOT trump")]
    [InlineData("NEAR(a b)")]
    [InlineData("title:putin")]
    public void Naughty_queries_answer_without_error(string query) => _store.Search(query, new ArticleFilter());

    [Property(MaxTest = 200)]
    public void Any_text_can_be_prepared_and_stored(NonNull<string> text, NonNull<string> url)
    {
        var doc = TestDocs.Article("p", text.Get + " lone \ud800 surrogate", "https://x.example/" + url.Get);
        PreparedDocument prepared;
        try
        {
            prepared = PreparedDocument.From(doc);
        }
        catch (ArgumentException)
        {
            // The JSON writer refuses invalid UTF-16; the ingest runner turns this into a failed input.
            return;
        }
        var outcome = _store.Write([prepared]);
        Assert.Single(outcome);
    }

    [Property(MaxTest = 200)]
    public void Random_bytes_never_crash_the_warc_reader(byte[] bytes)
    {
        using var reader = new WarcReader(new MemoryStream(bytes), gzip: false);
        foreach (var rec in reader.Records()) { if (rec.Block is { } b) HttpResponseParser.Parse(b); }
    }

    [Property(MaxTest = 200)]
    public void Random_text_never_crashes_the_sniffer_feed_parser_or_robots(NonNull<string> text)
    {
        var bytes = Encoding.UTF8.GetBytes(text.Get);
        var kind = SourceSniffer.Detect(bytes);
        Assert.True(Enum.IsDefined(kind));
        foreach (var prefix in new[] { "<rss><channel><item><link>", "<feed><entry>", "<urlset><url><loc>", "{\"version\":\"https://jsonfeed.org/version/1\",\"items\":[" })
        {
            try
            {
                FeedParser.Parse(Encoding.UTF8.GetBytes(prefix + text.Get));
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
            {
                // Reported as "not a readable feed", by design.
            }
        }
        RobotsTxt.Parse(text.Get).IsAllowed("wirescope", "/" + text.Get);
        FeedParser.ParseDate(text.Get);
    }
}
