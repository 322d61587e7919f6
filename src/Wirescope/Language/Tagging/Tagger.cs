using Wirescope.Language.Models;

namespace Wirescope.Language.Tagging;

/// <summary>
/// Greedy left-to-right averaged-perceptron tagger. A class is a (UPOS, XPOS) pair seen in
/// training, so the two tag sets stay consistent ("that" as SCONJ/IN or PRON/WDT). Frequent
/// unambiguous words are tagged from a dictionary without scoring (faster, and no worse).
/// </summary>
public sealed class Tagger
{
    internal const string Magic = "wirescope-tagger";

    public string[] Upos { get; }
    public string[] Xpos { get; }
    internal LinearModel Model { get; }
    internal Dictionary<ulong, int> TagDictionary { get; }
    /// <summary>Exact form -> its most frequent training tag (look-ahead features).</summary>
    internal Dictionary<ulong, int> UsualTag { get; }

    internal Tagger(string[] upos, string[] xpos, LinearModel model, Dictionary<ulong, int> tagDictionary, Dictionary<ulong, int> usualTag)
    {
        UsualTag = usualTag;
        Upos = upos.Select(string.Intern).ToArray();
        Xpos = xpos.Select(string.Intern).ToArray();
        Model = model;
        TagDictionary = tagDictionary;
    }

    public int Classes => Upos.Length;

    /// <summary>Tags the words whose hashes are in <paramref name="words"/>.</summary>
    public void Tag(WordFeatures words, Span<int> tags)
    {
        int n = words.Count;
        Span<ulong> feats = stackalloc ulong[TaggerFeatures.Count];
        Span<int> scores = stackalloc int[Classes];
        var usual = n <= 256 ? stackalloc int[n] : new int[n];
        Usual(words, usual);
        for (int i = 0; i < n; i++)
        {
            if (TagDictionary.TryGetValue(words.Exact[i], out var known)) { tags[i] = known; continue; }
            TaggerFeatures.Extract(words, i, i > 0 ? tags[i - 1] : -1, i > 1 ? tags[i - 2] : -1, feats, usual);
            scores.Clear();
            Model.Score(feats, scores);
            int best = 0;
            for (int c = 1; c < scores.Length; c++) if (scores[c] > scores[best]) best = c;
            tags[i] = best;
        }
    }

    internal void Usual(WordFeatures words, Span<int> usual)
    {
        for (int i = 0; i < words.Count; i++) usual[i] = UsualTag.TryGetValue(words.Exact[i], out var t) ? t + 2 : 1;
    }

    public void Save(string path) => ModelFile.Write(path, Magic, w =>
    {
        w.Write(Upos.Length);
        for (int i = 0; i < Upos.Length; i++) { w.Write(Upos[i]); w.Write(Xpos[i]); }
        w.Write(TagDictionary.Count);
        foreach (var (k, v) in TagDictionary.OrderBy(p => p.Key)) { w.Write(k); w.Write(v); }
        w.Write(UsualTag.Count);
        foreach (var (k, v) in UsualTag.OrderBy(p => p.Key)) { w.Write(k); w.Write(v); }
        Model.Save(w);
    });

    public static Tagger Load(string path) => ModelFile.Read(path, Magic, r =>
    {
        int n = r.ReadInt32();
        var upos = new string[n];
        var xpos = new string[n];
        for (int i = 0; i < n; i++) { upos[i] = r.ReadString(); xpos[i] = r.ReadString(); }
        int d = r.ReadInt32();
        var dict = new Dictionary<ulong, int>(d);
        for (int i = 0; i < d; i++) dict[r.ReadUInt64()] = r.ReadInt32();
        int u = r.ReadInt32();
        var usual = new Dictionary<ulong, int>(u);
        for (int i = 0; i < u; i++) usual[r.ReadUInt64()] = r.ReadInt32();
        return new Tagger(upos, xpos, LinearModel.Load(r), dict, usual);
    });
}
