using System.CommandLine;
using System.Diagnostics;
using Wirescope.Language;
using Wirescope.Language.Models;
using Wirescope.Language.Parsing.Neural;

namespace Wirescope.Cli;

/// <summary>
/// <c>wirescope train neural-parser</c>: the BiLSTM + biaffine parser from the open treebanks,
/// on the same jackknifed tags as the perceptron parsers; dev UAS/LAS printed after each epoch
/// (dev tags from the shipped tagger, as at run time). Resumes from its checkpoint.
/// </summary>
public static class TrainNeuralCommand
{
    public const string DefaultOut = "models/" + LanguageModels.NeuralParserFile;

    public static Command Create()
    {
        var common = new TrainCommand.Common(DefaultOut, 20);
        var folds = new Option<int>("--jackknife") { Description = "Tags from K jackknife taggers (0 = gold tags)", DefaultValueFactory = _ => 4 };
        var taggerIterations = new Option<int>("--tagger-iterations") { Description = "Iterations of each jackknife tagger", DefaultValueFactory = _ => 6 };
        var tagsCache = new Option<string?>("--tags-cache") { Description = "Jackknifed tags file shared with `train parser --tags-cache`" };
        var dev = new Option<string?>("--dev") { Description = "Treebank to report UAS/LAS on after each epoch (measuring only; default GUM dev)" };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Training state file (default OUT.ckpt); a run restarts from it" };
        var hidden = new Option<int>("--hidden") { Description = "LSTM units per direction", DefaultValueFactory = _ => 128 };
        var layers = new Option<int>("--layers") { Description = "BiLSTM layers", DefaultValueFactory = _ => 1 };
        var batch = new Option<int>("--batch") { Description = "Sentences per minibatch", DefaultValueFactory = _ => 32 };
        var threads = new Option<int>("--threads") { Description = "Threads (the result does not depend on it)", DefaultValueFactory = _ => 2 };
        var annealFrom = new Option<int>("--anneal-from") { Description = "Epochs after this many train at --anneal-factor times the learning rate (0: never)", DefaultValueFactory = _ => 0 };
        var annealFactor = new Option<float>("--anneal-factor") { Description = "Learning-rate factor of the final anneal", DefaultValueFactory = _ => 0.1f };
        var limit = new Option<int>("--limit") { Description = "Use only the first N training sentences (smoke tests)", DefaultValueFactory = _ => 0 };
        var cmd = new Command("neural-parser", "Train the BiLSTM + biaffine dependency parser (from scratch, Adam)");
        common.AddTo(cmd);
        foreach (var o in new Option[] { folds, taggerIterations, tagsCache, dev, checkpoint, hidden, layers, batch, threads, annealFrom, annealFactor, limit }) cmd.Options.Add(o);
        cmd.SetAction(p =>
        {
            var files = common.Files(p);
            if (files is null) return ExitCodes.Usage;
            var sw = Stopwatch.StartNew();
            var data = TrainingSentence.Load(files);
            if (p.GetValue(limit) > 0) data = data.Take(p.GetValue(limit)).ToList();
            int seed = p.GetValue(common.Seed);
            var tags = TrainCommand.CachedJackknife(p.GetValue(tagsCache), files, data, p.GetValue(folds), p.GetValue(taggerIterations), seed, false);
            var words = new WordFeatures();
            var train = data.Select((s, i) => NeuralTrainer.Example.From(s, tags[i], words)).OfType<NeuralTrainer.Example>().ToList();
            var devFile = p.GetValue(dev) ?? LanguageData.Shared("datasets/language/ud-gum/en_gum-ud-dev.conllu");
            var devSet = File.Exists(devFile) ? Tagged(TrainingSentence.Load([devFile])) : [];
            var outPath = p.GetValue(common.Out)!;
            var trainer = new NeuralTrainer
            {
                Seed = seed, BatchSentences = p.GetValue(batch), Threads = Math.Max(1, p.GetValue(threads)),
                AnnealFrom = p.GetValue(annealFrom), AnnealFactor = p.GetValue(annealFactor),
                Config = new NeuralConfig(Hidden: p.GetValue(hidden), Layers: p.GetValue(layers)),
            };
            trainer.Train(train, devSet, p.GetValue(common.Iterations), outPath, p.GetValue(checkpoint) ?? outPath + ".ckpt", Console.Error);
            Console.Error.WriteLine($"neural parser: {train.Count} sentences, {sw.Elapsed.TotalSeconds:F0} s -> {outPath}");
            return 0;
        });
        return cmd;
    }

    /// <summary>Measuring sentences with the shipped tagger's tags (what the parser gets at run time).</summary>
    private static List<NeuralTrainer.Example> Tagged(List<TrainingSentence> sentences)
    {
        var tagger = LanguageModels.Default.Tagger;
        var words = new WordFeatures();
        var pred = new int[256];
        var list = new List<NeuralTrainer.Example>();
        foreach (var s in sentences)
        {
            if (pred.Length < s.Count) pred = new int[s.Count * 2];
            words.Fill(s.Text, s.Starts, s.Ends);
            tagger.Tag(words, pred);
            var tags = Enumerable.Range(0, s.Count).Select(i => LanguageModels.TagName(tagger.Upos[pred[i]], tagger.Xpos[pred[i]])).ToArray();
            if (NeuralTrainer.Example.From(s, tags, words) is { } e) list.Add(e);
        }
        return list;
    }
}
