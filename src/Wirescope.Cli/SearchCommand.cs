using System.CommandLine;
using System.Text.Json;
using Wirescope.Storage;

namespace Wirescope.Cli;

/// <summary><c>wirescope search QUERY</c>: ranked articles (bm25, title weighted) with a highlighted snippet.</summary>
public static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string[]>("QUERY") { Description = "Words (all must match), \"a phrase\", OR, NOT, prefix*", Arity = ArgumentArity.OneOrMore };
        var db = StoreOptions.Db();
        var from = StoreOptions.From();
        var to = StoreOptions.To();
        var site = StoreOptions.Site();
        var lang = StoreOptions.Lang();
        var limit = StoreOptions.Limit(20);
        var format = new Option<string>("--format") { Description = "text|jsonl", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "jsonl");
        var cmd = new Command("search", "Full-text search over the stored articles");
        cmd.Arguments.Add(query);
        foreach (var o in new Option[] { db, from, to, site, lang, limit, format }) cmd.Options.Add(o);
        cmd.SetAction(parse =>
        {
            if (!StoreOptions.TryDate(parse.GetValue(from), "--from", out var f) || !StoreOptions.TryDate(parse.GetValue(to), "--to", out var t))
                return ExitCodes.Usage;
            using var store = StoreOptions.OpenExisting(parse.GetValue(db)!);
            if (store is null) return ExitCodes.NothingRead;
            var filter = new ArticleFilter { From = f, To = t, Site = parse.GetValue(site), Language = parse.GetValue(lang), Limit = parse.GetValue(limit) };
            var hits = store.Search(string.Join(' ', parse.GetValue(query)!), filter);
            if (parse.GetValue(format) == "jsonl")
            {
                using var stdout = Console.OpenStandardOutput();
                foreach (var h in hits)
                {
                    using (var w = StatsCommand.JsonLine(stdout))
                    {
                        w.WriteStartObject();
                        w.WriteNumber("id", h.Id);
                        w.WriteNumber("story", h.Story);
                        w.WriteNumber("rank", Math.Round(h.Rank, 4));
                        w.WriteString("title", h.Title);
                        w.WriteString("url", h.Url);
                        w.WriteString("published", h.Published);
                        w.WriteString("site", h.Site);
                        w.WriteString("snippet", Marks(h.Snippet, "<b>", "</b>"));
                        w.WriteEndObject();
                    }
                    stdout.WriteByte((byte)'\n');
                }
            }
            else
            {
                bool tty = !Console.IsOutputRedirected;
                int n = 0;
                foreach (var h in hits)
                {
                    Console.WriteLine($"{++n}. {h.Title ?? "(untitled)"}");
                    Console.WriteLine($"   {h.Url ?? "(no url)"} · {h.Published ?? "no date"} · {h.Site ?? "-"} · article {h.Id}, story {h.Story}");
                    Console.WriteLine($"   {Marks(h.Snippet, tty ? "\u001b[1m" : "[", tty ? "\u001b[0m" : "]").ReplaceLineEndings(" ")}");
                }
                if (n == 0) Console.Error.WriteLine("wirescope: no matches");
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    internal static string Marks(string snippet, string open, string close) =>
        snippet.Replace(SnippetMarks.Open, open).Replace(SnippetMarks.Close, close);
}
