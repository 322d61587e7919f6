using System.CommandLine;
using Wirescope.Documents;
using Wirescope.Storage;

namespace Wirescope.Cli;

/// <summary><c>wirescope events</c>: PLOVER events in the store, by actor country, type and date.</summary>
public static class EventsCommand
{
    public static Command Create()
    {
        var db = StoreOptions.Db();
        var actor = new Option<string?>("--actor") { Description = "Actor country (ISO alpha-3, source or target), e.g. PRK" };
        var sector = new Option<string?>("--sector") { Description = "Actor sector (source or target), e.g. GOV" };
        var type = new Option<string?>("--type") { Description = "PLOVER type, e.g. CONSULT" };
        var from = StoreOptions.From();
        var to = StoreOptions.To();
        var limit = StoreOptions.Limit(100);
        var format = new Option<string>("--format") { Description = "text|jsonl", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "jsonl");
        var cmd = new Command("events", "Events in the store, by actor, type and date");
        foreach (var o in new Option[] { db, actor, sector, type, from, to, limit, format }) cmd.Options.Add(o);
        cmd.SetAction(parse =>
        {
            if (!StoreOptions.TryDate(parse.GetValue(from), "--from", out var f) || !StoreOptions.TryDate(parse.GetValue(to), "--to", out var t))
                return ExitCodes.Usage;
            using var store = StoreOptions.OpenExisting(parse.GetValue(db)!);
            if (store is null) return ExitCodes.NothingRead;
            var rows = store.Events(new EventFilter
            {
                Actor = parse.GetValue(actor), Sector = parse.GetValue(sector), Type = parse.GetValue(type),
                From = f, To = t, Limit = parse.GetValue(limit),
            });
            if (parse.GetValue(format) == "jsonl")
            {
                using var stdout = Console.OpenStandardOutput();
                int i = 0;
                long article = -1;
                foreach (var e in rows)
                {
                    i = e.ArticleId == article ? i + 1 : 0;
                    article = e.ArticleId;
                    ExportCommand.WritePlover(stdout, e, $"{e.ArticleId}-{i}");
                    stdout.WriteByte((byte)'\n');
                }
            }
            else
            {
                static string Who(EventActor? x) => x is null ? "-" : $"{x.Name ?? "?"} ({x.Country ?? "-"}·{x.Sector ?? "-"})";
                foreach (var e in rows)
                {
                    Console.WriteLine($"{e.Date ?? e.Published ?? "no date"} {e.Type}{(e.Mode is null ? "" : "/" + e.Mode)}{(e.Negated ? " (negated)" : "")}: "
                        + $"{Who(e.Source)} → {Who(e.Target)}{(e.Place is null ? "" : " at " + e.Place)}{(e.Rule is null ? "" : $" [{e.Rule}]")}");
                    Console.WriteLine($"   {e.Url ?? "article " + e.ArticleId}");
                }
                if (rows.Count == 0) Console.Error.WriteLine("wirescope: no events match");
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
