using Wirescope.Language.Ner;
using Xunit;

namespace Wirescope.Tests.Ner;

public class NerTrainingTests
{
    private static List<NerSentence> Tiny() =>
        NerConllu.ReadFile(NerTestDocs.FixturePath("gum-news-excerpt.conllu")).Take(60).ToList();

    private static byte[] Bytes(NerModel model)
    {
        using var m = new MemoryStream();
        model.Save(m);
        return m.ToArray();
    }

    private static NerTrainOptions Options(int seed) => new() { Seed = seed, Epochs = 3, BucketBits = 14 };

    [Fact]
    public void Same_seed_gives_the_same_model_bytes()
    {
        var data = Tiny();
        var a = Bytes(NerTrainer.Train(data, Gazetteer.Shared, Options(7)));
        var b = Bytes(NerTrainer.Train(data, Gazetteer.Shared, Options(7)));
        Assert.Equal(a, b);
    }

    [Fact]
    public void A_tiny_model_learns_its_training_names_and_survives_a_save_load_round_trip()
    {
        var data = Tiny();
        var model = NerTrainer.Train(data, Gazetteer.Shared, Options(1) with { Epochs = 5 });
        using var m = new MemoryStream(Bytes(model));
        var loaded = NerModel.Load(m, Gazetteer.Shared);
        Assert.Equal(model.Tags.Types, loaded.Tags.Types);

        int gold = 0, right = 0;
        var s = new NerScratch();
        foreach (var (doc, first, count) in NerCorpusDocuments.Build(data))
        {
            new NerAnnotator(loaded, null).Annotate(doc, s);
            for (var k = 0; k < doc.Tokens.Count; k++)
            {
                var g = TagAt(data, first, count, k);
                if (g == "O") continue;
                gold++;
                if (doc.Tokens[k].Ner == g) right++;
            }
        }
        Assert.True(right >= 0.8 * gold, $"{right}/{gold} entity words right on the training data");
    }

    private static string TagAt(List<NerSentence> data, int first, int count, int word)
    {
        for (var s = first; s < first + count; s++)
        {
            if (word < data[s].Tags.Length) return data[s].Tags[word];
            word -= data[s].Tags.Length;
        }
        throw new ArgumentOutOfRangeException(nameof(word));
    }

    [Fact]
    public void A_stacked_model_round_trips_and_tags_like_before_saving()
    {
        var data = Tiny();
        var model = NerTrainer.Train(data, Gazetteer.Shared, Options(3) with { StackFolds = 2 });
        Assert.NotNull(model.Next);
        using var m = new MemoryStream(Bytes(model));
        var loaded = NerModel.Load(m, Gazetteer.Shared);
        Assert.NotNull(loaded.Next);
        Assert.True(loaded.Next!.Featurizer.UsePrior);
        var s = new NerScratch();
        foreach (var (doc, _, _) in NerCorpusDocuments.Build(data))
        {
            new NerAnnotator(model, null).Annotate(doc, s);
            var before = Enumerable.Range(0, doc.Tokens.Count).Select(i => doc.Tokens[i].Ner).ToArray();
            new NerAnnotator(loaded, null).Annotate(doc, s);
            // Weights are stored as 16-bit integers: allow no difference on this small sample.
            Assert.Equal(before, Enumerable.Range(0, doc.Tokens.Count).Select(i => doc.Tokens[i].Ner).ToArray());
        }
    }

    [Fact]
    public void Loading_garbage_is_an_invalid_data_error()
    {
        Assert.ThrowsAny<Exception>(() => NerModel.Load(new MemoryStream([1, 2, 3, 4, 5]), Gazetteer.Shared));
        using var m = new MemoryStream();
        using (var w = new System.IO.Compression.BrotliStream(m, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        using (var bw = new BinaryWriter(w)) bw.Write("NOTNER");
        m.Position = 0;
        Assert.Throws<InvalidDataException>(() => NerModel.Load(m, Gazetteer.Shared));
    }

    [Theory]
    [InlineData(new[] { "B-PERSON", "I-PERSON", "O", "B-GPE" }, new[] { "B-PERSON", "L-PERSON", "O", "U-GPE" })]
    [InlineData(new[] { "I-ORG", "I-ORG", "I-ORG" }, new[] { "B-ORG", "I-ORG", "L-ORG" })]
    [InlineData(new[] { "B-GPE", "B-GPE", "I-LOC" }, new[] { "U-GPE", "U-GPE", "U-LOC" })]
    [InlineData(new[] { "B-DATE", "O" }, new[] { "O", "O" })]
    public void Bio_tags_become_bilou_labels(string[] bio, string[] expected)
    {
        var tags = new NerTags(NerTags.DefaultTypes);
        var labels = new int[bio.Length];
        tags.FromBio(bio, labels);
        var names = labels.Select(l => l == 0 ? "O" : $"{NerTags.PartOf(l)}-{tags.Types[NerTags.TypeOf(l)]}");
        Assert.Equal(expected, names);
        for (var i = 0; i < labels.Length; i++) Assert.True(NerTags.Allowed(i == 0 ? -1 : labels[i - 1], labels[i]));
    }
}
