using System.Globalization;
using Microsoft.Data.Sqlite;
using Wirescope.Documents;

namespace Wirescope.Storage.Sqlite;

/// <summary>
/// Writes one prepared document inside the caller's batch transaction, under its own savepoint,
/// so each article lands with all its layers or not at all. Commands are prepared once and
/// reused for the whole ingest (the writer is single-threaded).
/// </summary>
internal sealed class SqliteArticleWriter(SqliteConnection conn) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _actorIds = new(StringComparer.Ordinal);

    private long _nextId;

    /// <summary>Drops caches that may name rows of a rolled-back transaction.</summary>
    public void Forget()
    {
        _actorIds.Clear();
        _nextId = 0;
    }

    public IngestOutcome Write(SqliteTransaction tx, PreparedDocument p)
    {
        var input = p.Document.Id;
        if (p.FailReason is { } reason)
        {
            if (p.NotModified)
            {
                // The server says our copy is current: a duplicate of the article stored from
                // that URL (none when the URL was a feed or sitemap, whose entries are the articles).
                long? of = p.CanonicalUrl is null ? null : Scalar(tx, "SELECT id FROM articles WHERE url = $u", ("$u", p.CanonicalUrl));
                var why = p.Document.Error?.Code == Inputs.Web.FetchCodes.AlreadyStored
                    ? "already stored, not read again" : "not modified since the last fetch";
                return Log(tx, new IngestOutcome(input, IngestStatus.Duplicate, of, of is null ? null : StoryOf(tx, of.Value), why));
            }
            return Log(tx, new IngestOutcome(input, IngestStatus.Failed, null, null, reason));
        }
        if (p.CanonicalUrl is { } url && Scalar(tx, "SELECT id FROM articles WHERE url = $u", ("$u", url)) is { } byUrl)
            return Log(tx, new IngestOutcome(input, IngestStatus.Duplicate, byUrl, StoryOf(tx, byUrl), "same canonical URL"));
        if (Scalar(tx, "SELECT id FROM articles WHERE content_hash = $h", ("$h", p.ContentHash)) is { } byHash)
            return Log(tx, new IngestOutcome(input, IngestStatus.Duplicate, byHash, StoryOf(tx, byHash), "same content"));

        // No savepoint per article: a failure aborts the batch and SqliteStore.Write redoes it
        // one article per transaction, so each article still lands whole or not at all.
        var (id, story) = Insert(tx, p);
        return Log(tx, new IngestOutcome(input, IngestStatus.Added, id, story, p.Note));
    }

    private (long Id, long Story) Insert(SqliteTransaction tx, PreparedDocument p)
    {
        var doc = p.Document;
        var a = doc.Article!;
        // The single writer owns the id sequence, so the id (and with it the story) is known
        // before the row is written: no second write of a row with a 10 KB record.
        if (_nextId == 0) _nextId = (long)Command(tx, "SELECT COALESCE(MAX(id), 0) + 1 FROM articles").ExecuteScalar()!;
        long id = _nextId++;
        long story = FindStory(tx, id, p.Signature);
        var cmd = Command(tx, """
            INSERT INTO articles(id, input, url, content_hash, title, site, published, published_day, language, story_id,
                                 record, minhash, layers, added_at)
            VALUES ($id, $input, $url, $hash, $title, $site, $pub, $day, $lang, $story, CAST($record AS TEXT), $minhash, $layers, $added)
            """);
        // The record is bound as its UTF-8 bytes and cast to TEXT (the database's encoding, so
        // the cast is a plain copy): it must stay TEXT, as json_extract reads a BLOB as JSONB.
        Set(cmd, "$id", id);
        Set(cmd, "$story", story);
        Set(cmd, "$input", doc.Id);
        Set(cmd, "$url", p.CanonicalUrl);
        Set(cmd, "$hash", p.ContentHash);
        Set(cmd, "$title", a.Title);
        Set(cmd, "$site", a.Site ?? HostOf(p.CanonicalUrl));
        Set(cmd, "$pub", a.Published?.ToString());
        Set(cmd, "$day", p.PublishedDay);
        Set(cmd, "$lang", a.Language);
        Set(cmd, "$record", p.JsonUtf8);
        Set(cmd, "$minhash", p.SignatureBytes);
        Set(cmd, "$layers", (long)doc.Done);
        Set(cmd, "$added", SqliteStore.Now());
        cmd.ExecuteNonQuery();
        if (p.Signature is not null) AddBands(tx, id, p.Signature);

        var fts = Command(tx, "INSERT INTO articles_fts(rowid, title, text) VALUES ($id, $title, $text)");
        Set(fts, "$id", id);
        Set(fts, "$title", a.Title ?? "");
        Set(fts, "$text", a.Text);
        fts.ExecuteNonQuery();

        var entityActors = doc.Done.HasFlag(Layers.Entities) ? WriteEntities(tx, id, doc.Entities) : new Dictionary<string, long>();
        if (doc.Done.HasFlag(Layers.Quotes)) WriteQuotes(tx, id, doc.Quotes, entityActors);
        if (doc.Done.HasFlag(Layers.Events)) WriteEvents(tx, id, doc.Events);
        return (id, story);
    }

    /// <summary>
    /// The story of a new article: it joins the stories of its near-duplicates (LSH candidates
    /// whose estimated Jaccard passes the threshold). When it bridges several stories they merge:
    /// a story is a connected component of the similarity graph, named by its smallest article
    /// id, so the grouping does not depend on the order articles arrive in.
    /// </summary>
    private long FindStory(SqliteTransaction tx, long id, uint[]? signature)
    {
        if (signature is null) return id;
        var stories = new SortedSet<long>();
        var keys = MinHasher.BandKeys(signature);
        var find = Command(tx, FindSql);
        for (int i = 0; i < keys.Length; i++) Set(find, "$k" + i, keys[i]);
        using (var r = find.ExecuteReader())
        {
            while (r.Read())
            {
                if (r.IsDBNull(2)) continue;
                var other = MinHasher.FromBytes((byte[])r.GetValue(2));
                if (MinHasher.Similarity(signature, other) >= MinHasher.SameStoryThreshold) stories.Add(r.GetInt64(1));
            }
        }
        if (stories.Count == 0) return id;
        long story = stories.Min;
        foreach (var other in stories)
        {
            if (other == story) continue;
            var merge = Command(tx, "UPDATE articles SET story_id = $s WHERE story_id = $o");
            Set(merge, "$s", story);
            Set(merge, "$o", other);
            merge.ExecuteNonQuery();
        }
        return story;
    }

    private static readonly string FindSql =
        "SELECT DISTINCT a.id, a.story_id, a.minhash FROM article_bands b JOIN articles a ON a.id = b.article_id WHERE b.key IN ("
        + string.Join(", ", Enumerable.Range(0, MinHasher.Bands).Select(i => "$k" + i)) + ")";

    private static readonly string BandsSql =
        "INSERT OR IGNORE INTO article_bands(key, article_id) VALUES "
        + string.Join(", ", Enumerable.Range(0, MinHasher.Bands).Select(i => $"($k{i}, $id)"));

    /// <summary>All band keys in one statement (one round trip instead of 32).</summary>
    private void AddBands(SqliteTransaction tx, long id, uint[] signature)
    {
        var keys = MinHasher.BandKeys(signature);
        var band = Command(tx, BandsSql);
        for (int i = 0; i < keys.Length; i++) Set(band, "$k" + i, keys[i]);
        Set(band, "$id", id);
        band.ExecuteNonQuery();
    }

    private Dictionary<string, long> WriteEntities(SqliteTransaction tx, long articleId, List<Entity> entities)
    {
        var actorOf = new Dictionary<string, long>(StringComparer.Ordinal);
        var ins = Command(tx, "INSERT INTO entities(article_id, local_id, type, name, actor_id, rule) VALUES ($a, $l, $t, $n, $actor, $r) RETURNING id");
        var men = Command(tx, "INSERT INTO mentions(entity_id, start, \"end\", text, kind, rule) VALUES ($e, $s, $x, $t, $k, $r)");
        foreach (var e in entities)
        {
            long? actorId = e.Actor is { } ac ? ActorId(tx, e.Name, ac) : null;
            if (actorId is { } aid) actorOf[e.Id] = aid;
            Set(ins, "$a", articleId);
            Set(ins, "$l", e.Id);
            Set(ins, "$t", e.Type);
            Set(ins, "$n", e.Name);
            Set(ins, "$actor", actorId);
            Set(ins, "$r", e.Rule);
            long entityId = (long)ins.ExecuteScalar()!;
            foreach (var m in e.Mentions)
            {
                Set(men, "$e", entityId);
                Set(men, "$s", m.Start);
                Set(men, "$x", m.End);
                Set(men, "$t", m.Text);
                Set(men, "$k", Documents.Json.DocumentJsonWriter.KindName(m.Kind));
                Set(men, "$r", m.Rule);
                men.ExecuteNonQuery();
            }
        }
        return actorOf;
    }

    private long ActorId(SqliteTransaction tx, string name, Actor actor)
    {
        var key = $"{name}|{actor.Country}|{actor.Sector}";
        if (_actorIds.TryGetValue(key, out var id)) return id;
        var cmd = Command(tx, """
            INSERT INTO actors(key, name, country, sector, role, title) VALUES ($k, $n, $c, $s, $r, $t)
            ON CONFLICT(key) DO UPDATE SET role = COALESCE(actors.role, excluded.role), title = COALESCE(actors.title, excluded.title)
            RETURNING id
            """);
        Set(cmd, "$k", key);
        Set(cmd, "$n", name);
        Set(cmd, "$c", actor.Country);
        Set(cmd, "$s", actor.Sector);
        Set(cmd, "$r", actor.Role);
        Set(cmd, "$t", actor.Title);
        id = (long)cmd.ExecuteScalar()!;
        _actorIds[key] = id;
        return id;
    }

    private void WriteQuotes(SqliteTransaction tx, long articleId, List<Quote> quotes, Dictionary<string, long> actorOf)
    {
        var ins = Command(tx, """
            INSERT INTO quotes(article_id, idx, text, start, "end", kind, speaker_local, speaker_name, speaker_actor, cue_text, cue_lemma, rule)
            VALUES ($a, $i, $text, $s, $e, $k, $sl, $sn, $sa, $ct, $cl, $r) RETURNING id
            """);
        var fts = Command(tx, "INSERT INTO quotes_fts(rowid, text) VALUES ($id, $text)");
        var relay = Command(tx, "INSERT INTO quote_relays(quote_id, position, entity_local, name) VALUES ($q, $p, $l, $n)");
        for (int i = 0; i < quotes.Count; i++)
        {
            var q = quotes[i];
            Set(ins, "$a", articleId);
            Set(ins, "$i", i);
            Set(ins, "$text", q.Text);
            Set(ins, "$s", q.Start);
            Set(ins, "$e", q.End);
            Set(ins, "$k", q.Kind);
            Set(ins, "$sl", q.Speaker?.Entity);
            Set(ins, "$sn", q.Speaker?.Name);
            Set(ins, "$sa", q.Speaker?.Entity is { } se && actorOf.TryGetValue(se, out var sa) ? sa : null);
            Set(ins, "$ct", q.Cue?.Text);
            Set(ins, "$cl", q.Cue?.Lemma);
            Set(ins, "$r", q.Rule);
            long qid = (long)ins.ExecuteScalar()!;
            Set(fts, "$id", qid);
            Set(fts, "$text", q.Text);
            fts.ExecuteNonQuery();
            for (int p = 0; p < q.Via.Count; p++)
            {
                Set(relay, "$q", qid);
                Set(relay, "$p", p);
                Set(relay, "$l", q.Via[p].Entity);
                Set(relay, "$n", q.Via[p].Name);
                relay.ExecuteNonQuery();
            }
        }
    }

    private void WriteEvents(SqliteTransaction tx, long articleId, List<Event> events)
    {
        var ins = Command(tx, """
            INSERT INTO events(article_id, idx, type, mode,
                source_entity, source_name, source_country, source_sector,
                target_entity, target_name, target_country, target_sector,
                date_value, date_day, date_precision, date_basis, place_name, place_country,
                trigger_text, trigger_start, trigger_end, negated, confidence, rule)
            VALUES ($a, $i, $type, $mode, $se, $sn, $sc, $ss, $te, $tn, $tc, $ts,
                $dv, $dd, $dp, $db, $pn, $pc, $tt, $tst, $ten, $neg, $conf, $r)
            """);
        for (int i = 0; i < events.Count; i++)
        {
            var e = events[i];
            Set(ins, "$a", articleId);
            Set(ins, "$i", i);
            Set(ins, "$type", e.Type);
            Set(ins, "$mode", e.Mode);
            Set(ins, "$se", e.Source?.Entity);
            Set(ins, "$sn", e.Source?.Name);
            Set(ins, "$sc", e.Source?.Country);
            Set(ins, "$ss", e.Source?.Sector);
            Set(ins, "$te", e.Target?.Entity);
            Set(ins, "$tn", e.Target?.Name);
            Set(ins, "$tc", e.Target?.Country);
            Set(ins, "$ts", e.Target?.Sector);
            Set(ins, "$dv", e.Date?.Value);
            Set(ins, "$dd", PartialDate.TryParse(e.Date?.Value, out var d) ? d.Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null);
            Set(ins, "$dp", e.Date?.Precision);
            Set(ins, "$db", e.Date?.Basis);
            Set(ins, "$pn", e.Place?.Name);
            Set(ins, "$pc", e.Place?.Country);
            Set(ins, "$tt", e.Trigger?.Text);
            Set(ins, "$tst", e.Trigger?.Start);
            Set(ins, "$ten", e.Trigger?.End);
            Set(ins, "$neg", e.Negated ? 1 : 0);
            Set(ins, "$conf", e.Confidence);
            Set(ins, "$r", e.Rule);
            ins.ExecuteNonQuery();
        }
    }

    private IngestOutcome Log(SqliteTransaction tx, IngestOutcome o)
    {
        var cmd = Command(tx, "INSERT INTO ingest_log(input, status, of_article, reason, time) VALUES ($i, $s, $o, $r, $t)");
        Set(cmd, "$i", o.Input);
        Set(cmd, "$s", StatusName(o.Status));
        Set(cmd, "$o", o.ArticleId);
        Set(cmd, "$r", o.Reason);
        Set(cmd, "$t", SqliteStore.Now());
        cmd.ExecuteNonQuery();
        return o;
    }

    public static string StatusName(IngestStatus s) => s switch
    {
        IngestStatus.Added => "added",
        IngestStatus.Duplicate => "duplicate",
        _ => "failed",
    };

    private long? StoryOf(SqliteTransaction tx, long id) => Scalar(tx, "SELECT story_id FROM articles WHERE id = $id", ("$id", id));

    private long? Scalar(SqliteTransaction tx, string sql, (string Name, object? Value) p)
    {
        var cmd = Command(tx, sql);
        Set(cmd, p.Name, p.Value);
        return cmd.ExecuteScalar() is long v ? v : null;
    }

    private static string? HostOf(string? url) => url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : null;

    /// <summary>The prepared command for <paramref name="sql"/>, bound to <paramref name="tx"/>.</summary>
    private SqliteCommand Command(SqliteTransaction tx, string sql)
    {
        if (!_commands.TryGetValue(sql, out var cmd))
        {
            cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            _commands[sql] = cmd;
        }
        cmd.Transaction = tx;
        return cmd;
    }

    private static void Set(SqliteCommand cmd, string name, object? value)
    {
        var v = value ?? DBNull.Value;
        if (cmd.Parameters.Contains(name)) cmd.Parameters[name].Value = v;
        else cmd.Parameters.AddWithValue(name, v);
    }

    public void Dispose()
    {
        foreach (var c in _commands.Values) c.Dispose();
        _commands.Clear();
    }
}
