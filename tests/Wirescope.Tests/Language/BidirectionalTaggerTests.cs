using Wirescope.Language.Models;
using Wirescope.Language.Tagging;
using Xunit;

namespace Wirescope.Tests.Language;

/// <summary>The right-to-left tagger's input is the mirrored sentence, and the two-way tagger survives its file.</summary>
public class BidirectionalTaggerTests
{
    [Fact]
    public void Mirrored_word_features_are_those_of_the_reversed_sentence()
    {
        var s = TrainingSentence.From(ModelAccuracyTests.Fixture()[5]);
        var words = new WordFeatures();
        words.Fill(s.Text, s.Starts, s.Ends);
        var mirrored = new WordFeatures();
        mirrored.MirrorOf(words);
        var m = s.Mirrored();
        var direct = new WordFeatures();
        direct.Fill(m.Text, m.Starts, m.Ends);
        Assert.Equal(direct.Count, mirrored.Count);
        for (int i = 0; i < s.Count; i++)
        {
            Assert.Equal(direct.Lower[i], mirrored.Lower[i]);
            Assert.Equal(direct.Exact[i], mirrored.Exact[i]);
            Assert.Equal(direct.Shape[i], mirrored.Shape[i]);
            Assert.Equal(direct.Suffix3[i], mirrored.Suffix3[i]);
            Assert.Equal(direct.Prefix3[i], mirrored.Prefix3[i]);
        }
    }

    [Fact]
    public void A_two_way_tagger_tags_well_and_round_trips()
    {
        var data = ModelAccuracyTests.Fixture().Take(80).Select(TrainingSentence.From).ToList();
        var forward = TaggerTrainer.Train(data, 3, 3);
        var both = forward.WithBackward(TaggerTrainer.Train(data.Select(s => s.Mirrored()).ToList(), 3, 3));
        var path = Path.Combine(Path.GetTempPath(), "wirescope-tagger-" + Guid.NewGuid().ToString("N") + ".bin.gz");
        try
        {
            both.Save(path);
            var loaded = Tagger.Load(path);
            Assert.NotNull(loaded.Backward);
            var words = new WordFeatures();
            int right = 0, total = 0;
            foreach (var s in data)
            {
                words.Fill(s.Text, s.Starts, s.Ends);
                var a = new int[s.Count];
                var b = new int[s.Count];
                both.Tag(words, a);
                loaded.Tag(words, b);
                Assert.Equal(a, b);
                for (int i = 0; i < s.Count; i++, total++) if (both.Upos[a[i]] == s.Upos[i]) right++;
            }
            Assert.True(right > 0.8 * total, $"UPOS {right}/{total}");
        }
        finally { File.Delete(path); }
    }
}
