using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Wirescope.Storage.Sqlite;

/// <summary>
/// The default store: one SQLite file in WAL mode. One connection writes (the single writer of
/// an ingest), a second, lock-guarded one answers lookups from fetcher threads and queries.
/// <para>
/// synchronous=NORMAL: in WAL mode a commit is safe against the process being killed (the WAL
/// is written before commit returns; only an OS crash or power loss can drop the last commits,
/// and never corrupts the file). An ingest lost that way is redone by running it again, which
/// idempotency makes exact, so FULL's extra fsync per commit buys nothing here.
/// </para>
/// </summary>
public sealed class SqliteStore : IStore
{
    public const string DefaultPath = "wirescope.db";

    private readonly SqliteConnection _write;
    private readonly Lazy<SqliteConnection> _read;
    private readonly object _readLock = new();
    private readonly SqliteArticleWriter _writer;
    private readonly ConcurrentQueue<(string Uri, string Kind)> _pendingSources = new();
    private readonly ConcurrentQueue<KeyValuePair<string, FetchState>> _pendingFetch = new();

    private SqliteStore(string path, SqliteConnection write)
    {
        Path = path;
        _write = write;
        _read = new Lazy<SqliteConnection>(() => OpenConnection(path, readOnly: false));
        _writer = new SqliteArticleWriter(write);
    }

    public string Path { get; }

    /// <summary>Opens (creating when <paramref name="create"/>) the database and applies migrations up to <paramref name="schemaVersion"/> (default: all).</summary>
    public static SqliteStore Open(string path, bool create = true, int? schemaVersion = null)
    {
        if (!create && !File.Exists(path)) throw new StoreException($"no database at {path} (run `wirescope ingest` first, or give --db)");
        SqliteConnection conn;
        try
        {
            conn = OpenConnection(path, readOnly: false);
            Pragma(conn, "journal_mode=WAL");
            SqliteMigrator.Apply(conn, schemaVersion);
        }
        catch (SqliteException e)
        {
            throw new StoreException($"{path}: {e.Message}", e);
        }
        return new SqliteStore(path, conn);
    }

    /// <summary>The schema version of the open database.</summary>
    public int SchemaVersion => SqliteMigrator.CurrentVersion(_write);

    public static int LatestSchemaVersion => SqliteMigrator.Latest;

    private static SqliteConnection OpenConnection(string path, bool readOnly)
    {
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            // No pool: the file is closed when the store is, so tests and users can move it.
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString();
        var conn = new SqliteConnection(cs);
        conn.Open();
        Pragma(conn, "synchronous=NORMAL");
        Pragma(conn, "temp_store=MEMORY");
        Pragma(conn, "cache_size=-32768"); // 32 MiB of page cache per connection
        Pragma(conn, "busy_timeout=60000");
        return conn;
    }

    private static void Pragma(SqliteConnection conn, string pragma)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA " + pragma;
        cmd.ExecuteNonQuery();
    }

    public IReadOnlyList<IngestOutcome> Write(IReadOnlyList<PreparedDocument> batch)
    {
        try
        {
            return WriteBatch(batch, flush: true);
        }
        catch (SqliteException) when (batch.Count > 1)
        {
            // One article broke the batch (the transaction is rolled back): redo it one
            // article per transaction, so only the bad one fails.
            var outcomes = new List<IngestOutcome>(batch.Count);
            foreach (var doc in batch)
            {
                try
                {
                    outcomes.AddRange(WriteBatch([doc], flush: false));
                }
                catch (SqliteException e) when (e.SqliteErrorCode is not (10 or 13)) // SQLITE_IOERR, SQLITE_FULL: the store is broken
                {
                    outcomes.AddRange(WriteBatch([PreparedDocument.Failed(doc.Document, $"store.write_failed: {e.Message}")], flush: false));
                }
            }
            return outcomes;
        }
    }

    private IReadOnlyList<IngestOutcome> WriteBatch(IReadOnlyList<PreparedDocument> batch, bool flush)
    {
        using var tx = _write.BeginTransaction();
        var flushed = flush ? FlushPending(tx) : ([], []);
        try
        {
            var outcomes = new List<IngestOutcome>(batch.Count);
            foreach (var doc in batch) outcomes.Add(_writer.Write(tx, doc));
            tx.Commit();
            return outcomes;
        }
        catch
        {
            _writer.Forget();
            // Rolled back: queue the sources and validators again for the next transaction.
            foreach (var s in flushed.Sources) _pendingSources.Enqueue(s);
            foreach (var f in flushed.Fetch) _pendingFetch.Enqueue(f);
            throw;
        }
    }

    public void TouchSource(string uri, string kind) => _pendingSources.Enqueue((uri, kind));

    public void PutFetchStates(IEnumerable<KeyValuePair<string, FetchState>> states)
    {
        foreach (var s in states) _pendingFetch.Enqueue(s);
    }

    /// <summary>Writes queued sources and fetch states now (the writer does this with every batch).</summary>
    public void Flush()
    {
        if (_pendingSources.IsEmpty && _pendingFetch.IsEmpty) return;
        using var tx = _write.BeginTransaction();
        FlushPending(tx);
        tx.Commit();
    }

    private (List<(string Uri, string Kind)> Sources, List<KeyValuePair<string, FetchState>> Fetch) FlushPending(SqliteTransaction tx)
    {
        var now = Now();
        var sources = new List<(string Uri, string Kind)>();
        var fetch = new List<KeyValuePair<string, FetchState>>();
        while (_pendingSources.TryDequeue(out var s))
        {
            sources.Add(s);
            using var cmd = _write.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO sources(uri, kind, first_seen, last_seen) VALUES ($u, $k, $t, $t)
                ON CONFLICT(uri) DO UPDATE SET last_seen = excluded.last_seen, kind = excluded.kind
                """;
            cmd.Parameters.AddWithValue("$u", s.Uri);
            cmd.Parameters.AddWithValue("$k", s.Kind);
            cmd.Parameters.AddWithValue("$t", now);
            cmd.ExecuteNonQuery();
        }
        while (_pendingFetch.TryDequeue(out var f))
        {
            fetch.Add(f);
            using var cmd = _write.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO sources(uri, kind, etag, last_modified, fetched_at, first_seen, last_seen)
                VALUES ($u, 'url', $e, $m, $f, $t, $t)
                ON CONFLICT(uri) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                    fetched_at = excluded.fetched_at, last_seen = excluded.last_seen
                """;
            cmd.Parameters.AddWithValue("$u", f.Key);
            cmd.Parameters.AddWithValue("$e", (object?)f.Value.ETag ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$m", (object?)f.Value.LastModified ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$f", f.Value.FetchedAt.ToString("O", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$t", now);
            cmd.ExecuteNonQuery();
        }
        return (sources, fetch);
    }

    internal static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public FetchState? GetFetchState(string url) => Read(c =>
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT etag, last_modified, fetched_at FROM sources WHERE uri = $u AND fetched_at IS NOT NULL";
        cmd.Parameters.AddWithValue("$u", url);
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        return new FetchState(r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1),
            DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture));
    });

    public long? FindByUrl(string canonicalUrl) => Read(c =>
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id FROM articles WHERE url = $u";
        cmd.Parameters.AddWithValue("$u", canonicalUrl);
        return cmd.ExecuteScalar() is long id ? id : (long?)null;
    });

    public IReadOnlyList<SearchHit> Search(string query, ArticleFilter filter) => Read(c => SqliteQueries.Search(c, query, filter));
    public IReadOnlyList<QuoteRow> Quotes(QuoteFilter filter) => Read(c => SqliteQueries.Quotes(c, filter));
    public IReadOnlyList<EventRow> Events(EventFilter filter) => Read(c => SqliteQueries.Events(c, filter));
    public StoreStats Stats() => Read(SqliteQueries.Stats);
    public IReadOnlyList<IngestLogEntry> IngestLog(int limit = 1000) => Read(c => SqliteQueries.IngestLog(c, limit));

    /// <summary>Streams records; holds the read lock until enumeration ends.</summary>
    public IEnumerable<StoredRecord> Records(ArticleFilter filter)
    {
        lock (_readLock)
        {
            foreach (var r in SqliteQueries.Records(_read.Value, filter)) yield return r;
        }
    }

    public string IntegrityCheck() => Read(c =>
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        using var r = cmd.ExecuteReader();
        var lines = new List<string>();
        while (r.Read()) lines.Add(r.GetString(0));
        return string.Join("\n", lines);
    });

    private T Read<T>(Func<SqliteConnection, T> query)
    {
        lock (_readLock)
        {
            try
            {
                return query(_read.Value);
            }
            catch (SqliteException e)
            {
                throw new StoreException(e.Message, e);
            }
        }
    }

    public void Dispose()
    {
        try { Flush(); } catch (SqliteException) { /* closing anyway: the next run rewrites these */ }
        _writer.Dispose();
        if (_read.IsValueCreated) _read.Value.Dispose();
        _write.Dispose();
    }
}
