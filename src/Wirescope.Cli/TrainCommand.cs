using System.CommandLine;
using System.Diagnostics;
using Wirescope.Language;
using Wirescope.Language.Lemmas;
using Wirescope.Language.Models;
using Wirescope.Language.Parsing;
using Wirescope.Language.Tagging;

namespace Wirescope.Cli;

/// <summary>
/// <c>wirescope train tagger|parser|lemmatizer</c>: reproduces the shipped language models
/// from the open treebanks. Same data and seed give byte-identical model files.
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var cmd = new Command("train", "Train a language model (tagger, parser, lemmatizer) from CoNLL-U treebanks");
        // One line per model kind; the NER engineer adds theirs here.
        Command[] subcommands = [Tagger(), Parser(), Lemmatizer(), TrainNerCommand.Create()];
        foreach (var c in subcommands) cmd.Subcommands.Add(c);
        return cmd;
    }

    /// <summary>The options every train subcommand shares.</summary>
    public sealed class Common
    {
        public readonly Option<string[]> Data = new("--data") { Description = "Training CoNLL-U files (default: GUM open genres + EWT train from the shared folder)", AllowMultipleArgumentsPerToken = true };
        public readonly Option<string> Out;
        public readonly Option<int> Seed = new("--seed") { Description = "Random seed (shuffling, exploration)", DefaultValueFactory = _ => 1 };
        public readonly Option<int> Iterations;

        public Common(string defaultOut, int iterations)
        {
            Out = new Option<string>("--out") { Description = "Model file to write", DefaultValueFactory = _ => defaultOut };
            Iterations = new Option<int>("--iterations") { Description = "Training passes over the data", DefaultValueFactory = _ => iterations };
        }

        public void AddTo(Command c) { c.Options.Add(Data); c.Options.Add(Out); c.Options.Add(Seed); c.Options.Add(Iterations); }

        /// <summary>The training files, or null (after printing why) when one is measure-only or missing.</summary>
        public string[]? Files(ParseResult p)
        {
            var files = p.GetValue(Data) is { Length: > 0 } given ? given : LanguageData.DefaultTraining.Select(LanguageData.Shared).ToArray();
            foreach (var f in files)
            {
                if (LanguageData.IsMeasureOnly(f)) { Console.Error.WriteLine($"wirescope: {f} is a measure-only set; refusing to train on it"); return null; }
                if (!File.Exists(f)) { Console.Error.WriteLine($"wirescope: no such file {f}"); return null; }
            }
            return files;
        }
    }

    private static Command Tagger()
    {
        var common = new Common("models/" + LanguageModels.TaggerFile, 10);
        var minUpdates = new Option<int>("--min-updates") { Description = "Prune features updated fewer times than this (model size, load time)", DefaultValueFactory = _ => 2 };
        var cmd = new Command("tagger", "Train the UPOS+XPOS tagger (averaged perceptron)");
        common.AddTo(cmd);
        cmd.Options.Add(minUpdates);
        cmd.SetAction(p =>
        {
            var files = common.Files(p);
            if (files is null) return ExitCodes.Usage;
            var sw = Stopwatch.StartNew();
            var data = TrainingSentence.Load(files);
            var tagger = TaggerTrainer.Train(data, p.GetValue(common.Iterations), p.GetValue(common.Seed), Console.Error, p.GetValue(minUpdates));
            tagger.Save(p.GetValue(common.Out)!);
            Console.Error.WriteLine($"tagger: {data.Count} sentences, {tagger.Classes} tags, {tagger.Model.Features} features, {sw.Elapsed.TotalSeconds:F0} s -> {p.GetValue(common.Out)}");
            return 0;
        });
        return cmd;
    }

    private static Command Lemmatizer()
    {
        var common = new Common("models/" + LanguageModels.LemmatizerFile, 1);
        var cmd = new Command("lemmatizer", "Build the lemmatizer (suffix rules + exception lexicon) from gold lemmas");
        common.AddTo(cmd);
        cmd.SetAction(p =>
        {
            var files = common.Files(p);
            if (files is null) return ExitCodes.Usage;
            var data = TrainingSentence.Load(files);
            var lem = LemmatizerTrainer.Train(data);
            lem.Save(p.GetValue(common.Out)!);
            Console.Error.WriteLine($"lemmatizer: {lem.RuleCount} rules, {lem.ExceptionCount} exceptions -> {p.GetValue(common.Out)}");
            return 0;
        });
        return cmd;
    }

    private static Command Parser()
    {
        var common = new Common("models/" + LanguageModels.ParserFile, 15);
        var folds = new Option<int>("--jackknife") { Description = "Train the parser on tags predicted by K taggers trained on the other folds (0 = gold tags)", DefaultValueFactory = _ => 4 };
        var taggerIterations = new Option<int>("--tagger-iterations") { Description = "Iterations of each jackknife tagger", DefaultValueFactory = _ => 6 };
        var minUpdates = new Option<int>("--min-updates") { Description = "Prune features updated fewer times than this (model size)", DefaultValueFactory = _ => 3 };
        var beam = new Option<int>("--beam") { Description = "Beam width: after greedy training, retrain transitions globally with this beam (1 = greedy only; experimental: 4 measured worse, see MODELS.md)", DefaultValueFactory = _ => 1 };
        var beamIterations = new Option<int>("--beam-iterations") { Description = "Passes of beam training", DefaultValueFactory = _ => 6 };
        var sweep = new Option<bool>("--prune-sweep") { Description = "Also write OUT.minN.bin.gz for N = 1..4 (to choose --min-updates)" };
        var tagsCache = new Option<string?>("--tags-cache") { Description = "Keep the jackknifed tags in this file and reuse them when data, folds, passes and seed match (repeated experiments; the model is the same)" };
        var cmd = new Command("parser", "Train the arc-eager dependency parser (dynamic oracle, averaged perceptron)");
        common.AddTo(cmd);
        cmd.Options.Add(folds);
        cmd.Options.Add(taggerIterations);
        cmd.Options.Add(minUpdates);
        cmd.Options.Add(sweep);
        cmd.Options.Add(beam);
        cmd.Options.Add(beamIterations);
        cmd.Options.Add(tagsCache);
        cmd.SetAction(p =>
        {
            var files = common.Files(p);
            if (files is null) return ExitCodes.Usage;
            var sw = Stopwatch.StartNew();
            var data = TrainingSentence.Load(files);
            int seed = p.GetValue(common.Seed);
            var tags = CachedJackknife(p.GetValue(tagsCache), files, data, p.GetValue(folds), p.GetValue(taggerIterations), seed);
            var trained = ParserTrainer.Train(data, tags, p.GetValue(common.Iterations), seed, Console.Error);
            if (p.GetValue(beam) > 1)
            {
                if (p.GetValue(sweep)) trained.Freeze(p.GetValue(minUpdates)).Save(p.GetValue(common.Out)!.Replace(".bin.gz", ".greedy.bin.gz"));
                trained = ParserTrainer.TrainBeam(data, tags, trained, p.GetValue(beam), p.GetValue(beamIterations), seed, Console.Error);
            }
            var parser = trained.Freeze(p.GetValue(minUpdates));
            parser.Save(p.GetValue(common.Out)!);
            if (p.GetValue(sweep))
                for (int m = 1; m <= 4; m++) trained.Freeze(m).Save(p.GetValue(common.Out)!.Replace(".bin.gz", $".min{m}.bin.gz"));
            Console.Error.WriteLine($"parser: {data.Count} sentences, {parser.Labels.Length} relations, {parser.Transitions.Features} + {parser.Relations.Features} features, {sw.Elapsed.TotalSeconds:F0} s -> {p.GetValue(common.Out)}");
            return 0;
        });
        return cmd;
    }

    /// <summary>
    /// <see cref="Jackknife"/>, read from <paramref name="cache"/> when it was written for the
    /// same files, folds, passes and seed (the jackknife is deterministic, so this only saves time).
    /// </summary>
    private static string[][] CachedJackknife(string? cache, string[] files, List<TrainingSentence> data, int folds, int iterations, int seed)
    {
        string key = $"{string.Join("|", files.Select(Path.GetFullPath))} folds={folds} passes={iterations} seed={seed} sentences={data.Count}";
        if (cache is not null && File.Exists(cache))
        {
            var lines = File.ReadAllLines(cache);
            if (lines.Length == data.Count + 1 && lines[0] == key)
            {
                var read = lines.Skip(1).Select(l => l.Split(' ')).ToArray();
                if (read.Select((t, i) => t.Length == data[i].Count).All(ok => ok))
                {
                    Console.Error.WriteLine($"jackknife tags read from {cache}");
                    return read;
                }
            }
        }
        var tags = Jackknife(data, folds, iterations, seed);
        if (cache is not null) File.WriteAllLines(cache, tags.Select(t => string.Join(' ', t)).Prepend(key));
        return tags;
    }

    /// <summary>
    /// Tags as the parser will see them at run time: each fold tagged by a tagger trained on
    /// the other folds (gold tags would teach the parser to trust tags too much).
    /// </summary>
    internal static string[][] Jackknife(List<TrainingSentence> data, int folds, int iterations, int seed)
    {
        var tags = data.Select(s => Enumerable.Range(0, s.Count).Select(i => LanguageModels.TagName(s.Upos[i], s.Xpos[i])).ToArray()).ToArray();
        if (folds < 2) return tags;
        var words = new WordFeatures();
        for (int f = 0; f < folds; f++)
        {
            var train = data.Where((_, i) => i % folds != f).ToList();
            var tagger = TaggerTrainer.Train(train, iterations, seed + f);
            var pred = new int[256];
            for (int i = f; i < data.Count; i += folds)
            {
                var s = data[i];
                if (pred.Length < s.Count) pred = new int[s.Count * 2];
                words.Fill(s.Text, s.Starts, s.Ends);
                tagger.Tag(words, pred);
                for (int j = 0; j < s.Count; j++) tags[i][j] = LanguageModels.TagName(tagger.Upos[pred[j]], tagger.Xpos[pred[j]]);
            }
            Console.Error.WriteLine($"jackknife fold {f + 1}/{folds} tagged");
        }
        return tags;
    }
}
