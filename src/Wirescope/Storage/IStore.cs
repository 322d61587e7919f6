using Wirescope.Documents;

namespace Wirescope.Storage;

/// <summary>
/// The store: articles with all their layers, deduplicated and grouped into stories, plus the
/// ingest log and the sources read. Implementations (SQLite now, PostgreSQL later) keep their
/// own types inside; callers see only these records. Not thread-safe: one writer owns an
/// instance; readers open their own.
/// </summary>
public interface IStore : IDisposable
{
    /// <summary>Stores a batch of prepared articles, each atomically with all its layers, and
    /// logs every one. Returns one outcome per input in order.</summary>
    IReadOnlyList<IngestOutcome> Write(IReadOnlyList<PreparedDocument> batch);

    /// <summary>Records a source (file, directory, WARC, feed, sitemap, fetched URL).</summary>
    void TouchSource(string uri, string kind);

    /// <summary>What the last fetch of <paramref name="url"/> returned (for conditional requests).</summary>
    FetchState? GetFetchState(string url);

    /// <summary>Remembers validators of fetched URLs (written with the next batch).</summary>
    void PutFetchStates(IEnumerable<KeyValuePair<string, FetchState>> states);

    /// <summary>The article that owns <paramref name="canonicalUrl"/>, if any.</summary>
    long? FindByUrl(string canonicalUrl);

    IReadOnlyList<SearchHit> Search(string query, ArticleFilter filter);
    IReadOnlyList<QuoteRow> Quotes(QuoteFilter filter);
    IReadOnlyList<EventRow> Events(EventFilter filter);

    /// <summary>Stored records (the analyze schema as JSON) matching the filter, in id order.</summary>
    IEnumerable<StoredRecord> Records(ArticleFilter filter);

    StoreStats Stats();

    /// <summary>The ingest log, newest last (for tests and `stats`).</summary>
    IReadOnlyList<IngestLogEntry> IngestLog(int limit = 1000);

    /// <summary>"ok", or the problems the database's own check finds.</summary>
    string IntegrityCheck();
}
