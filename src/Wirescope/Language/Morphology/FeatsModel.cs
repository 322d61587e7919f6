using Wirescope.Language.Models;

namespace Wirescope.Language.Morphology;

/// <summary>
/// Predicts UD FEATS from the word, its XPOS and its context, in three steps:
/// <list type="number">
/// <item>a lexicon (lower-cased word, XPOS) → the FEATS strings that word took in training
/// (most frequent first), for words seen at least twice;</item>
/// <item>otherwise the FEATS strings that XPOS took on rare words (an unseen "NNP" is
/// Number=Sing, sometimes Abbr=Yes or Number=Plur);</item>
/// <item>when that list holds more than one string, an averaged perceptron picks among them
/// only (<see cref="FeatsFeatures"/>): "you" Nom/Acc, "have" Person/Number, "go"
/// imperative/infinitive, "what" Rel/Int. One string: no scoring at all.</item>
/// </list>
/// FEATS stay consistent with the predicted XPOS (an NNS is never Number=Sing). Read-only
/// after load: one instance serves every thread.
/// </summary>
public sealed class FeatsModel
{
    internal const string Magic = "wirescope-feats";
    private const ulong TLexicon = 101;

    /// <summary>The FEATS strings the model can give, and their ids in <see cref="FeatsTable"/>.</summary>
    private readonly string[] _classes;
    private readonly ushort[] _ids;
    /// <summary>Candidate lists: list L is _pool[_listStart[L] .. _listStart[L + 1]], class indexes, most frequent first.</summary>
    private readonly int[] _pool;
    private readonly int[] _listStart;
    private readonly (string Word, string Xpos, int List)[] _lexiconEntries;
    private readonly (string Xpos, int List)[] _fallbackEntries;
    private readonly Dictionary<ulong, int> _lexicon;
    private readonly Dictionary<ulong, int> _fallback;
    private readonly FeatsWeights _weights;

    internal FeatsModel(string[] classes, int[] pool, int[] listStart, (string Word, string Xpos, int List)[] lexicon, (string Xpos, int List)[] fallback, FeatsWeights weights)
    {
        _classes = classes;
        _ids = classes.Select(FeatsTable.Intern).ToArray();
        _pool = pool;
        _listStart = listStart;
        _lexiconEntries = lexicon;
        _fallbackEntries = fallback;
        _weights = weights;
        _lexicon = new Dictionary<ulong, int>(lexicon.Length);
        foreach (var (word, xpos, list) in lexicon) _lexicon[LexiconKey(FeatureHash.Lower(word), FeatureHash.Of(xpos))] = list;
        _fallback = fallback.ToDictionary(e => FeatureHash.Of(e.Xpos), e => e.List);
    }

    public int Classes => _classes.Length;
    public int LexiconCount => _lexicon.Count;
    public int WeightCount => _weights.Count;

    internal static ulong LexiconKey(ulong lowerWord, ulong xpos) => FeatureHash.Combine(TLexicon, lowerWord, xpos);

    /// <summary>The candidate list of a word (-1: an XPOS never seen in training, FEATS "_").</summary>
    internal int ListOf(ulong lowerWord, ulong xpos) =>
        _lexicon.TryGetValue(LexiconKey(lowerWord, xpos), out var list) ? list
        : _fallback.TryGetValue(xpos, out list) ? list : -1;

    internal ReadOnlySpan<int> Candidates(int list) => list < 0 ? default : _pool.AsSpan(_listStart[list], _listStart[list + 1] - _listStart[list]);

    internal string ClassName(int c) => _classes[c];

    /// <summary>
    /// FEATS ids (<see cref="FeatsTable"/>) of the sentence's words into <paramref name="ids"/>.
    /// <paramref name="s"/> must be prepared (<see cref="FeatsSentence.Prepare"/>).
    /// </summary>
    public void Predict(FeatsSentence s, Span<ushort> ids)
    {
        Span<ulong> features = stackalloc ulong[FeatsFeatures.Max];
        FillLists(s);
        for (int i = 0; i < s.Count; i++)
        {
            var candidates = Candidates(s.List[i]);
            ids[i] = candidates.Length switch
            {
                0 => FeatsTable.None,
                1 => _ids[candidates[0]],
                _ => _ids[Best(candidates, features[..FeatsFeatures.Extract(s, i, features)])],
            };
        }
    }

    /// <summary>Each word's candidate list (<see cref="FeatsSentence.List"/>).</summary>
    internal void FillLists(FeatsSentence s)
    {
        for (int i = 0; i < s.Count; i++) s.List[i] = ListOf(s.Words.Lower[i], s.Xpos[i]);
    }

    /// <summary>The highest-scoring candidate; ties go to the more frequent one (earlier in the list).</summary>
    internal int Best(ReadOnlySpan<int> candidates, ReadOnlySpan<ulong> features)
    {
        int m = Math.Min(candidates.Length, MaxScored);
        Span<long> scores = stackalloc long[MaxScored];
        Scores(candidates[..m], features, scores);
        int best = 0;
        for (int k = 1; k < m; k++) if (scores[k] > scores[best]) best = k;
        return candidates[best];
    }

    /// <summary>Each candidate's score (integer weights summed over the features).</summary>
    internal void Scores(ReadOnlySpan<int> candidates, ReadOnlySpan<ulong> features, Span<long> scores)
    {
        // Every feature's slot asked for first, then the rows read: the probes' cache misses overlap.
        Span<ulong> keys = stackalloc ulong[FeatsFeatures.Max];
        int n = Math.Min(features.Length, FeatsFeatures.Max);
        for (int j = 0; j < n; j++)
        {
            keys[j] = FeatsWeights.ShortKey(features[j]);
            _weights.Prefetch(keys[j]);
        }
        scores[..candidates.Length].Clear();
        for (int j = 0; j < n; j++) _weights.AddRow(keys[j], candidates, scores);
    }

    /// <summary>Candidates scored at most (lists are shorter; a corrupt file's longer list is cut, never overruns).</summary>
    private const int MaxScored = 16;

    public void Save(string path) => ModelFile.Write(path, Magic, w =>
    {
        w.Write(_classes.Length);
        foreach (var c in _classes) w.Write(c);
        w.Write(_listStart.Length - 1);
        for (int l = 0; l + 1 < _listStart.Length; l++)
        {
            w.Write7BitEncodedInt(_listStart[l + 1] - _listStart[l]);
            for (int p = _listStart[l]; p < _listStart[l + 1]; p++) w.Write7BitEncodedInt(_pool[p]);
        }
        w.Write(_fallbackEntries.Length);
        foreach (var (xpos, list) in _fallbackEntries) { w.Write(xpos); w.Write7BitEncodedInt(list); }
        // Sorted words in one block, their tags and lists after: plain text compresses well.
        w.Write(_lexiconEntries.Length);
        foreach (var e in _lexiconEntries) w.Write(e.Word);
        foreach (var e in _lexiconEntries) w.Write(e.Xpos);
        foreach (var e in _lexiconEntries) w.Write7BitEncodedInt(e.List);
        _weights.Save(w);
    });

    public static FeatsModel Load(string path) => ModelFile.Read(path, Magic, r =>
    {
        int classes = r.ReadInt32();
        if (classes < 1 || classes > ushort.MaxValue) throw new InvalidDataException($"{path}: {classes} FEATS classes");
        var names = new string[classes];
        for (int c = 0; c < classes; c++) names[c] = r.ReadString();
        int lists = r.ReadInt32();
        if (lists < 0 || lists > MaxEntries) throw new InvalidDataException($"{path}: {lists} candidate lists");
        var start = new int[lists + 1];
        var pool = new List<int>();
        for (int l = 0; l < lists; l++)
        {
            int n = r.Read7BitEncodedInt();
            if (n < 0 || n > classes) throw new InvalidDataException($"{path}: a list of {n} candidates");
            for (int k = 0; k < n; k++) pool.Add(Check(r.Read7BitEncodedInt(), classes, path));
            start[l + 1] = pool.Count;
        }
        var fallback = new (string Xpos, int List)[Count(r.ReadInt32(), path)];
        for (int k = 0; k < fallback.Length; k++) fallback[k] = (string.Intern(r.ReadString()), Check(r.Read7BitEncodedInt(), lists, path));
        var lexicon = new (string Word, string Xpos, int List)[Count(r.ReadInt32(), path)];
        for (int k = 0; k < lexicon.Length; k++) lexicon[k].Word = r.ReadString();
        for (int k = 0; k < lexicon.Length; k++) lexicon[k].Xpos = string.Intern(r.ReadString());
        for (int k = 0; k < lexicon.Length; k++) lexicon[k].List = Check(r.Read7BitEncodedInt(), lists, path);
        return new FeatsModel(names, pool.ToArray(), start, lexicon, fallback, FeatsWeights.Load(r, classes));
    });

    /// <summary>Bound on a file's list, tag and lexicon counts (a corrupt count must not allocate gigabytes).</summary>
    private const int MaxEntries = 1 << 22;

    private static int Count(int value, string path) =>
        value is >= 0 and <= MaxEntries ? value : throw new InvalidDataException($"{path}: count {value} out of range");

    private static int Check(int value, int limit, string path) =>
        (uint)value < (uint)limit ? value : throw new InvalidDataException($"{path}: index {value} out of range");
}
