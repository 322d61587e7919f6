using System.CommandLine;
using Wirescope.Documents;
using Wirescope.Inputs;
using Wirescope.Pipeline;

namespace Wirescope.Cli;

/// <summary><c>wirescope analyze INPUT...</c>: pages in, records out (DESIGN.md's contract).</summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("INPUT") { Description = "Files (.html, .htm, .txt, .gz), directories, - for stdin, http(s) URLs", Arity = ArgumentArity.OneOrMore };
        var layers = new Option<string>("--layers") { Description = "article|entities|all (cumulative; later layers are added here as they are built)", DefaultValueFactory = _ => "all" };
        var inputFormat = new Option<string>("--input-format") { Description = "auto|html|text|jsonl", DefaultValueFactory = _ => "auto" };
        inputFormat.AcceptOnlyFromAmong("auto", "html", "text", "jsonl");
        var format = new Option<string>("--format") { Description = "jsonl|json|text", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "json", "text");
        var output = new Option<string?>("--output", "-o") { Description = "Write records to FILE instead of stdout" };
        var date = new Option<string?>("--date") { Description = "Publication date (YYYY-MM-DD) for pages that have none" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Worker threads (default: all cores + 1)", DefaultValueFactory = _ => PipelineOptions.DefaultJobs };
        var limits = new LimitOptions();

        var cmd = new Command("analyze", "Analyse news pages: article, sentences and entities, one JSON record per document");
        cmd.Arguments.Add(inputs);
        foreach (var o in new Option[] { layers, inputFormat, format, output, date, jobs }) cmd.Options.Add(o);
        limits.AddTo(cmd);

        cmd.SetAction((parse, ct) =>
        {
            if (!LayerNames.TryParse(parse.GetValue(layers)!, out var wanted))
                return Task.FromResult(Usage($"unknown --layers value '{parse.GetValue(layers)}'"));
            // "all" means every layer this build has; naming a later layer gets a note.
            if (parse.GetValue(layers) != "all" && StandardPipeline.Missing(wanted) is var missing && missing != Layers.None)
                Console.Error.WriteLine($"wirescope: note: this build has no {missing} layer yet; those fields are left out");
            PartialDate? fallback = null;
            if (parse.GetValue(date) is { } ds)
            {
                if (!PartialDate.TryParse(ds, out var d)) return Task.FromResult(Usage($"--date: cannot read '{ds}' (YYYY-MM-DD)"));
                fallback = d;
            }
            var pipelineOptions = limits.Pipeline(parse) with { Jobs = Math.Max(1, parse.GetValue(jobs)) };
            var inputOptions = new InputOptions { Format = parse.GetValue(inputFormat)!, MaxBytes = pipelineOptions.MaxInputBytes };
            var pipeline = StandardPipeline.Build(wanted, pipelineOptions);
            var resolver = new InputResolver(inputOptions, UrlLoaders.Default());
            var pending = resolver.Resolve(parse.GetValue(inputs)!);
            if (fallback is { } fb) pending = pending.Select(p => p with { Load = c => WithDate(p.Load(c), fb) });

            using var outStream = parse.GetValue(output) is { } path ? File.Create(path) : Console.OpenStandardOutput();
            using var writer = new RecordWriter(outStream, parse.GetValue(format)!);
            int total = 0, failed = 0;
            foreach (var doc in pipeline.Run(pending, ct))
            {
                total++;
                if (doc.Error is not null)
                {
                    failed++;
                    Console.Error.WriteLine($"wirescope: {doc.Id}: {doc.Error.Code}: {doc.Error.Message}");
                }
                writer.Write(doc);
            }
            return Task.FromResult(ExitCodes.From(total, failed));
        });
        return cmd;
    }

    private static RawPage WithDate(RawPage raw, PartialDate date) => raw.Date is null
        ? new RawPage
        {
            Bytes = raw.Bytes, Text = raw.Text, Format = raw.Format, Url = raw.Url, Charset = raw.Charset,
            ContentType = raw.ContentType, FetchedAt = raw.FetchedAt, Title = raw.Title, Date = null,
            FeedTitle = raw.FeedTitle, FeedAuthors = raw.FeedAuthors, FeedPublished = raw.FeedPublished ?? date,
        }
        : raw;

    internal static int Usage(string message)
    {
        Console.Error.WriteLine($"wirescope: {message}");
        return ExitCodes.Usage;
    }
}
