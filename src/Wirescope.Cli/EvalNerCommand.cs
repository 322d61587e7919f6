using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Wirescope.Language;
using Wirescope.Language.Conllu;
using Wirescope.Language.Ner;

namespace Wirescope.Cli;

/// <summary>
/// <c>wirescope eval ner --data GOLD.conllu</c>: predicts NER= for the gold file's words,
/// writes the gold file back with the predicted tags, and runs the shared scorer
/// (../shared/eval/conllu.py) exactly and with --ner-map gum.
/// </summary>
public static class EvalNerCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Gold CoNLL-U (gum-ner/dev.conllu)", Required = true };
        var model = new Option<string?>("--model") { Description = "Model file (default: the shipped models/ner.bin)" };
        var pred = new Option<string?>("--pred") { Description = "Where to write the predicted CoNLL-U (default: a temporary file)" };
        var shared = new Option<string?>("--shared") { Description = "The shared folder with eval/conllu.py (default: $WIRESCOPE_SHARED or ../shared)" };
        var map = new Option<string[]>("--ner-map") { Description = "Scorer maps to run besides the exact score (gum, newswire, conll)", DefaultValueFactory = _ => ["gum"], AllowMultipleArgumentsPerToken = true };
        var noRules = new Option<bool>("--no-date-money") { Description = "Leave out the DATE/MONEY rules (gold without those types)" };
        var noGazetteer = new Option<bool>("--no-gazetteer-pass") { Description = "Leave out the gazetteer pass after the model (model and consistency only)" };
        var cmd = new Command("ner", "Score the named-entity recognizer on a gold CoNLL-U file with the shared scorer");
        foreach (var o in new Option[] { data, model, pred, shared, map, noRules, noGazetteer }) cmd.Options.Add(o);
        cmd.SetAction(parse =>
        {
            var goldPath = parse.GetValue(data)!;
            if (!File.Exists(goldPath)) return Fail($"--data: no such file '{goldPath}'");
            var clock = Stopwatch.StartNew();
            NerModel ner;
            try
            {
                ner = parse.GetValue(model) is { } m ? NerModel.Load(m, Gazetteer.Shared) : NerModelStore.Shared;
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                return Fail($"cannot load the NER model: {e.Message}");
            }
            var loadSeconds = clock.Elapsed.TotalSeconds;
            List<(string Id, List<ConlluSentence> Sentences)> documents;
            try
            {
                // The tagger first (as annotate does): the NER reads predicted XPOS, never the gold file's.
                var tagged = ner.Featurizer.UsePos ? new ConlluAnnotator(LanguageModels.Default, Environment.ProcessorCount).Annotate(ConlluReader.ReadFile(goldPath)) : ConlluReader.ReadFile(goldPath);
                documents = ConlluDocuments.Group(tagged).ToList();
            }
            catch (FormatException e) { return Fail(e.Message); }

            var annotator = new NerConlluAnnotator(new NerAnnotator(ner, parse.GetValue(noRules) ? null : DateMoneyRules.Shared, !parse.GetValue(noGazetteer)));
            var tagClock = Stopwatch.StartNew();
            foreach (var (id, sentences) in documents) annotator.Annotate(id, sentences);
            tagClock.Stop();
            var words = annotator.Words;
            var predPath = parse.GetValue(pred) ?? Path.Combine(Path.GetTempPath(), $"wirescope-ner-{Environment.ProcessId}.conllu");
            using (var writer = new StreamWriter(predPath, false, new UTF8Encoding(false)))
                foreach (var (_, sentences) in documents)
                    foreach (var s in sentences) ConlluWriter.Write(writer, s);
            Console.WriteLine($"model load {loadSeconds:F2} s; tagged {words:N0} words in {tagClock.Elapsed.TotalSeconds:F2} s ({words / Math.Max(1e-9, tagClock.Elapsed.TotalSeconds):N0} words/s, one thread, incl. warm-up); predictions: {predPath}");

            var scorer = Path.Combine(SharedFolder(parse.GetValue(shared)), "eval", "conllu.py");
            if (!File.Exists(scorer))
            {
                Console.Error.WriteLine($"wirescope: scorer not found at {scorer} (use --shared); predictions written only");
                return 0;
            }
            var status = Score(scorer, goldPath, predPath, null);
            foreach (var m in parse.GetValue(map) ?? []) status |= Score(scorer, goldPath, predPath, m);
            return status == 0 ? 0 : ExitCodes.SomeFailed;
        });
        return cmd;
    }

    /// <summary>--shared, else $WIRESCOPE_SHARED, else ../shared beside the repository (found by its models/ folder), else ../shared.</summary>
    private static string SharedFolder(string? option)
    {
        if (option is not null) return option;
        if (Environment.GetEnvironmentVariable("WIRESCOPE_SHARED") is { Length: > 0 } env) return env;
        if (NerModelStore.Locate() is { } model)
        {
            var repo = Path.GetDirectoryName(Path.GetDirectoryName(model))!;
            var beside = Path.Combine(repo, "..", "shared");
            if (Directory.Exists(beside)) return beside;
        }
        return "../shared";
    }

    private static int Score(string scorer, string gold, string pred, string? map)
    {
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { scorer, gold, pred }) psi.ArgumentList.Add(a);
        if (map is not null) { psi.ArgumentList.Add("--ner-map"); psi.ArgumentList.Add(map); }
        Console.WriteLine($"$ python3 {scorer} {gold} {pred}{(map is null ? "" : " --ner-map " + map)}");
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        foreach (var line in output.Split('\n'))
            if (line.StartsWith("NER", StringComparison.Ordinal) || line.StartsWith("SUMMARY", StringComparison.Ordinal) || line.Contains("NER", StringComparison.Ordinal))
                Console.WriteLine(line);
        return p.ExitCode;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"wirescope: {message}");
        return ExitCodes.Usage;
    }
}
