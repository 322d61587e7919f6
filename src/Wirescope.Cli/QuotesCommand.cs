using System.CommandLine;
using Wirescope.Storage;

namespace Wirescope.Cli;

/// <summary><c>wirescope quotes</c>: who said what, and through whom, across the store.</summary>
public static class QuotesCommand
{
    public static Command Create()
    {
        var db = StoreOptions.Db();
        var speaker = new Option<string?>("--speaker") { Description = "Speaker name (substring, any case)" };
        var via = new Option<string?>("--via") { Description = "A relay anywhere in the chain, e.g. TASS" };
        var text = new Option<string?>("--text") { Description = "Full-text query over the quote" };
        var from = StoreOptions.From();
        var to = StoreOptions.To();
        var site = StoreOptions.Site();
        var limit = StoreOptions.Limit(100);
        var format = new Option<string>("--format") { Description = "text|jsonl", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "jsonl");
        var cmd = new Command("quotes", "Quotes in the store, by speaker, relay and text");
        foreach (var o in new Option[] { db, speaker, via, text, from, to, site, limit, format }) cmd.Options.Add(o);
        cmd.SetAction(parse =>
        {
            if (!StoreOptions.TryDate(parse.GetValue(from), "--from", out var f) || !StoreOptions.TryDate(parse.GetValue(to), "--to", out var t))
                return ExitCodes.Usage;
            using var store = StoreOptions.OpenExisting(parse.GetValue(db)!);
            if (store is null) return ExitCodes.NothingRead;
            var rows = store.Quotes(new QuoteFilter
            {
                Speaker = parse.GetValue(speaker), Via = parse.GetValue(via), Text = parse.GetValue(text),
                From = f, To = t, Site = parse.GetValue(site), Limit = parse.GetValue(limit),
            });
            if (parse.GetValue(format) == "jsonl")
            {
                using var stdout = Console.OpenStandardOutput();
                foreach (var q in rows)
                {
                    using (var w = StatsCommand.JsonLine(stdout))
                    {
                        w.WriteStartObject();
                        w.WriteNumber("article", q.ArticleId);
                        w.WriteString("url", q.Url);
                        w.WriteString("published", q.Published);
                        w.WriteString("speaker", q.Speaker);
                        w.WriteStartArray("via");
                        foreach (var v in q.Via) w.WriteStringValue(v);
                        w.WriteEndArray();
                        w.WriteString("kind", q.Kind);
                        w.WriteString("text", q.Text);
                        w.WriteString("cue", q.Cue);
                        w.WriteString("rule", q.Rule);
                        w.WriteEndObject();
                    }
                    stdout.WriteByte((byte)'\n');
                }
            }
            else
            {
                foreach (var q in rows)
                {
                    var chain = q.Via.Count > 0 ? " via " + string.Join(" ← ", q.Via) : "";
                    Console.WriteLine($"{q.Published ?? "no date"} {q.Speaker ?? "?"}{chain} ({q.Kind}): \u201c{q.Text}\u201d");
                    Console.WriteLine($"   {q.Url ?? "article " + q.ArticleId}");
                }
                if (rows.Count == 0) Console.Error.WriteLine("wirescope: no quotes match");
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
