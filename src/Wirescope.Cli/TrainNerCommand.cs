using System.CommandLine;
using System.Diagnostics;
using Wirescope.Language;
using Wirescope.Language.Ner;

namespace Wirescope.Cli;

/// <summary><c>wirescope train ner --data FILE --out FILE --seed N</c>: reproduces models/ner.bin bit-for-bit.</summary>
public static class TrainNerCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Training CoNLL-U with NER=B-X|I-X|O in MISC (gum-ner/train-open.conllu)", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the model", DefaultValueFactory = _ => "models/ner.bin" };
        var seed = new Option<int>("--seed") { Description = "Shuffle seed (same seed, same data: same model bytes)", DefaultValueFactory = _ => 1 };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the data", DefaultValueFactory = _ => new NerTrainOptions().Epochs };
        var bits = new Option<int>("--bucket-bits") { Description = "log2 of hashed feature rows", DefaultValueFactory = _ => new NerTrainOptions().BucketBits };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen fewer times in training", DefaultValueFactory = _ => new NerTrainOptions().MinFeatureCount };
        var folds = new Option<int>("--stack-folds") { Description = "Document folds for the stacked second stage (0 or 1: one stage only)", DefaultValueFactory = _ => new NerTrainOptions().StackFolds };
        var lexicon = new Option<string[]>("--lexicon") { Description = "Unlabelled CoNLL-U files whose lower-case words feed the common-word feature (FORM only)", AllowMultipleArgumentsPerToken = true };
        var runs = new Option<int>("--runs") { Description = "Train on this many shuffles (seed, seed+1, ...) and average the weights", DefaultValueFactory = _ => new NerTrainOptions().Runs };
        var pos = new Option<bool>("--pos") { Description = "POS features: tag the data with the shipped tagger (models/) and learn from its XPOS" };
        var posFolds = new Option<int>("--pos-folds") { Description = "With --pos: tags from K taggers each trained on the other folds of --data (jackknife; 0 = the shipped tagger, which has seen these sentences)", DefaultValueFactory = _ => 4 };
        var paC = new Option<float>("--pa-c") { Description = "Above 0: passive-aggressive updates capped at this step instead of the perceptron's", DefaultValueFactory = _ => new NerTrainOptions().PaC };
        var cmd = new Command("ner", "Train the named-entity recognizer (averaged structured perceptron, BILOU, gazetteer features)");
        foreach (var o in new Option[] { data, output, seed, epochs, bits, minCount, folds, lexicon, runs, pos, posFolds, paC }) cmd.Options.Add(o);
        cmd.SetAction(parse =>
        {
            var path = parse.GetValue(data)!;
            if (!File.Exists(path)) return Fail($"--data: no such file '{path}'", ExitCodes.Usage);
            if (parse.GetValue(epochs) < 1) return Fail("--epochs must be at least 1", ExitCodes.Usage);
            if (parse.GetValue(bits) is < 10 or > 24) return Fail("--bucket-bits must be 10..24", ExitCodes.Usage);
            var clock = Stopwatch.StartNew();
            List<NerSentence> sentences;
            try
            {
                sentences = !parse.GetValue(pos) ? NerConllu.ReadFile(path)
                    : parse.GetValue(posFolds) < 2 ? NerConllu.ReadTagged(path, LanguageModels.Default, Environment.ProcessorCount)
                    : ReadJackknifed(path, parse.GetValue(posFolds), parse.GetValue(seed));
            }
            catch (FormatException e) { return Fail(e.Message, ExitCodes.Usage); }
            var options = new NerTrainOptions { Seed = parse.GetValue(seed), Epochs = parse.GetValue(epochs), BucketBits = parse.GetValue(bits), MinFeatureCount = parse.GetValue(minCount), StackFolds = parse.GetValue(folds), Runs = Math.Max(1, parse.GetValue(runs)), Pos = parse.GetValue(pos), PaC = parse.GetValue(paC) };
            var unlabelled = new List<IEnumerable<string>>();
            foreach (var file in parse.GetValue(lexicon) ?? [])
            {
                if (!File.Exists(file)) return Fail($"--lexicon: no such file '{file}'", ExitCodes.Usage);
                try { unlabelled.AddRange(NerConllu.ReadFile(file).Select(s => (IEnumerable<string>)s.Forms)); }
                catch (FormatException e) { return Fail(e.Message, ExitCodes.Usage); }
            }
            var model = NerTrainer.Train(sentences, Gazetteer.Shared, options, Console.Error.WriteLine, unlabelled);
            var outPath = parse.GetValue(output)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
            using (var f = File.Create(outPath)) model.Save(f);
            Console.Error.WriteLine($"ner: wrote {outPath} ({new FileInfo(outPath).Length:N0} bytes) in {clock.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return cmd;
    }

    /// <summary>
    /// The training sentences with XPOS as noisy as at run time: each fold tagged by a tagger
    /// trained on the other folds (the shipped tagger has seen these sentences, so its tags
    /// are near gold and teach the NER to trust NNP too much: GUM news F1 dropped 4-5 points).
    /// </summary>
    private static List<NerSentence> ReadJackknifed(string path, int folds, int seed)
    {
        var sentences = NerConllu.ReadFile(path);
        var data = Language.Conllu.ConlluReader.ReadFile(path).Select(Language.Models.TrainingSentence.From).ToList();
        var tags = TrainCommand.Jackknife(data, folds, TaggerIterations, seed);
        for (var i = 0; i < sentences.Count; i++)
            sentences[i] = sentences[i] with { Pos = tags[i].Select(t => string.Intern(t[(t.IndexOf('\t') + 1)..])).ToArray() };
        return sentences;
    }

    /// <summary>Passes of each jackknife tagger (as the parser's jackknife).</summary>
    private const int TaggerIterations = 6;

    private static int Fail(string message, int code)
    {
        Console.Error.WriteLine($"wirescope: {message}");
        return code;
    }
}
