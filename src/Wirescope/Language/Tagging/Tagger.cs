using Wirescope.Language.Models;

namespace Wirescope.Language.Tagging;

/// <summary>
/// Greedy left-to-right averaged-perceptron tagger. A class is a (UPOS, XPOS) pair seen in
/// training, so the two tag sets stay consistent ("that" as SCONJ/IN or PRON/WDT). Frequent
/// unambiguous words are tagged from a dictionary without scoring (faster, and no worse).
/// With a <see cref="Backward"/> tagger (trained on mirrored sentences, so its history is
/// the next two tags), each word takes the class with the best sum of the two taggers'
/// scores: each direction sees the context the other guesses at.
/// </summary>
public sealed class Tagger
{
    internal const string Magic = "wirescope-taggers";

    public string[] Upos { get; }
    public string[] Xpos { get; }
    internal LinearModel Model { get; }
    internal Dictionary<ulong, int> TagDictionary { get; }
    /// <summary>Exact form -> its most frequent training tag (look-ahead features).</summary>
    internal Dictionary<ulong, int> UsualTag { get; }

    /// <summary>A right-to-left tagger whose scores are added to this one's, or null.</summary>
    public Tagger? Backward { get; private init; }
    /// <summary>Per class of this tagger, the backward tagger's class of the same tags (-1: none).</summary>
    private int[] _backwardClass = [];

    /// <summary>This tagger with <paramref name="backward"/> voting with it.</summary>
    public Tagger WithBackward(Tagger? backward)
    {
        var map = new int[backward is null ? 0 : Classes];
        for (int c = 0; c < map.Length; c++)
        {
            map[c] = -1;
            for (int b = 0; b < backward!.Classes; b++)
                if (backward.Upos[b] == Upos[c] && backward.Xpos[b] == Xpos[c]) { map[c] = b; break; }
        }
        return new Tagger(Upos, Xpos, Model, TagDictionary, UsualTag) { Backward = backward, _backwardClass = map };
    }

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
        if (Backward is null)
        {
            Greedy(words, tags, default);
            return;
        }
        int n = words.Count, k = Classes, kb = Backward.Classes;
        var ws = Scratch ??= new BidirectionalScratch();
        ws.Reserve(n, Math.Max(k, kb));
        var forward = ws.Forward.AsSpan(0, n * k);
        var backward = ws.Backward.AsSpan(0, n * kb);
        Greedy(words, tags, forward);
        ws.Mirrored.MirrorOf(words);
        var back = ws.BackTags.AsSpan(0, n);
        Backward.Greedy(ws.Mirrored, back, backward);
        // Sum the two taggers' scores on one scale; words from the dictionary keep their tag.
        float fs = Model.Scale, bs = Backward.Model.Scale;
        for (int i = 0; i < n; i++)
        {
            if (TagDictionary.ContainsKey(words.Exact[i])) continue;
            var f = forward.Slice(i * k, k);
            var b = backward.Slice((n - 1 - i) * kb, kb);
            int best = -1;
            float bestScore = 0;
            for (int c = 0; c < k; c++)
            {
                int bc = _backwardClass[c];
                float score = f[c] * fs + (bc >= 0 ? b[bc] * bs : 0);
                if (best < 0 || score > bestScore) { best = c; bestScore = score; }
            }
            tags[i] = best;
        }
    }

    /// <summary>Per-thread buffers of the two-way tagger (the tagger itself is shared).</summary>
    private sealed class BidirectionalScratch
    {
        public readonly WordFeatures Mirrored = new();
        public int[] Forward = new int[64 * 128], Backward = new int[64 * 128], BackTags = new int[64];

        public void Reserve(int n, int classes)
        {
            if (Forward.Length < n * classes) { Forward = new int[n * classes * 2]; Backward = new int[n * classes * 2]; }
            if (BackTags.Length < n) BackTags = new int[n * 2];
        }
    }

    [ThreadStatic] private static BidirectionalScratch? Scratch;

    /// <summary>Greedy tagging; when <paramref name="keep"/> is given, each scored word's class scores go to its row.</summary>
    private void Greedy(WordFeatures words, Span<int> tags, Span<int> keep)
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
            if (!keep.IsEmpty) scores.CopyTo(keep.Slice(i * Classes, Classes));
        }
    }

    internal void Usual(WordFeatures words, Span<int> usual)
    {
        for (int i = 0; i < words.Count; i++) usual[i] = UsualTag.TryGetValue(words.Exact[i], out var t) ? t + 2 : 1;
    }

    public void Save(string path) => ModelFile.Write(path, Magic, w =>
    {
        w.Write(Backward is null ? 1 : 2);
        Write(w);
        Backward?.Write(w);
    });

    private void Write(BinaryWriter w)
    {
        w.Write(Upos.Length);
        for (int i = 0; i < Upos.Length; i++) { w.Write(Upos[i]); w.Write(Xpos[i]); }
        w.Write(TagDictionary.Count);
        foreach (var (k, v) in TagDictionary.OrderBy(p => p.Key)) { w.Write(k); w.Write(v); }
        w.Write(UsualTag.Count);
        foreach (var (k, v) in UsualTag.OrderBy(p => p.Key)) { w.Write(k); w.Write(v); }
        Model.Save(w);
    }

    public static Tagger Load(string path) => ModelFile.Read(path, Magic, r =>
    {
        int count = r.ReadInt32();
        if (count is < 1 or > 2) throw new InvalidDataException($"{path}: {count} taggers");
        var forward = Read(r);
        return count == 2 ? forward.WithBackward(Read(r)) : forward;
    });

    private static Tagger Read(BinaryReader r)
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
    }
}
