using Microsoft.Data.Sqlite;
using Wirescope.Documents;
using Wirescope.Storage;
using Wirescope.Storage.Sqlite;
using Xunit;

namespace Wirescope.Tests.Storage;

public class SqliteStoreTests
{
    [Fact]
    public void Ingesting_the_same_article_again_adds_nothing_and_names_the_original()
    {
        using var tmp = new TestDocs.TempDb();
        using var store = SqliteStore.Open(tmp.Path);
        var first = TestDocs.Write(store, TestDocs.Full());
        var again = TestDocs.Write(store, TestDocs.Full("doc-again"));
        Assert.Equal(IngestStatus.Added, first[0].Status);
        Assert.Equal(IngestStatus.Duplicate, again[0].Status);
        Assert.Equal(first[0].ArticleId, again[0].ArticleId);
        Assert.Equal(1, store.Stats().Articles);
        var log = store.IngestLog();
        Assert.Equal(["added", "duplicate"], log.Select(l => SqliteArticleWriter.StatusName(l.Status)));
        Assert.Equal(first[0].ArticleId, log[1].OfArticle);
        Assert.Equal("ok", store.IntegrityCheck());
    }

    [Theory]
    [InlineData("https://News.Example/a?utm_source=feed&utm_medium=rss", "https://news.example/a", "same canonical URL")]
    [InlineData("https://news.example:443/a#comments", "https://news.example/a", "same canonical URL")]
    [InlineData("https://other.example/copy", "https://news.example/a", "same content")]
    public void Identity_is_the_canonical_url_or_the_normalized_text(string url2, string url1, string reason)
    {
        using var tmp = new TestDocs.TempDb();
        using var store = SqliteStore.Open(tmp.Path);
        TestDocs.Write(store, TestDocs.Article("one", "The council said on Monday that the bridge reopens.", url1));
        // Same words, different quotes, spacing and case: the same content.
        var copy = TestDocs.Write(store, TestDocs.Article("two", "the council SAID  on Monday \u2014 that the bridge \u201creopens\u201d.", url2));
        Assert.Equal(IngestStatus.Duplicate, copy[0].Status);
        Assert.Equal(reason, copy[0].Reason);
    }

    [Fact]
    public void Failed_documents_are_logged_with_their_reason_and_store_nothing()
    {
        using var tmp = new TestDocs.TempDb();
        using var store = SqliteStore.Open(tmp.Path);
        var bad = new Document("bad.html", new InputInfo("file", "bad.html", "auto")) { Error = new DocumentError("extract.empty_body", "no body") };
        var outcome = TestDocs.Write(store, bad, TestDocs.Article("empty", "  "));
        Assert.All(outcome, o => Assert.Equal(IngestStatus.Failed, o.Status));
        Assert.StartsWith("extract.empty_body", outcome[0].Reason);
        Assert.Equal(0, store.Stats().Articles);
    }

    [Fact]
    public void An_article_whose_later_layer_failed_is_kept_with_its_finished_layers()
    {
        using var tmp = new TestDocs.TempDb();
        using var store = SqliteStore.Open(tmp.Path);
        var doc = TestDocs.Full();
        doc.Done &= ~(Layers.Quotes | Layers.Events);
        doc.Error = new DocumentError("pipeline.stage_failed", "quotes: boom");
        var o = Assert.Single(TestDocs.Write(store, doc));
        Assert.Equal(IngestStatus.Added, o.Status);
        Assert.Contains("pipeline.stage_failed", o.Reason);
        Assert.Equal(new StoreStats(1, 1, 3, 0, 0, 0), store.Stats());
        Assert.Contains("\"error\":{\"code\":\"pipeline.stage_failed\"", Assert.Single(store.Records(new ArticleFilter { Limit = 0 })).Json);
    }

    [Fact]
    public void Every_layer_lands_in_its_tables()
    {
        using var tmp = new TestDocs.TempDb();
        using var store = SqliteStore.Open(tmp.Path);
        TestDocs.Write(store, TestDocs.Full());
        var stats = store.Stats();
        Assert.Equal(new StoreStats(1, 1, 3, 1, 1, 0), stats);
        var quote = Assert.Single(store.Quotes(new QuoteFilter { Speaker = "putin", Via = "tass" }));
        Assert.Equal(["TASS"], quote.Via);
        Assert.Empty(store.Quotes(new QuoteFilter { Via = "Yonhap" }));
        Assert.Single(store.Quotes(new QuoteFilter { Text = "guarantees security" }));
        Assert.Empty(store.Quotes(new QuoteFilter { Text = "sanctions" }));
        var ev = Assert.Single(store.Events(new EventFilter { Actor = "PRK", Type = "consult", From = new DateOnly(2019, 4, 1), To = new DateOnly(2019, 4, 30) }));
        Assert.Equal("Russky Island", ev.Place);
        Assert.Contains("met Vladimir Putin", ev.Evidence);
        Assert.Empty(store.Events(new EventFilter { Actor = "USA" }));
        Assert.Empty(store.Events(new EventFilter { From = new DateOnly(2019, 5, 1) }));
        Assert.Single(store.Events(new EventFilter { Sector = "GOV" }));
    }

    [Fact]
    public void Search_ranks_title_hits_first_and_filters_by_site_date_and_language()
    {
        using var tmp = new TestDocs.TempDb();
        using var store = SqliteStore.Open(tmp.Path);
        TestDocs.Write(store,
            TestDocs.Article("body", "Officials discussed many things. The ferry timetable changes next week, among other news of the harbour and the city.", "https://a.example/1", "City council news", "A", "2019-04-01"),
            TestDocs.Article("title", "The service resumes after repairs to the hull and engines were completed.", "https://b.example/2", "Ferry returns to service", "B", "2019-05-01"),
            TestDocs.Article("none", "Nothing about boats at all here, only weather and rain.", "https://c.example/3", "Weather", "C", "2019-06-01"));
        var hits = store.Search("ferry", new ArticleFilter());
        Assert.Equal(["Ferry returns to service", "City council news"], hits.Select(h => h.Title));
        Assert.Contains(SnippetMarks.Open + "ferry" + SnippetMarks.Close, hits[1].Snippet, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["City council news"], store.Search("ferry", new ArticleFilter { Site = "A" }).Select(h => h.Title));
        Assert.Equal(["City council news"], store.Search("ferry", new ArticleFilter { Site = "a.example" }).Select(h => h.Title));
        Assert.Equal(["Ferry returns to service"], store.Search("ferry", new ArticleFilter { From = new DateOnly(2019, 4, 15) }).Select(h => h.Title));
        Assert.Empty(store.Search("ferry", new ArticleFilter { Language = "de" }));
        // Stemming: "repair" finds "repairs"; syntax characters are taken as words, not errors.
        Assert.Single(store.Search("repair", new ArticleFilter()));
        Assert.Empty(store.Search("\"unbalanced AND OR ( * -", new ArticleFilter()));
    }

    [Fact]
    public void Migrations_bring_an_old_database_up_to_date_and_keep_its_rows()
    {
        using var tmp = new TestDocs.TempDb();
        using (var old = SqliteStore.Open(tmp.Path, schemaVersion: 1))
        {
            Assert.Equal(1, old.SchemaVersion);
            TestDocs.Write(old, TestDocs.Article("a", "Putin said the talks went well.", "https://a.example/1"));
        }
        using (var v1 = new SqliteConnection($"Data Source={tmp.Path};Pooling=False"))
        {
            // A quote as a version-1 build stored it (that version had no quote index).
            v1.Open();
            using var insert = v1.CreateCommand();
            insert.CommandText = "INSERT INTO quotes(article_id, idx, text, start, \"end\", kind, speaker_name) VALUES (1, 0, 'North Korea needs guarantees', 0, 5, 'indirect', 'Vladimir Putin')";
            insert.ExecuteNonQuery();
        }
        using (var store = SqliteStore.Open(tmp.Path))
        {
            Assert.Equal(SqliteStore.LatestSchemaVersion, store.SchemaVersion);
            Assert.True(store.SchemaVersion >= 2);
            Assert.Equal(1, store.Stats().Quotes);
            // Version 2 built the quote index from the quotes stored under version 1.
            Assert.Single(store.Quotes(new QuoteFilter { Text = "guarantees" }));
        }
        using var conn = new SqliteConnection($"Data Source={tmp.Path};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT group_concat(version) FROM (SELECT version FROM schema_version ORDER BY version)";
        Assert.Equal(string.Join(",", Enumerable.Range(1, SqliteStore.LatestSchemaVersion)), cmd.ExecuteScalar());
    }

    [Fact]
    public void A_database_newer_than_this_build_is_refused()
    {
        using var tmp = new TestDocs.TempDb();
        using (SqliteStore.Open(tmp.Path)) { }
        using (var conn = new SqliteConnection($"Data Source={tmp.Path};Pooling=False"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "INSERT INTO schema_version VALUES (999, 'future', 'now')";
            cmd.ExecuteNonQuery();
        }
        Assert.Throws<StoreException>(() => SqliteStore.Open(tmp.Path));
    }

    [Fact]
    public void Opening_a_missing_database_for_a_query_fails_cleanly()
    {
        var e = Assert.Throws<StoreException>(() => SqliteStore.Open("/nonexistent/dir/x.db", create: false));
        Assert.Contains("no database", e.Message);
    }

    [Fact]
    public void Fetch_validators_and_sources_are_kept()
    {
        using var tmp = new TestDocs.TempDb();
        using (var store = SqliteStore.Open(tmp.Path))
        {
            store.TouchSource("/data/feed.xml", "feed");
            store.PutFetchStates([new("https://a.example/1", new FetchState("\"abc\"", "Fri, 26 Apr 2019 10:00:00 GMT", DateTimeOffset.UtcNow))]);
        }
        using var again = SqliteStore.Open(tmp.Path);
        Assert.Equal("\"abc\"", again.GetFetchState("https://a.example/1")!.ETag);
        Assert.Null(again.GetFetchState("https://a.example/2"));
        Assert.Equal(2, again.Stats().Sources);
    }
}
