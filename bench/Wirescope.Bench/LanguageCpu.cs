using System.Diagnostics;
using Wirescope.Documents;
using Wirescope.Language;
using Wirescope.Language.Conllu;
using Wirescope.Language.Models;

namespace Wirescope.Bench;

/// <summary>
/// Tokens per CPU-second of the language layer on one thread, less sensitive to the other jobs
/// on a shared machine than wall time: (1) tag + parse over the gold-tokenized sentences of a
/// CoNLL-U file, (2) the whole <see cref="LanguageStage"/> (tokens, sentences, tags, lemmas,
/// parse) over the sentences' raw text in paragraphs of five. Warm; best of 7 rounds of 2 passes.
/// Run: <c>dotnet run -c Release --project bench/Wirescope.Bench -- language-cpu [CONLLU] [MODELS]</c>
/// (default: GUM dev from the shared folder and the repository's models).
/// </summary>
public static class LanguageCpu
{
    public static void Run(string conlluPath, LanguageModels models)
    {
        var gold = ConlluReader.ReadFile(conlluPath).Where(s => s.Words.Count > 0).ToList();
        var sentences = gold.Select(s => (Text: TrainingSentence.JoinForms(s, out var a, out var b), Starts: a, Ends: b)).ToList();
        var analyzer = new SentenceAnalyzer(models);
        int words = sentences.Sum(s => s.Starts.Length);
        double tagParse = Best(() => { foreach (var s in sentences) analyzer.Analyze(s.Text, s.Starts, s.Ends); });
        Console.WriteLine($"tag + parse: {words} words, {tagParse:F3} CPU-s per pass = {words / tagParse:F0} words per CPU-second");
        // Where the time goes: the tagger alone, and the parse with the first member alone.
        double tagOnly = Best(() => { foreach (var s in sentences) analyzer.Analyze(s.Text, s.Starts, s.Ends, parse: false); });
        Console.WriteLine($"  of which tagging: {tagOnly:F3} CPU-s per pass = {words / tagOnly:F0} words per CPU-second");
        var single = new SentenceAnalyzer(new LanguageModels(models.Tagger, models.Lemmatizer, new Wirescope.Language.Parsing.ParserEnsemble(models.Parser.Members[0]), feats: models.Feats));
        double oneParser = Best(() => { foreach (var s in sentences) single.Analyze(s.Text, s.Starts, s.Ends); });
        Console.WriteLine($"  tag + first parser alone: {oneParser:F3} CPU-s per pass = {words / oneParser:F0} words per CPU-second");
        if (models.Parser.Neural is { } neural)
        {
            var alone = new SentenceAnalyzer(new LanguageModels(models.Tagger, models.Lemmatizer, models.Parser.WithNeural(neural, double.PositiveInfinity), feats: models.Feats));
            double neuralOnly = Best(() => { foreach (var s in sentences) alone.Analyze(s.Text, s.Starts, s.Ends); });
            Console.WriteLine($"  tag + neural parser alone: {neuralOnly:F3} CPU-s per pass = {words / neuralOnly:F0} words per CPU-second (neural parse alone: {words / (neuralOnly - tagOnly):F0})");
            // Its parts: the network (encoder and arc scores), then the decoder and relations.
            var pass = neural.NewPass();
            var feats = new WordFeatures();
            var tags = new int[512];
            var inputs = sentences.Select(s =>
            {
                feats.Fill(s.Text, s.Starts, s.Ends);
                models.Tagger.Tag(feats, tags);
                return Enumerable.Range(0, s.Starts.Length).Select(i => (feats.Lower[i], models.TagHashes[tags[i]], feats.Suffix3[i], feats.Shape[i])).ToArray();
            }).ToList();
            double network = Best(() =>
            {
                foreach (var x in inputs)
                {
                    pass.Prepare(x.Length);
                    for (int i = 0; i < x.Length; i++) pass.SetWord(i, x[i].Item1, x[i].Item2, x[i].Item3, x[i].Item4);
                    neural.Score(pass);
                }
            });
            Console.WriteLine($"    of which the network: {network:F3} CPU-s per pass = {words / network:F0} words per CPU-second");
        }

        var paragraphs = gold.Where(s => s.Text is not null).Select(s => s.Text!).Chunk(5).Select(c => string.Join(' ', c)).ToList();
        var article = new Article { Text = string.Join("\n\n", paragraphs) };
        int at = 0;
        foreach (var p in paragraphs) { article.Paragraphs.Add(new Paragraph(at, at + p.Length, "p")); at += p.Length + 2; }
        var stage = new LanguageStage(models);
        int tokens = 0;
        double whole = Best(() =>
        {
            var doc = new Document("bench", new InputInfo("bench", null, "text")) { Article = article };
            stage.Run(doc, CancellationToken.None);
            tokens = doc.Tokens.Count;
        });
        Console.WriteLine($"whole language stage: {tokens} tokens, {whole:F3} CPU-s per pass = {tokens / whole:F0} tokens per CPU-second");
    }

    private static double Best(Action pass)
    {
        pass();
        pass();
        double best = double.MaxValue;
        for (int round = 0; round < 7; round++)
        {
            var process = Process.GetCurrentProcess();
            var start = process.TotalProcessorTime;
            pass();
            pass();
            process.Refresh();
            best = Math.Min(best, (process.TotalProcessorTime - start).TotalSeconds / 2);
        }
        return best;
    }

    /// <summary>
    /// Loads each model file alone, then all of them as the CLI does, printing wall and CPU time
    /// and the managed heap after each (best of 3; the first, cold load is printed too).
    /// </summary>
    public static void Load(string directory)
    {
        Time("tagger", () => Wirescope.Language.Tagging.Tagger.Load(Path.Combine(directory, LanguageModels.TaggerFile)));
        Time("lemmatizer", () => Wirescope.Language.Lemmas.Lemmatizer.Load(Path.Combine(directory, LanguageModels.LemmatizerFile)));
        Time("parser", () => Wirescope.Language.Parsing.ParserEnsemble.Load(Path.Combine(directory, LanguageModels.ParserFile)));
        Time("feats", () => Wirescope.Language.Morphology.FeatsModel.Load(Path.Combine(directory, LanguageModels.FeatsFile)));
        if (File.Exists(Path.Combine(directory, LanguageModels.NeuralParserFile)))
            Time("neural parser", () => Wirescope.Language.Parsing.Neural.NeuralParser.Load(Path.Combine(directory, LanguageModels.NeuralParserFile)));
        Time("all", () => LanguageModels.Load(directory));
        var models = LanguageModels.Load(directory);
        Console.WriteLine($"tagger rows {models.Tagger.Model.Features} x {models.Tagger.Model.Classes}, backward {models.Tagger.Backward?.Model.Features} x {models.Tagger.Backward?.Model.Classes}");
        foreach (var m in models.Parser.Members)
            Console.WriteLine($"parser member (reversed {m.Reversed}, beam {m.BeamWidth}): transitions {m.Transitions.Features} rows, relations {m.Relations.Features} x {m.Relations.Classes}");
    }

    private static void Time(string name, Func<object> load)
    {
        for (int round = 0; round < 4; round++)
        {
            GC.Collect();
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var model = load();
            wall.Stop();
            process.Refresh();
            GC.Collect();
            long heap = GC.GetTotalMemory(true);
            Console.WriteLine($"{name} {(round == 0 ? "cold" : "warm")}: {wall.Elapsed.TotalSeconds:F3} s wall, {(process.TotalProcessorTime - cpu).TotalSeconds:F3} CPU-s, heap {heap / 1e6:F0} MB");
            GC.KeepAlive(model);
        }
    }
}
