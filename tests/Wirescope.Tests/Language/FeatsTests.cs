using Wirescope.Language;
using Wirescope.Language.Conllu;
using Wirescope.Language.Models;
using Wirescope.Language.Morphology;
using Xunit;

namespace Wirescope.Tests.Language;

/// <summary>
/// The FEATS predictor: its lexicon and per-tag lists on single words, agreement and case in
/// context, a UFeats floor of the shipped model on the fixed GUM sample, the model file's round
/// trip and reproducibility, and bad input.
/// </summary>
public class FeatsTests
{
    /// <summary>Measured 94.54 on the fixture when the model was committed (conllu.py UFeats); a bad retrain falls under.</summary>
    private const double UFeatsFloor = 0.935;

    /// <summary>The universal features (CoNLL 2018 list, as eval/conllu.py scores UFeats).</summary>
    private static readonly HashSet<string> Universal =
    [
        "PronType", "NumType", "Poss", "Reflex", "Foreign", "Abbr", "Gender", "Animacy", "Number", "Case", "Definite",
        "Degree", "VerbForm", "Mood", "Tense", "Aspect", "Voice", "Evident", "Polarity", "Person", "Polite",
    ];

    private static HashSet<string> UFeats(string feats) =>
        feats == "_" ? [] : feats.Split('|').Where(p => Universal.Contains(p.Split('=')[0])).ToHashSet();

    /// <summary>FEATS of each word of a one-sentence text (words split on spaces), by the given model.</summary>
    private static string[] Predict(FeatsModel model, string[] words, string[] xpos)
    {
        var text = string.Join(' ', words);
        var starts = new int[words.Length];
        var ends = new int[words.Length];
        for (int i = 0, at = 0; i < words.Length; i++) { starts[i] = at; ends[i] = at + words[i].Length; at = ends[i] + 1; }
        var wf = new WordFeatures();
        wf.Fill(text, starts, ends);
        var s = new FeatsSentence();
        s.Reset(wf, words.Length);
        for (int i = 0; i < words.Length; i++) s.Xpos[i] = FeatureHash.Of(xpos[i]);
        s.Prepare();
        var ids = new ushort[words.Length];
        model.Predict(s, ids);
        return ids.Select(FeatsTable.Name).ToArray();
    }

    [Theory]
    // Lexicon: closed-class words and frequent forms.
    [InlineData("the", "DT", "Definite=Def|PronType=Art")]
    [InlineData("him", "PRP", "Case=Acc|Gender=Masc|Number=Sing|Person=3|PronType=Prs")]
    [InlineData("us", "PRP", "Case=Acc|Number=Plur|Person=1|PronType=Prs")]
    [InlineData("their", "PRP$", "Case=Gen|Number=Plur|Person=3|Poss=Yes|PronType=Prs")]
    [InlineData("themselves", "PRP", "Case=Acc|Number=Plur|Person=3|PronType=Prs|Reflex=Yes")]
    [InlineData("not", "RB", "Polarity=Neg")]
    [InlineData("would", "MD", "VerbForm=Fin")]
    [InlineData("ministers", "NNS", "Number=Plur")]
    [InlineData("larger", "JJR", "Degree=Cmp")]
    [InlineData("biggest", "JJS", "Degree=Sup")]
    [InlineData("been", "VBN", "Tense=Past|VerbForm=Part")]
    [InlineData("says", "VBZ", "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin")]
    // Per-tag lists: words never seen in training.
    [InlineData("glorbists", "NNS", "Number=Plur")]
    [InlineData("glorbism", "NN", "Number=Sing")]
    [InlineData("Zandovia", "NNP", "Number=Sing")]
    [InlineData("zorbier", "JJR", "Degree=Cmp")]
    [InlineData("zorbiest", "JJS", "Degree=Sup")]
    [InlineData("glorbs", "VBZ", "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin")]
    [InlineData("4,817", "CD", "NumForm=Digit|NumType=Card")]
    // No features.
    [InlineData("in", "IN", "_")]
    [InlineData(",", ",", "_")]
    public void A_word_alone_gets_its_lexicon_or_tag_features(string word, string xpos, string expected)
    {
        var got = Predict(LanguageTestData.Models.Feats!, [word], [xpos])[0];
        Assert.Equal(UFeats(expected), UFeats(got));
    }

    [Theory]
    // Agreement with the subject, case from the relation, mood and voice from the clause.
    [InlineData("We have seen it .", "have", "Number=Plur|Person=1")]
    [InlineData("We have seen it .", "it", "Case=Acc")]
    [InlineData("They say the talks failed .", "say", "Number=Plur|Person=3")]
    [InlineData("It is raining in Geneva .", "It", "Case=Nom")]
    [InlineData("Give me the report now .", "Give", "Mood=Imp")]
    [InlineData("The talks were held in Geneva .", "held", "Voice=Pass")]
    [InlineData("The talks were held in Geneva .", "were", "Number=Plur")]
    [InlineData("She wants to leave .", "leave", "VerbForm=Inf")]
    public void Context_decides_among_a_words_candidates(string sentence, string word, string expected)
    {
        var words = sentence.Split(' ');
        int i = Array.IndexOf(words, word);
        var starts = new int[words.Length];
        var ends = new int[words.Length];
        for (int k = 0, at = 0; k < words.Length; k++) { starts[k] = at; ends[k] = at + words[k].Length; at = ends[k] + 1; }
        var a = new SentenceAnalyzer(LanguageTestData.Models);
        a.Analyze(sentence, starts, ends);
        var got = UFeats(FeatsTable.Name(a.Feats(i)));
        foreach (var f in expected.Split('|')) Assert.Contains(f, got);
    }

    [Fact]
    public void Shipped_model_meets_its_UFeats_floor_and_never_copies_the_gold_column()
    {
        var gold = ModelAccuracyTests.Fixture();
        var pred = new ConlluAnnotator(LanguageTestData.Models, 2).Annotate(ModelAccuracyTests.Fixture()).ToList();
        int right = 0, words = 0;
        for (int k = 0; k < gold.Count; k++)
            for (int i = 0; i < gold[k].Words.Count; i++, words++)
                if (UFeats(gold[k].Words[i].Feats).SetEquals(UFeats(pred[k].Words[i].Feats))) right++;
        double score = (double)right / words;
        Assert.True(score >= UFeatsFloor, $"UFeats {score:F4} < {UFeatsFloor}");
        // A gold-only feature (Typo=Yes is never learnt) must not come through.
        Assert.DoesNotContain(pred.SelectMany(s => s.Words), w => w.Feats.Contains("Typo=", StringComparison.Ordinal));
    }

    [Fact]
    public void Annotating_text_writes_feats_too()
    {
        var doc = new Wirescope.Documents.Document("t", new Wirescope.Documents.InputInfo("t", null, "text"))
        {
            Article = new Wirescope.Documents.Article { Text = "The ministers met in Geneva." },
        };
        new LanguageStage(LanguageTestData.Models).Run(doc, CancellationToken.None);
        var words = ConlluAnnotator.FromDocument(doc).Single().Words;
        Assert.Equal("Number=Plur", words.Single(w => w.Form == "ministers").Feats);
        Assert.Equal("_", words.Single(w => w.Form == "in").Feats);
    }

    [Fact]
    public void Model_file_round_trips_and_training_is_reproducible()
    {
        var dir = Path.Combine(Path.GetTempPath(), "wirescope-feats-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var data = ModelAccuracyTests.Fixture().Take(120).Select(TrainingSentence.From).ToList();
            var trained = FeatsTrainer.Train(data, 3, 7);
            string a = Path.Combine(dir, "a.bin.gz"), b = Path.Combine(dir, "b.bin.gz");
            trained.Save(a);
            FeatsTrainer.Train(data, 3, 7).Save(b);
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
            var loaded = FeatsModel.Load(a);
            Assert.Equal(trained.Classes, loaded.Classes);
            Assert.Equal(trained.WeightCount, loaded.WeightCount);
            foreach (var s in data.Take(40))
            {
                var words = Enumerable.Range(0, s.Count).Select(s.Form).ToArray();
                Assert.Equal(Predict(trained, words, s.Xpos), Predict(loaded, words, s.Xpos));
            }
            // It learnt its own data: most words get their gold FEATS back (gold tags, no tree).
            int right = 0, total = 0;
            foreach (var s in data)
            {
                var got = Predict(loaded, Enumerable.Range(0, s.Count).Select(s.Form).ToArray(), s.Xpos);
                for (int i = 0; i < s.Count; i++, total++) if (UFeats(got[i]).SetEquals(UFeats(s.Feats![i]))) right++;
            }
            Assert.True(right > 0.9 * total, $"{right} of {total}");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Bad_input_never_crashes()
    {
        var model = LanguageTestData.Models.Feats!;
        // An XPOS no training word had, an empty word, odd characters: "_" or some FEATS, no exception.
        Assert.Equal("_", Predict(model, ["frob"], ["NOT-A-TAG"])[0]);
        Assert.NotNull(Predict(model, [""], ["NN"])[0]);
        Assert.NotNull(Predict(model, ["\u0000\uD83D\uDE00"], ["NNP"])[0]);
        Assert.Empty(Predict(model, [], []));
        var a = new SentenceAnalyzer(LanguageTestData.Models);
        a.Analyze("", [], []);
        // The table: "_" and empty are id 0; an id never handed out reads "_".
        Assert.Equal(FeatsTable.None, FeatsTable.Intern("_"));
        Assert.Equal(FeatsTable.None, FeatsTable.Intern(""));
        Assert.Equal("_", FeatsTable.Name(ushort.MaxValue));
        var id = FeatsTable.Intern("Number=Sing");
        Assert.Equal(id, FeatsTable.Intern("Number=Sing"));
        Assert.Equal("Number=Sing", FeatsTable.Name(id));
        // A file that is not a FEATS model, or is cut short, is refused with a typed error.
        var path = Path.Combine(Path.GetTempPath(), "wirescope-feats-bad-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllBytes(path, [1, 2, 3]);
            Assert.ThrowsAny<Exception>(() => FeatsModel.Load(path));
            model.Save(path);
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
            var e = Record.Exception(() => FeatsModel.Load(path));
            Assert.True(e is InvalidDataException or EndOfStreamException or IOException, e?.GetType().Name);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
