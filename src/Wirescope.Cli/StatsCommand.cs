using System.CommandLine;
using System.Text.Json;
using Wirescope.Documents.Json;

namespace Wirescope.Cli;

/// <summary><c>wirescope stats</c>: how much the store holds.</summary>
public static class StatsCommand
{
    public static Command Create()
    {
        var db = StoreOptions.Db();
        var format = new Option<string>("--format") { Description = "text|json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var log = new Option<int>("--log") { Description = "Also print the last N lines of the ingest log (text format)" };
        var cmd = new Command("stats", "Counts of articles, stories, entities, quotes, events and sources in the store");
        cmd.Options.Add(db);
        cmd.Options.Add(format);
        cmd.Options.Add(log);
        cmd.SetAction(parse =>
        {
            using var store = StoreOptions.OpenExisting(parse.GetValue(db)!);
            if (store is null) return ExitCodes.NothingRead;
            var s = store.Stats();
            if (parse.GetValue(format) == "json")
            {
                // Exactly the six fields of issue 4, in this order.
                Console.WriteLine($"{{\"articles\": {s.Articles}, \"stories\": {s.Stories}, \"entities\": {s.Entities}, \"quotes\": {s.Quotes}, \"events\": {s.Events}, \"sources\": {s.Sources}}}");
            }
            else
            {
                Console.WriteLine($"articles  {s.Articles}");
                Console.WriteLine($"stories   {s.Stories}");
                Console.WriteLine($"entities  {s.Entities}");
                Console.WriteLine($"quotes    {s.Quotes}");
                Console.WriteLine($"events    {s.Events}");
                Console.WriteLine($"sources   {s.Sources}");
                if (parse.GetValue(log) is > 0 and var n)
                {
                    Console.WriteLine();
                    foreach (var l in store.IngestLog(n))
                    {
                        var status = l.Status.ToString().ToLowerInvariant();
                        var of = l.OfArticle is { } id ? $" article {id}" : "";
                        Console.WriteLine($"{l.Time:yyyy-MM-dd HH:mm:ss} {status,-9}{of} {l.Input}{(l.Reason is null ? "" : " — " + l.Reason)}");
                    }
                }
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    internal static Utf8JsonWriter JsonLine(Stream s) => new(s, DocumentJsonWriter.Options);
}
