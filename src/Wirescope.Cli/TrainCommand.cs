using System.CommandLine;
using System.Diagnostics;
using Wirescope.Language;
using Wirescope.Language.Lemmas;
using Wirescope.Language.Models;
using Wirescope.Language.Morphology;
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
        Command[] subcommands = [Tagger(), Parser(), TrainNeuralCommand.Create(), Lemmatizer(), Feats(), TrainNerCommand.Create()];
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

        /// <summary>The training sentences of <see cref="Files"/>, or null (after printing why).</summary>
        public List<TrainingSentence>? Sentences(ParseResult p) => Files(p) is { } files ? TrainingSentence.Load(files) : null;
    }

    private static Command Tagger()
    {
        var common = new Common("models/" + LanguageModels.TaggerFile, 10);
        var minUpdates = new Option<int>("--min-updates") { Description = "Prune features updated fewer times than this (model size, load time)", DefaultValueFactory = _ => 2 };
        var backward = new Option<bool>("--backward") { Description = "Also train a right-to-left tagger (on mirrored sentences) whose scores are added to the left-to-right one's" };
        var cmd = new Command("tagger", "Train the UPOS+XPOS tagger (averaged perceptron)");
        common.AddTo(cmd);
        cmd.Options.Add(minUpdates);
        cmd.Options.Add(backward);
        cmd.SetAction(p =>
        {
            var sw = Stopwatch.StartNew();
            if (common.Sentences(p) is not { } data) return ExitCodes.Usage;
            var tagger = TaggerTrainer.Train(data, p.GetValue(common.Iterations), p.GetValue(common.Seed), Console.Error, p.GetValue(minUpdates));
            if (p.GetValue(backward))
                tagger = tagger.WithBackward(TaggerTrainer.Train(data.Select(s => s.Mirrored()).ToList(), p.GetValue(common.Iterations), p.GetValue(common.Seed), Console.Error, p.GetValue(minUpdates)));
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
            if (common.Sentences(p) is not { } data) return ExitCodes.Usage;
            var lem = LemmatizerTrainer.Train(data);
            lem.Save(p.GetValue(common.Out)!);
            Console.Error.WriteLine($"lemmatizer: {lem.RuleCount} rules, {lem.ExceptionCount} exceptions -> {p.GetValue(common.Out)}");
            return 0;
        });
        return cmd;
    }

    private static Command Feats()
    {
        var common = new Common("models/" + LanguageModels.FeatsFile, 8);
        var minUpdates = new Option<int>("--min-updates") { Description = "Prune weights updated fewer times than this (model size)", DefaultValueFactory = _ => 5 };
        var cmd = new Command("feats", "Build the UD FEATS predictor (lexicon, per-tag lists, averaged perceptron where a word is ambiguous) from gold FEATS, tags and trees");
        common.AddTo(cmd);
        cmd.Options.Add(minUpdates);
        cmd.SetAction(p =>
        {
            var sw = Stopwatch.StartNew();
            if (common.Sentences(p) is not { } data) return ExitCodes.Usage;
            var model = FeatsTrainer.Train(data, p.GetValue(common.Iterations), p.GetValue(common.Seed), Console.Error, p.GetValue(minUpdates));
            model.Save(p.GetValue(common.Out)!);
            Console.Error.WriteLine($"feats: {data.Count} sentences, {sw.Elapsed.TotalSeconds:F0} s -> {p.GetValue(common.Out)}");
            return 0;
        });
        return cmd;
    }

    private static Command Parser()
    {
        var common = new Common("models/" + LanguageModels.ParserFile, 15);
        var folds = new Option<int>("--jackknife") { Description = "Train the parser on tags predicted by K taggers trained on the other folds (0 = gold tags)", DefaultValueFactory = _ => 4 };
        var taggerIterations = new Option<int>("--tagger-iterations") { Description = "Iterations of each jackknife tagger", DefaultValueFactory = _ => 6 };
        var jackknifeBackward = new Option<bool>("--jackknife-backward") { Description = "Jackknife with two-way taggers (as `train tagger --backward`), so that the parser trains on tags like those it gets" };
        var minUpdates = new Option<int>("--min-updates") { Description = "Prune features updated fewer times than this (model size)", DefaultValueFactory = _ => 3 };
        var beam = new Option<int>("--beam") { Description = "Beam width: after greedy training, retrain transitions globally with this beam (1 = greedy only; experimental: 4 measured worse, see MODELS.md)", DefaultValueFactory = _ => 1 };
        var beamIterations = new Option<int>("--beam-iterations") { Description = "Passes of beam training", DefaultValueFactory = _ => 6 };
        var sweep = new Option<bool>("--prune-sweep") { Description = "Also write OUT.minN.bin.br for N = 1..4 (to choose --min-updates)" };
        var members = new Option<string>("--members") { Description = "Parsers of the voted ensemble, comma-separated: ltr (left to right) or rtl (right to left), a digit after one for another seed (ltr2 = seed + 1)", DefaultValueFactory = _ => "ltr" };
        var join = new Option<string[]>("--join") { Description = "Write the members of these parser files as one voted ensemble, in order (no training)", AllowMultipleArgumentsPerToken = true };
        var tagsCache = new Option<string?>("--tags-cache") { Description = "Keep the jackknifed tags in this file and reuse them when data, folds, passes and seed match (repeated experiments; the model is the same)" };
        var cmd = new Command("parser", "Train the arc-eager dependency parser (dynamic oracle, averaged perceptron)");
        common.AddTo(cmd);
        cmd.Options.Add(folds);
        cmd.Options.Add(taggerIterations);
        cmd.Options.Add(jackknifeBackward);
        cmd.Options.Add(minUpdates);
        cmd.Options.Add(sweep);
        cmd.Options.Add(beam);
        cmd.Options.Add(beamIterations);
        cmd.Options.Add(tagsCache);
        cmd.Options.Add(members);
        cmd.Options.Add(join);
        cmd.SetAction(p =>
        {
            if (p.GetValue(join) is { Length: > 0 } parts)
            {
                var joined = new ParserEnsemble(parts.SelectMany(f => ParserEnsemble.Load(f).Members).ToArray());
                joined.Save(p.GetValue(common.Out)!);
                Console.Error.WriteLine($"parser: {joined.Members.Length} members -> {p.GetValue(common.Out)}");
                return 0;
            }
            var specs = ParseMembers(p.GetValue(members) ?? "ltr");
            if (specs is null) { Console.Error.WriteLine("wirescope: --members takes ltr or rtl items, each optionally followed by a digit"); return ExitCodes.Usage; }
            var files = common.Files(p);
            if (files is null) return ExitCodes.Usage;
            var sw = Stopwatch.StartNew();
            var data = TrainingSentence.Load(files);
            int seed = p.GetValue(common.Seed);
            var tags = CachedJackknife(p.GetValue(tagsCache), files, data, p.GetValue(folds), p.GetValue(taggerIterations), seed, p.GetValue(jackknifeBackward));
            var trainedMembers = new List<ParserTrainer.Trained>();
            foreach (var (reversed, seedOffset) in specs)
            {
                Console.Error.WriteLine($"parser member {trainedMembers.Count + 1}/{specs.Count}: {(reversed ? "right to left" : "left to right")}, seed {seed + seedOffset}");
                var trained = ParserTrainer.Train(data, tags, p.GetValue(common.Iterations), seed + seedOffset, reversed, Console.Error);
                if (p.GetValue(beam) > 1) trained = ParserTrainer.TrainBeam(data, tags, trained, p.GetValue(beam), p.GetValue(beamIterations), seed + seedOffset, Console.Error);
                trainedMembers.Add(trained);
            }
            var parser = new ParserEnsemble(trainedMembers.Select(t => t.Freeze(p.GetValue(minUpdates))).ToArray());
            parser.Save(p.GetValue(common.Out)!);
            if (p.GetValue(sweep))
                for (int m = 1; m <= 5; m++) new ParserEnsemble(trainedMembers.Select(t => t.Freeze(m)).ToArray()).Save(p.GetValue(common.Out)!.Replace(".bin.br", $".min{m}.bin.br"));
            Console.Error.WriteLine($"parser: {data.Count} sentences, {parser.Labels.Length} relations, {parser.Members.Length} members, {string.Join(" / ", parser.Members.Select(m => $"{m.Transitions.Features} + {m.Relations.Features}"))} features, {sw.Elapsed.TotalSeconds:F0} s -> {p.GetValue(common.Out)}");
            return 0;
        });
        return cmd;
    }

    /// <summary>"ltr,rtl,ltr2" -> (reversed, seed offset) per member; null when malformed.</summary>
    internal static List<(bool Reversed, int SeedOffset)>? ParseMembers(string spec)
    {
        var list = new List<(bool, int)>();
        foreach (var item in spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (item.Length < 3 || item.Length > 4) return null;
            bool? reversed = item[..3] switch { "ltr" => false, "rtl" => true, _ => null };
            if (reversed is null) return null;
            int offset = 0;
            if (item.Length == 4)
            {
                if (item[3] < '1' || item[3] > '9') return null;
                offset = item[3] - '1';
            }
            list.Add((reversed.Value, offset));
        }
        return list.Count > 0 ? list : null;
    }

    /// <summary>
    /// <see cref="Jackknife"/>, read from <paramref name="cache"/> when it was written for the
    /// same files, folds, passes and seed (the jackknife is deterministic, so this only saves time).
    /// </summary>
    internal static string[][] CachedJackknife(string? cache, string[] files, List<TrainingSentence> data, int folds, int iterations, int seed, bool backward)
    {
        string key = $"{string.Join("|", files.Select(Path.GetFullPath))} folds={folds} passes={iterations} seed={seed} sentences={data.Count}" + (backward ? " backward" : "");
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
        var tags = Jackknife(data, folds, iterations, seed, backward);
        if (cache is not null) File.WriteAllLines(cache, tags.Select(t => string.Join(' ', t)).Prepend(key));
        return tags;
    }

    /// <summary>
    /// Tags as the parser will see them at run time: each fold tagged by a tagger trained on
    /// the other folds (gold tags would teach the parser to trust tags too much).
    /// </summary>
    internal static string[][] Jackknife(List<TrainingSentence> data, int folds, int iterations, int seed, bool backward = false)
    {
        var tags = data.Select(s => Enumerable.Range(0, s.Count).Select(i => LanguageModels.TagName(s.Upos[i], s.Xpos[i])).ToArray()).ToArray();
        if (folds < 2) return tags;
        var words = new WordFeatures();
        for (int f = 0; f < folds; f++)
        {
            var train = data.Where((_, i) => i % folds != f).ToList();
            var tagger = TaggerTrainer.Train(train, iterations, seed + f);
            if (backward) tagger = tagger.WithBackward(TaggerTrainer.Train(train.Select(s => s.Mirrored()).ToList(), iterations, seed + f));
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
