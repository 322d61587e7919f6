using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Wirescope.Language;
using Wirescope.Language.Conllu;

namespace Wirescope.Cli;

/// <summary>
/// <c>wirescope eval ud</c>: annotates the UD dev/test sets with the shipped models (gold
/// words kept) and prints UPOS, XPOS, LEMMA, UAS and LAS as the shared scorer defines them,
/// plus tokens per second. <c>--pred-dir</c> keeps the predictions for
/// <c>python3 ../shared/eval/conllu.py GOLD PRED</c>. The lead adds <see cref="Create"/> under <c>eval</c>.
/// </summary>
public static class EvalUdCommand
{
    /// <summary>Name -> path under the shared folder. Measuring only: nothing here trains a model.</summary>
    private static readonly (string Name, string Path)[] Sets =
    [
        ("gum-dev", "datasets/language/ud-gum/en_gum-ud-dev.conllu"),
        ("ewt-test", "datasets/language/ud-ewt/en_ewt-ud-test.conllu"),
        ("gum-test", "datasets/language/ud-gum/en_gum-ud-test.conllu"),
        ("ewt-dev", "datasets/language/ud-ewt/en_ewt-ud-dev.conllu"),
    ];

    public static Command Create()
    {
        var sets = new Option<string[]>("--sets") { Description = "gum-dev, ewt-test, gum-test, ewt-dev (default: gum-dev ewt-test)", AllowMultipleArgumentsPerToken = true };
        var predDir = new Option<string?>("--pred-dir") { Description = "Write each set's prediction here as SET.conllu" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Worker threads", DefaultValueFactory = _ => Environment.ProcessorCount };
        var beam = new Option<int>("--beam") { Description = "Parser beam width (default: the model's)", DefaultValueFactory = _ => 0 };
        var cmd = new Command("ud", "Score the tagger, lemmatizer and parser on UD GUM/EWT (gold tokens)");
        cmd.Options.Add(sets);
        cmd.Options.Add(predDir);
        cmd.Options.Add(jobs);
        cmd.Options.Add(beam);
        var parser = ParserOption.Create();
        cmd.Options.Add(parser);
        cmd.SetAction(p =>
        {
            var wanted = p.GetValue(sets) is { Length: > 0 } s ? s : ["gum-dev", "ewt-test"];
            var load = Stopwatch.StartNew();
            if (LanguageModels.TryDefault(out var modelError) is not { } loaded)
            {
                Console.Error.WriteLine($"wirescope: language models: {modelError}");
                return ExitCodes.NothingRead;
            }
            var models = loaded.WithBeam(p.GetValue(beam)).WithParsers(ParserOption.Mode(p.GetValue(parser)));
            Console.WriteLine($"models loaded in {load.Elapsed.TotalSeconds:F2} s");
            Console.WriteLine("set        words    UPOS   XPOS  LEMMA    UAS    LAS   tokens/s");
            foreach (var name in wanted)
            {
                var entry = Sets.FirstOrDefault(x => x.Name == name);
                if (entry.Path is null) return AnalyzeCommand.Usage($"unknown set '{name}'");
                var path = LanguageData.Shared(entry.Path);
                if (!File.Exists(path)) return AnalyzeCommand.Usage($"{path} not found (set WIRESCOPE_SHARED)");
                var gold = ConlluReader.ReadFile(path).ToList();
                var input = ConlluReader.ReadFile(path).ToList();
                var sw = Stopwatch.StartNew();
                var pred = new ConlluAnnotator(models, p.GetValue(jobs)).Annotate(input).ToList();
                double seconds = sw.Elapsed.TotalSeconds;
                var score = new UdScore();
                for (int i = 0; i < gold.Count; i++) score.Add(gold[i], pred[i]);
                if (p.GetValue(predDir) is { } dir)
                {
                    Directory.CreateDirectory(dir);
                    using var w = new StreamWriter(Path.Combine(dir, name + ".conllu"));
                    foreach (var x in pred) ConlluWriter.Write(w, x);
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-9}{score.Words,7}  {100 * score.Upos,6:F2} {100 * score.Xpos,6:F2} {100 * score.Lemma,6:F2} {100 * score.Uas,6:F2} {100 * score.Las,6:F2} {score.Words / seconds,10:F0}"));
            }
            return 0;
        });
        return cmd;
    }
}
