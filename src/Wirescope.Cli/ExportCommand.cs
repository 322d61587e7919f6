using System.CommandLine;
using System.Text;
using System.Text.Json;
using Wirescope.Documents.Json;
using Wirescope.Storage;

namespace Wirescope.Cli;

/// <summary>
/// <c>wirescope export</c>: the store's contents as JSONL records in the analyze schema (read back
/// through DocumentJsonReader and written by DocumentJsonWriter, so the schema is the current
/// one), CSV tables of quotes or events, or PLOVER JSON event records.
/// </summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var db = StoreOptions.Db();
        var format = new Option<string>("--format") { Description = "jsonl|csv|plover", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv", "plover");
        var table = new Option<string>("--table") { Description = "For csv: quotes|events", DefaultValueFactory = _ => "quotes" };
        table.AcceptOnlyFromAmong("quotes", "events");
        var from = StoreOptions.From();
        var to = StoreOptions.To();
        var site = StoreOptions.Site();
        var lang = StoreOptions.Lang();
        var actor = new Option<string?>("--actor") { Description = "Events: actor country" };
        var type = new Option<string?>("--type") { Description = "Events: PLOVER type" };
        var speaker = new Option<string?>("--speaker") { Description = "Quotes: speaker name" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE instead of stdout" };
        var cmd = new Command("export", "Export the store: jsonl records, csv of quotes or events, PLOVER events");
        foreach (var o in new Option[] { db, format, table, from, to, site, lang, actor, type, speaker, output }) cmd.Options.Add(o);
        cmd.SetAction(parse =>
        {
            if (!StoreOptions.TryDate(parse.GetValue(from), "--from", out var f) || !StoreOptions.TryDate(parse.GetValue(to), "--to", out var t))
                return ExitCodes.Usage;
            using var store = StoreOptions.OpenExisting(parse.GetValue(db)!);
            if (store is null) return ExitCodes.NothingRead;
            using var stdout = parse.GetValue(output) is { } path ? File.Create(path) : Console.OpenStandardOutput();
            using var buffered = new BufferedStream(stdout, 1 << 16);
            var fmt = parse.GetValue(format);
            var events = new EventFilter { Actor = parse.GetValue(actor), Type = parse.GetValue(type), From = f, To = t, Limit = int.MaxValue };
            if (fmt == "jsonl")
            {
                foreach (var r in store.Records(new ArticleFilter { From = f, To = t, Site = parse.GetValue(site), Language = parse.GetValue(lang), Limit = 0 }))
                {
                    var doc = DocumentJsonReader.Read(r.Json);
                    buffered.Write(DocumentJsonWriter.ToUtf8(doc));
                    buffered.WriteByte((byte)'\n');
                }
            }
            else if (fmt == "plover")
            {
                var rows = store.Events(events);
                int i = 0;
                long article = -1;
                foreach (var e in rows)
                {
                    i = e.ArticleId == article ? i + 1 : 0;
                    article = e.ArticleId;
                    WritePlover(buffered, e, $"{e.ArticleId}-{i}");
                    buffered.WriteByte((byte)'\n');
                }
            }
            else
            {
                using var w = new StreamWriter(buffered, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                if (parse.GetValue(table) == "events")
                {
                    Csv(w, "article", "url", "published", "date", "type", "mode", "source_name", "source_country", "source_sector",
                        "target_name", "target_country", "target_sector", "place", "place_country", "trigger", "negated", "confidence", "rule");
                    foreach (var e in store.Events(events))
                        Csv(w, e.ArticleId.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Url, e.Published, e.Date, e.Type, e.Mode,
                            e.Source?.Name, e.Source?.Country, e.Source?.Sector, e.Target?.Name, e.Target?.Country, e.Target?.Sector,
                            e.Place, e.PlaceCountry, e.Trigger, e.Negated ? "true" : "false",
                            e.Confidence.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), e.Rule);
                }
                else
                {
                    Csv(w, "article", "url", "published", "speaker", "via", "kind", "text", "cue", "rule");
                    foreach (var q in store.Quotes(new QuoteFilter { Speaker = parse.GetValue(speaker), From = f, To = t, Site = parse.GetValue(site), Limit = int.MaxValue }))
                        Csv(w, q.ArticleId.ToString(System.Globalization.CultureInfo.InvariantCulture), q.Url, q.Published, q.Speaker,
                            string.Join(" | ", q.Via), q.Kind, q.Text, q.Cue, q.Rule);
                }
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>One RFC 4180 row: fields with a comma, quote or line break are quoted, quotes doubled.</summary>
    internal static void Csv(TextWriter w, params string?[] fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0) w.Write(',');
            var f = fields[i] ?? "";
            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0) w.Write("\"" + f.Replace("\"", "\"\"") + "\"");
            else w.Write(f);
        }
        w.Write("\r\n");
    }

    /// <summary>A PLOVER event record (the field names of the PLOVER/POLECAT event data).</summary>
    internal static void WritePlover(Stream s, EventRow e, string id)
    {
        using var w = new Utf8JsonWriter(s, DocumentJsonWriter.Options);
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("event_type", e.Type);
        w.WriteString("mode", e.Mode);
        w.WriteString("event_date", e.Date ?? e.Published);
        w.WriteString("date_precision", e.DatePrecision);
        w.WriteString("actor", e.Source?.Name);
        w.WriteString("actor_country", e.Source?.Country);
        w.WriteString("actor_sector", e.Source?.Sector);
        w.WriteString("recipient", e.Target?.Name);
        w.WriteString("recipient_country", e.Target?.Country);
        w.WriteString("recipient_sector", e.Target?.Sector);
        w.WriteString("location", e.Place);
        w.WriteString("location_country", e.PlaceCountry);
        w.WriteBoolean("negated", e.Negated);
        w.WriteNumber("confidence", Math.Round(e.Confidence, 3));
        w.WriteString("trigger", e.Trigger);
        w.WriteString("text", e.Evidence);
        w.WriteString("story_url", e.Url);
        w.WriteString("story_date", e.Published);
        w.WriteString("coder", "wirescope");
        w.WriteString("rule", e.Rule);
        w.WriteEndObject();
    }
}
