using Wirescope.Language.Models;

namespace Wirescope.Language.Tagging;

/// <summary>Trains a <see cref="Tagger"/>; deterministic for a given seed and data order.</summary>
public static class TaggerTrainer
{
    /// <summary>A word goes in the tag dictionary when seen this often with one tag this share of the time.</summary>
    private const int DictMinCount = 20;
    private const double DictMinShare = 0.995;
    /// <summary>A word's most frequent tag is a look-ahead feature once it was seen this often.</summary>
    private const int UsualMinCount = 2;

    public static Tagger Train(IReadOnlyList<TrainingSentence> data, int iterations, int seed, TextWriter? log = null, int minUpdates = 1)
    {
        var classOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var upos = new List<string>();
        var xpos = new List<string>();
        foreach (var s in data)
            for (int i = 0; i < s.Count; i++)
            {
                var key = s.Upos[i] + "\t" + s.Xpos[i];
                if (!classOf.ContainsKey(key)) { classOf[key] = upos.Count; upos.Add(s.Upos[i]); xpos.Add(s.Xpos[i]); }
            }
        var gold = data.Select(s => Enumerable.Range(0, s.Count).Select(i => classOf[s.Upos[i] + "\t" + s.Xpos[i]]).ToArray()).ToArray();

        // Tag dictionary: exact form -> its only tag.
        var counts = new Dictionary<ulong, Dictionary<int, int>>();
        var words = new WordFeatures();
        for (int k = 0; k < data.Count; k++)
        {
            words.Fill(data[k].Text, data[k].Starts, data[k].Ends);
            for (int i = 0; i < data[k].Count; i++)
            {
                if (!counts.TryGetValue(words.Exact[i], out var c)) counts[words.Exact[i]] = c = new Dictionary<int, int>();
                c[gold[k][i]] = c.GetValueOrDefault(gold[k][i]) + 1;
            }
        }
        var dict = new Dictionary<ulong, int>();
        var usual = new Dictionary<ulong, int>();
        foreach (var (w, c) in counts)
        {
            int total = c.Values.Sum();
            var (tag, n) = c.OrderByDescending(p => p.Value).ThenBy(p => p.Key).First();
            if (total >= DictMinCount && n >= DictMinShare * total) dict[w] = tag;
            if (total >= UsualMinCount) usual[w] = tag;
        }
        var shell = new Tagger(upos.ToArray(), xpos.ToArray(), new LinearModel(upos.Count, [], [], 1f), dict, usual);
        var usualTags = new int[1024];

        int classes = upos.Count;
        var model = new Perceptron(classes);
        var order = Enumerable.Range(0, data.Count).ToArray();
        var rng = new Random(seed);
        Span<ulong> feats = stackalloc ulong[TaggerFeatures.Count];
        var scratch = new float[classes];
        var pred = new int[1024];
        for (int it = 0; it < iterations; it++)
        {
            rng.Shuffle(order);
            int correct = 0, total = 0;
            foreach (var k in order)
            {
                var s = data[k];
                words.Fill(s.Text, s.Starts, s.Ends);
                if (pred.Length < s.Count) { pred = new int[s.Count * 2]; usualTags = new int[s.Count * 2]; }
                shell.Usual(words, usualTags);
                for (int i = 0; i < s.Count; i++)
                {
                    int g = gold[k][i];
                    if (dict.TryGetValue(words.Exact[i], out var known)) { pred[i] = known; correct += known == g ? 1 : 0; total++; continue; }
                    TaggerFeatures.Extract(words, i, i > 0 ? pred[i - 1] : -1, i > 1 ? pred[i - 2] : -1, feats, usualTags);
                    int guess = model.Predict(feats, scratch);
                    model.Tick();
                    model.Update(feats, g, guess);
                    pred[i] = guess;
                    if (guess == g) correct++;
                    total++;
                }
            }
            log?.WriteLine($"tagger iteration {it + 1}: train accuracy {(double)correct / total:F4}");
        }
        return new Tagger(upos.ToArray(), xpos.ToArray(), model.Freeze(minUpdates), dict, usual);
    }
}
