using System.CommandLine;
using System.Text.Json;
using Wirescope.Documents;
using Wirescope.Documents.Json;
using Wirescope.Inputs;
using Wirescope.Inputs.Web;
using Wirescope.Pipeline;
using Wirescope.Storage;
using Wirescope.Storage.Ingest;
using Wirescope.Storage.Sqlite;

namespace Wirescope.Cli;

/// <summary><c>wirescope ingest SOURCE...</c>: files, directories, jsonl, WARC, feeds, sitemaps and URLs into the store.</summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var sources = new Argument<string[]>("SOURCE") { Description = "Files, directories, .jsonl, .warc(.gz), feeds and sitemaps (files or URLs), http(s) URLs", Arity = ArgumentArity.OneOrMore };
        var db = StoreOptions.Db();
        var inputFormat = new Option<string>("--input-format") { Description = "auto|html|text|jsonl", DefaultValueFactory = _ => "auto" };
        inputFormat.AcceptOnlyFromAmong("auto", "html", "text", "jsonl");
        var layers = new Option<string>("--layers") { Description = "article|entities|all (cumulative; later layers are added here as they are built)", DefaultValueFactory = _ => "all" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Analysis threads (default: all cores + 1)", DefaultValueFactory = _ => PipelineOptions.DefaultJobs };
        var format = new Option<string>("--format") { Description = "Summary as text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var date = new Option<string?>("--date") { Description = "Publication date (YYYY-MM-DD) for pages that have none" };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Fetch loopback, link-local and private addresses (off: SSRF guard)" };
        var ignoreRobots = new Option<bool>("--ignore-robots") { Description = "Do not read robots.txt (only for your own sites)" };
        var hostDelay = new Option<double>("--host-delay") { Description = "Seconds between requests to one host", DefaultValueFactory = _ => 1.0 };
        var progress = new Option<string>("--progress") { Description = "auto|bar|lines|none (auto: a bar on a terminal, lines otherwise)", DefaultValueFactory = _ => "auto" };
        progress.AcceptOnlyFromAmong("auto", "bar", "lines", "none");
        var batch = new Option<int>("--batch") { Description = "Articles per write transaction", DefaultValueFactory = _ => new IngestOptions().BatchSize };
        var limits = new LimitOptions();

        var cmd = new Command("ingest", "Read news into the store: deduplicated, grouped into stories, searchable");
        cmd.Arguments.Add(sources);
        foreach (var o in new Option[] { db, inputFormat, layers, jobs, format, date, allowPrivate, ignoreRobots, hostDelay, progress, batch }) cmd.Options.Add(o);
        limits.AddTo(cmd);

        cmd.SetAction((parse, ct) =>
        {
            if (!LayerNames.TryParse(parse.GetValue(layers)!, out var wanted))
                return Task.FromResult(AnalyzeCommand.Usage($"unknown --layers value '{parse.GetValue(layers)}'"));
            // "all" means every layer this build has; naming a later layer gets a note.
            if (parse.GetValue(layers) != "all" && StandardPipeline.Missing(wanted) is var missing && missing != Layers.None)
                Console.Error.WriteLine($"wirescope: note: this build has no {missing} layer yet; those fields are left out");
            PartialDate? fallback = null;
            if (parse.GetValue(date) is { } ds)
            {
                if (!PartialDate.TryParse(ds, out var d)) return Task.FromResult(AnalyzeCommand.Usage($"--date: cannot read '{ds}' (YYYY-MM-DD)"));
                fallback = d;
            }
            var dbPath = parse.GetValue(db)!;
            IStore store;
            try
            {
                store = SqliteStore.Open(dbPath);
            }
            catch (StoreException e)
            {
                Console.Error.WriteLine($"wirescope: {e.Message}");
                return Task.FromResult(ExitCodes.NothingRead);
            }
            using (store)
            {
                var pipelineOptions = limits.Pipeline(parse) with { Jobs = Math.Max(1, parse.GetValue(jobs)) };
                var fetcherOptions = new FetcherOptions
                {
                    AllowPrivate = parse.GetValue(allowPrivate),
                    RespectRobots = !parse.GetValue(ignoreRobots),
                    MaxBytes = pipelineOptions.MaxInputBytes,
                    MinHostInterval = TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(hostDelay))),
                };
                var bytes = new InputProgress();
                using var loader = new DisposableLoader(UrlLoaders.Create(fetcherOptions, new StoreValidatorCache(store)));
                var inputOptions = new InputOptions
                {
                    Format = parse.GetValue(inputFormat)!,
                    MaxBytes = pipelineOptions.MaxInputBytes,
                    Extensions = InputOptions.SourceExtensions,
                    ExpandSources = true,
                    OnSource = store.TouchSource,
                    Progress = bytes,
                    IsKnownUrl = url => UrlCanonicalizer.Default.Canonicalize(url) is { } c && store.FindByUrl(c) is not null,
                };
                var resolver = new InputResolver(inputOptions, loader.Loader);
                var names = parse.GetValue(sources)!;
                var pending = resolver.Resolve(names);
                if (fallback is { } fb) pending = pending.Select(p => p with { Load = c => WithDate(p.Load(c), fb) });
                var pipeline = StandardPipeline.Build(wanted, pipelineOptions);
                var runner = new IngestRunner(store, pipeline, new IngestOptions { BatchSize = Math.Max(1, parse.GetValue(batch)) });
                IngestSummary summary;
                try
                {
                    summary = IngestProgress.Show(parse.GetValue(progress)!, CountKnown(names, resolver), WarcBytes(names),
                        () => bytes.BytesRead, p => runner.Run(pending, p, ct));
                }
                catch (Exception e) when (e is StoreException or Microsoft.Data.Sqlite.SqliteException)
                {
                    Console.Error.WriteLine($"wirescope: the store failed: {e.Message}");
                    return Task.FromResult(ExitCodes.NothingRead);
                }
                WriteSummary(parse.GetValue(format)!, summary, dbPath);
                if (summary.Cancelled) return Task.FromResult(130);
                return Task.FromResult(summary.Total == 0 ? ExitCodes.NothingRead : ExitCodes.From(summary.Total, summary.Failed));
            }
        });
        return cmd;
    }

    /// <summary>The number of inputs when it is known without reading them (plain files and directories), else null.</summary>
    private static int? CountKnown(string[] names, InputResolver resolver)
    {
        int total = 0;
        foreach (var n in names)
        {
            var lower = n.ToLowerInvariant();
            if (n == "-" || n.Contains("://", StringComparison.Ordinal) || lower.Contains(".warc") || lower.EndsWith(".jsonl")
                || lower.EndsWith(".xml") || lower.EndsWith(".rss") || lower.EndsWith(".atom")) return null;
            if (Directory.Exists(n))
            {
                foreach (var f in resolver.EnumerateDirectory(n))
                {
                    var fl = f.ToLowerInvariant();
                    if (fl.EndsWith(".warc") || fl.EndsWith(".warc.gz") || fl.EndsWith(".jsonl") || fl.EndsWith(".xml") || fl.EndsWith(".rss") || fl.EndsWith(".atom") || fl.EndsWith(".json")) return null;
                    total++;
                }
            }
            else total++;
        }
        return total;
    }

    /// <summary>Total size of the sources when every one is a WARC file, else null.</summary>
    private static long? WarcBytes(string[] names)
    {
        long total = 0;
        foreach (var n in names)
        {
            var lower = n.ToLowerInvariant();
            if (!(lower.EndsWith(".warc") || lower.EndsWith(".warc.gz")) || !File.Exists(n)) return null;
            total += new FileInfo(n).Length;
        }
        return total;
    }

    private static void WriteSummary(string format, IngestSummary s, string db)
    {
        var secs = Math.Max(0.001, s.Elapsed.TotalSeconds);
        if (format == "json")
        {
            using var stdout = Console.OpenStandardOutput();
            using (var w = new Utf8JsonWriter(stdout, DocumentJsonWriter.Options))
            {
                w.WriteStartObject();
                w.WriteString("db", db);
                w.WriteNumber("inputs", s.Total);
                w.WriteNumber("added", s.Added);
                w.WriteNumber("duplicate", s.Duplicates);
                w.WriteNumber("failed", s.Failed);
                w.WriteNumber("stories_touched", s.StoriesTouched);
                w.WriteNumber("seconds", Math.Round(secs, 3));
                w.WriteNumber("per_second", Math.Round(s.Total / secs, 1));
                w.WriteBoolean("cancelled", s.Cancelled);
                w.WriteStartArray("failures");
                foreach (var f in s.FirstFailures)
                {
                    w.WriteStartObject();
                    w.WriteString("input", f.Input);
                    w.WriteString("reason", f.Reason);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            stdout.WriteByte((byte)'\n');
            return;
        }
        Console.WriteLine($"ingested {s.Total} inputs into {db} in {secs:0.0} s ({s.Total / secs:0.0}/s): "
            + $"{s.Added} added, {s.Duplicates} duplicate, {s.Failed} failed; {s.StoriesTouched} stories gained articles"
            + (s.Cancelled ? " (stopped early: run again to resume)" : ""));
        foreach (var f in s.FirstFailures) Console.WriteLine($"  failed {f.Input}: {f.Reason}");
        if (s.Failed > s.FirstFailures.Count) Console.WriteLine($"  ... {s.Failed - s.FirstFailures.Count} more in the ingest log");
    }

    private static RawPage WithDate(RawPage raw, PartialDate date) => raw.Date is null && raw.FeedPublished is null
        ? new RawPage
        {
            Bytes = raw.Bytes, Text = raw.Text, Format = raw.Format, Url = raw.Url, Charset = raw.Charset,
            ContentType = raw.ContentType, FetchedAt = raw.FetchedAt, Title = raw.Title, Date = null,
            FeedTitle = raw.FeedTitle, FeedAuthors = raw.FeedAuthors, FeedPublished = date,
        }
        : raw;

    /// <summary>Owns the fetcher behind the loader for the length of a run.</summary>
    private sealed class DisposableLoader(WebUrlLoader loader) : IDisposable
    {
        public WebUrlLoader Loader => loader;
        public void Dispose() => loader.Fetcher.Dispose();
    }
}
