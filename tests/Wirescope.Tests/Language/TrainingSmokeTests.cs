using Wirescope.Language;
using Wirescope.Language.Conllu;
using Wirescope.Language.Lemmas;
using Wirescope.Language.Models;
using Wirescope.Language.Morphology;
using Wirescope.Language.Parsing;
using Wirescope.Language.Tagging;
using Xunit;

namespace Wirescope.Tests.Language;

/// <summary>Train on a tiny corpus, save, load: same predictions; same seed, same bytes.</summary>
public class TrainingSmokeTests
{
    private static List<TrainingSentence> Tiny() =>
        ModelAccuracyTests.Fixture().Take(80).Select(TrainingSentence.From).ToList();

    private static LanguageModels TrainAll(List<TrainingSentence> data, int seed)
    {
        var tagger = TaggerTrainer.Train(data, 3, seed);
        var lem = LemmatizerTrainer.Train(data);
        var tags = data.Select(s => Enumerable.Range(0, s.Count).Select(i => LanguageModels.TagName(s.Upos[i], s.Xpos[i])).ToArray()).ToArray();
        var parser = ParserTrainer.Train(data, tags, 3, seed).Freeze(1);
        return new LanguageModels(tagger, lem, parser, feats: FeatsTrainer.Train(data, 3, seed));
    }

    private static string Save(LanguageModels m, string dir)
    {
        Directory.CreateDirectory(dir);
        m.Tagger.Save(Path.Combine(dir, LanguageModels.TaggerFile));
        m.Lemmatizer.Save(Path.Combine(dir, LanguageModels.LemmatizerFile));
        m.Parser.Save(Path.Combine(dir, LanguageModels.ParserFile));
        m.Feats!.Save(Path.Combine(dir, LanguageModels.FeatsFile));
        return dir;
    }

    private static string Annotate(LanguageModels m)
    {
        var w = new StringWriter();
        foreach (var s in new ConlluAnnotator(m, 1).Annotate(ModelAccuracyTests.Fixture().Take(80))) ConlluWriter.Write(w, s);
        return w.ToString();
    }

    [Fact]
    public void Train_save_load_predicts_the_same_and_is_reproducible()
    {
        var root = Path.Combine(Path.GetTempPath(), "wirescope-train-" + Guid.NewGuid().ToString("N"));
        try
        {
            var data = Tiny();
            var trained = TrainAll(data, 7);
            var a = Save(trained, Path.Combine(root, "a"));
            var loaded = LanguageModels.Load(a);
            Assert.Equal(Annotate(trained), Annotate(loaded));

            // The models learnt something: on their own training data they beat chance by far.
            var s = ModelAccuracyTests.Score(ModelAccuracyTests.Fixture().Take(80).ToList(),
                new ConlluAnnotator(loaded, 1).Annotate(ModelAccuracyTests.Fixture().Take(80)).ToList());
            Assert.True(s.Upos > 0.8, $"UPOS {s.Upos}");
            Assert.True(s.Uas > 0.5, $"UAS {s.Uas}");

            var b = Save(TrainAll(Tiny(), 7), Path.Combine(root, "b"));
            foreach (var f in new[] { LanguageModels.TaggerFile, LanguageModels.LemmatizerFile, LanguageModels.ParserFile, LanguageModels.FeatsFile })
                Assert.Equal(File.ReadAllBytes(Path.Combine(a, f)), File.ReadAllBytes(Path.Combine(b, f)));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, true);
        }
    }

    [Fact]
    public void Measure_only_sets_are_refused()
    {
        Assert.True(LanguageData.IsMeasureOnly("/x/ud-gum/en_gum-ud-dev.conllu"));
        Assert.True(LanguageData.IsMeasureOnly("/x/ud-gum/en_gum-ud-train.conllu"));
        Assert.True(LanguageData.IsMeasureOnly("/x/gum-ner/test.conllu"));
        Assert.False(LanguageData.IsMeasureOnly("/x/ud-gum/train-open.conllu"));
        Assert.False(LanguageData.IsMeasureOnly("/x/ud-ewt/en_ewt-ud-dev.conllu"));
    }
}
