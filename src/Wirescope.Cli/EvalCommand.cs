using System.CommandLine;
using System.Diagnostics;
using Wirescope.Documents;
using Wirescope.Inputs;
using Wirescope.Pipeline;

namespace Wirescope.Cli;

/// <summary>
/// <c>wirescope eval ...</c>: reproduces the README's quality figures with the shared scorers
/// (<c>../shared/eval</c>) over the shared data sets. One subcommand per layer; adding a layer
/// is one line in <see cref="Subcommands"/>.
/// </summary>
public static class EvalCommand
{
    /// <summary>The eval subcommands, one factory each.</summary>
    private static readonly Func<Command>[] Subcommands =
    [
        Extraction,
        EvalUdCommand.Create,
        EvalNerCommand.Create,
        EvalMentionsCommand.Create,
    ];

    public static Command Create()
    {
        var cmd = new Command("eval", "Reproduce the quality figures with the shared scorers and data sets");
        foreach (var sub in Subcommands) cmd.Subcommands.Add(sub());
        return cmd;
    }

    /// <summary>The shared folder: --shared, else $WIRESCOPE_SHARED, else ../shared (from the repository root).</summary>
    public static Option<string> SharedOption() => new("--shared")
    {
        Description = "The shared folder with datasets/ and eval/ (default: $WIRESCOPE_SHARED or ../shared)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("WIRESCOPE_SHARED") is { Length: > 0 } s ? s : Path.Combine("..", "shared"),
    };

    /// <summary>
    /// <c>eval extraction</c>: analyses trafilatura-eval and readability-pages with the article
    /// layer, then runs snippets.py, metadata.py and body.py on the records and prints their summaries.
    /// </summary>
    private static Command Extraction()
    {
        var shared = SharedOption();
        var outDir = new Option<string>("--out") { Description = "Folder for the prediction files", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "wirescope-eval") };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Worker threads (default: all cores + 1)", DefaultValueFactory = _ => PipelineOptions.DefaultJobs };
        var cmd = new Command("extraction", "Article extraction: snippet F1 (trafilatura-eval), metadata and body (readability-pages)");
        cmd.Options.Add(shared);
        cmd.Options.Add(outDir);
        cmd.Options.Add(jobs);
        cmd.SetAction((parse, ct) =>
        {
            var root = parse.GetValue(shared)!;
            var output = parse.GetValue(outDir)!;
            Directory.CreateDirectory(output);
            var sets = new (string Name, string[] Scorers)[]
            {
                ("trafilatura-eval", ["snippets.py", "metadata.py"]),
                ("readability-pages", ["metadata.py", "body.py"]),
            };
            int ran = 0;
            foreach (var (name, scorers) in sets)
            {
                var dir = Path.Combine(root, "datasets", "extraction", name);
                if (!Directory.Exists(Path.Combine(dir, "pages")))
                {
                    Console.Error.WriteLine($"wirescope: {dir}/pages not found (--shared or WIRESCOPE_SHARED)");
                    continue;
                }
                var pred = Path.Combine(output, name + ".jsonl");
                var sw = Stopwatch.StartNew();
                int pages = Analyze(Path.Combine(dir, "pages"), pred, Math.Max(1, parse.GetValue(jobs)), ct);
                Console.WriteLine($"{name}: {pages} pages analysed in {sw.Elapsed.TotalSeconds:0.0} s -> {pred}");
                foreach (var scorer in scorers)
                    Console.WriteLine(Score(Path.Combine(root, "eval", scorer), Path.Combine(dir, "gold.jsonl"), pred));
                ran++;
            }
            return Task.FromResult(ran == 0 ? ExitCodes.NothingRead : ExitCodes.Ok);
        });
        return cmd;
    }

    private static int Analyze(string pages, string predPath, int jobs, CancellationToken ct)
    {
        var options = new PipelineOptions { Jobs = jobs };
        var pipeline = StandardPipeline.Build(Layers.Article, options);
        var inputs = new InputResolver(new InputOptions { MaxBytes = options.MaxInputBytes }).Resolve([pages]);
        using var stream = File.Create(predPath);
        using var writer = new RecordWriter(stream, "jsonl");
        int n = 0;
        foreach (var doc in pipeline.Run(inputs, ct))
        {
            writer.Write(doc);
            n++;
        }
        return n;
    }

    /// <summary>Runs a python3 scorer and returns its SUMMARY line (or its error output).</summary>
    private static string Score(string scorer, string gold, string pred)
    {
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(scorer);
        psi.ArgumentList.Add(gold);
        psi.ArgumentList.Add(pred);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start python3");
        var stdout = p.StandardOutput.ReadToEnd();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        var summary = stdout.Split('\n').LastOrDefault(l => l.StartsWith("SUMMARY", StringComparison.Ordinal));
        return summary ?? $"{Path.GetFileName(scorer)} failed: {stderr.Trim()}";
    }
}
