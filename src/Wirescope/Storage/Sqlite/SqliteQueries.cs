using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Wirescope.Documents;

namespace Wirescope.Storage.Sqlite;

/// <summary>The read side: search, quotes, events, records, stats. SQL built from filters with parameters only.</summary>
internal static class SqliteQueries
{
    /// <summary>Title hits weigh ten times body hits in bm25: a headline naming the query is the better answer.</summary>
    private const double TitleWeight = 10.0;

    public static IReadOnlyList<SearchHit> Search(SqliteConnection c, string query, ArticleFilter f)
    {
        var match = FtsQuery.Build(query);
        if (match.Length == 0) return [];
        using var cmd = c.CreateCommand();
        var sql = new StringBuilder($"""
            SELECT a.id, bm25(articles_fts, {TitleWeight.ToString(CultureInfo.InvariantCulture)}, 1.0) AS rank, a.title, a.url, a.published, a.site,
                   snippet(articles_fts, 1, $open, $close, '…', 24), a.story_id
            FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
            WHERE articles_fts MATCH $q
            """);
        cmd.Parameters.AddWithValue("$q", match);
        cmd.Parameters.AddWithValue("$open", SnippetMarks.Open);
        cmd.Parameters.AddWithValue("$close", SnippetMarks.Close);
        ArticleWhere(cmd, sql, f);
        sql.Append(" ORDER BY rank, a.id LIMIT $limit");
        cmd.Parameters.AddWithValue("$limit", Math.Max(1, f.Limit));
        cmd.CommandText = sql.ToString();
        var hits = new List<SearchHit>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            hits.Add(new SearchHit(r.GetInt64(0), r.GetDouble(1), Str(r, 2), Str(r, 3), Str(r, 4), Str(r, 5), r.GetString(6), r.GetInt64(7)));
        return hits;
    }

    private static void ArticleWhere(SqliteCommand cmd, StringBuilder sql, ArticleFilter f)
    {
        if (f.From is { } from)
        {
            sql.Append(" AND a.published_day >= $from");
            cmd.Parameters.AddWithValue("$from", Day(from));
        }
        if (f.To is { } to)
        {
            sql.Append(" AND a.published_day <= $to");
            cmd.Parameters.AddWithValue("$to", Day(to));
        }
        if (f.Site is { } site)
        {
            sql.Append(" AND (a.site = $site COLLATE NOCASE OR a.url LIKE $siteUrl)");
            cmd.Parameters.AddWithValue("$site", site);
            cmd.Parameters.AddWithValue("$siteUrl", "%://" + site + "/%");
        }
        if (f.Language is { } lang)
        {
            sql.Append(" AND a.language = $lang COLLATE NOCASE");
            cmd.Parameters.AddWithValue("$lang", lang);
        }
    }

    public static IReadOnlyList<QuoteRow> Quotes(SqliteConnection c, QuoteFilter f)
    {
        using var cmd = c.CreateCommand();
        var sql = new StringBuilder("""
            SELECT q.article_id, a.url, a.published, q.text, q.kind, q.speaker_name, q.cue_text, q.rule,
                   (SELECT group_concat(name, char(31)) FROM (SELECT name FROM quote_relays r WHERE r.quote_id = q.id ORDER BY position))
            FROM quotes q JOIN articles a ON a.id = q.article_id
            """);
        if (f.Text is { } text && FtsQuery.Build(text) is { Length: > 0 } match)
        {
            sql.Append(" JOIN quotes_fts ON quotes_fts.rowid = q.id AND quotes_fts MATCH $text");
            cmd.Parameters.AddWithValue("$text", match);
        }
        sql.Append(" WHERE 1 = 1");
        if (f.Speaker is { } sp)
        {
            sql.Append(" AND q.speaker_name LIKE $sp ESCAPE '\\'");
            cmd.Parameters.AddWithValue("$sp", Like(sp));
        }
        if (f.Via is { } via)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM quote_relays r WHERE r.quote_id = q.id AND r.name LIKE $via ESCAPE '\\')");
            cmd.Parameters.AddWithValue("$via", Like(via));
        }
        ArticleWhere(cmd, sql, new ArticleFilter { From = f.From, To = f.To, Site = f.Site });
        sql.Append(" ORDER BY a.published_day, q.article_id, q.idx LIMIT $limit");
        cmd.Parameters.AddWithValue("$limit", Math.Max(1, f.Limit));
        cmd.CommandText = sql.ToString();
        var rows = new List<QuoteRow>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var relays = Str(r, 8) is { } v ? v.Split('\u001f') : [];
            rows.Add(new QuoteRow(r.GetInt64(0), Str(r, 1), Str(r, 2), r.GetString(3), r.GetString(4), Str(r, 5), relays, Str(r, 6), Str(r, 7)));
        }
        return rows;
    }

    public static IReadOnlyList<EventRow> Events(SqliteConnection c, EventFilter f)
    {
        using var cmd = c.CreateCommand();
        var sql = new StringBuilder("""
            SELECT e.article_id, a.url, a.published, e.type, e.mode,
                   e.source_entity, e.source_name, e.source_country, e.source_sector,
                   e.target_entity, e.target_name, e.target_country, e.target_sector,
                   e.date_value, e.date_precision, e.place_name, e.place_country, e.trigger_text,
                   e.negated, e.confidence, e.rule, e.trigger_start, e.trigger_end, json_extract(a.record, '$.article.text')
            FROM events e JOIN articles a ON a.id = e.article_id
            WHERE 1 = 1
            """);
        if (f.Actor is { } actor)
        {
            sql.Append(" AND (e.source_country = $actor COLLATE NOCASE OR e.target_country = $actor COLLATE NOCASE)");
            cmd.Parameters.AddWithValue("$actor", actor);
        }
        if (f.Sector is { } sector)
        {
            sql.Append(" AND (e.source_sector = $sector COLLATE NOCASE OR e.target_sector = $sector COLLATE NOCASE)");
            cmd.Parameters.AddWithValue("$sector", sector);
        }
        if (f.Type is { } type)
        {
            sql.Append(" AND e.type = $type COLLATE NOCASE");
            cmd.Parameters.AddWithValue("$type", type);
        }
        if (f.From is { } from)
        {
            sql.Append(" AND COALESCE(e.date_day, a.published_day) >= $from");
            cmd.Parameters.AddWithValue("$from", Day(from));
        }
        if (f.To is { } to)
        {
            sql.Append(" AND COALESCE(e.date_day, a.published_day) <= $to");
            cmd.Parameters.AddWithValue("$to", Day(to));
        }
        sql.Append(" ORDER BY COALESCE(e.date_day, a.published_day), e.article_id, e.idx LIMIT $limit");
        cmd.Parameters.AddWithValue("$limit", Math.Max(1, f.Limit));
        cmd.CommandText = sql.ToString();
        var rows = new List<EventRow>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            EventActor? Actor(int i) => r.IsDBNull(i + 1) && r.IsDBNull(i + 2) && r.IsDBNull(i + 3) ? null
                : new EventActor(Str(r, i), Str(r, i + 1), Str(r, i + 2), Str(r, i + 3));
            string? evidence = null;
            if (!r.IsDBNull(21) && !r.IsDBNull(22) && Str(r, 23) is { } body)
                evidence = SentenceAround(body, r.GetInt32(21), r.GetInt32(22));
            rows.Add(new EventRow(r.GetInt64(0), Str(r, 1), Str(r, 2), r.GetString(3), Str(r, 4), Actor(5), Actor(9),
                Str(r, 13), Str(r, 14), Str(r, 15), Str(r, 16), Str(r, 17), r.GetInt64(18) != 0, r.GetDouble(19), Str(r, 20), evidence));
        }
        return rows;
    }

    /// <summary>The sentence-ish stretch around a trigger: from the previous to the next full stop or line break.</summary>
    private static string SentenceAround(string text, int start, int end)
    {
        if (start < 0 || end > text.Length || start > end) return "";
        int s = start, e = end;
        while (s > 0 && text[s - 1] is not ('.' or '\n' or '!' or '?')) s--;
        while (e < text.Length && text[e] is not ('.' or '\n' or '!' or '?')) e++;
        if (e < text.Length && text[e] != '\n') e++;
        return text[s..e].Trim();
    }

    public static IEnumerable<StoredRecord> Records(SqliteConnection c, ArticleFilter f)
    {
        using var cmd = c.CreateCommand();
        var sql = new StringBuilder("SELECT a.id, a.story_id, a.record FROM articles a WHERE 1 = 1");
        ArticleWhere(cmd, sql, f);
        sql.Append(" ORDER BY a.id LIMIT $limit");
        cmd.Parameters.AddWithValue("$limit", f.Limit <= 0 ? long.MaxValue : f.Limit);
        cmd.CommandText = sql.ToString();
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return new StoredRecord(r.GetInt64(0), r.GetInt64(1), r.GetString(2));
    }

    public static StoreStats Stats(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(DISTINCT story_id) FROM articles),
                   (SELECT COUNT(*) FROM entities), (SELECT COUNT(*) FROM quotes),
                   (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM sources)
            """;
        using var r = cmd.ExecuteReader();
        r.Read();
        return new StoreStats(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5));
    }

    public static IReadOnlyList<IngestLogEntry> IngestLog(SqliteConnection c, int limit)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, input, status, of_article, reason, time FROM (SELECT * FROM ingest_log ORDER BY id DESC LIMIT $n) ORDER BY id";
        cmd.Parameters.AddWithValue("$n", limit);
        var rows = new List<IngestLogEntry>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var status = r.GetString(2) switch { "added" => IngestStatus.Added, "duplicate" => IngestStatus.Duplicate, _ => IngestStatus.Failed };
            rows.Add(new IngestLogEntry(r.GetInt64(0), r.GetString(1), status, r.IsDBNull(3) ? null : r.GetInt64(3), Str(r, 4),
                DateTimeOffset.Parse(r.GetString(5), CultureInfo.InvariantCulture)));
        }
        return rows;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Like(string s) => "%" + s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
