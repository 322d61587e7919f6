namespace Wirescope.Language.Ner;

/// <summary>
/// Reusable per-thread buffers for one document: word hashes, flags, gazetteer hits,
/// feature rows, scores and Viterbi tables. Grown when a document is larger, never shrunk,
/// so tagging allocates nothing per token once warm.
/// </summary>
public sealed class NerScratch
{
    internal ulong[] Lower = [];
    internal ulong[] Exact = [];
    internal ulong[] Shape = [];
    internal ulong[] ShortShape = [];
    internal ulong[] Suffix2 = [];
    internal ulong[] Suffix3 = [];
    internal ulong[] Suffix4 = [];
    internal ulong[] Prefix3 = [];
    /// <summary>Hash of the word's predicted PTB tag (XPOS), or <see cref="NerFeaturizer.NoPos"/>.</summary>
    internal ulong[] Pos = [];
    internal byte[] Flags = [];
    internal byte[] DocFlags = [];
    /// <summary>Where the word sits in its run of capitalised words: position (0 none, 1 B, 2 I, 3 L, 4 U) and run length (capped).</summary>
    internal byte[] RunPos = [], RunLen = [];
    /// <summary>The word's band in the model's lower-case lexicon.</summary>
    internal byte[] LexBand = [];
    /// <summary>Gazetteer classes of the phrases a word begins, continues, ends, or is alone (BILOU order).</summary>
    internal ushort[] GazB = [], GazI = [], GazL = [], GazU = [];
    internal uint[] RuleClasses = [];
    internal bool[] Covered = [];

    /// <summary>Whether word <paramref name="i"/> is written with a capital (the featurizer's flag).</summary>
    internal bool IsCap(int i) => (Flags[i] & NerFeaturizer.FCap) != 0;

    /// <summary>
    /// A key for the words [first, first + count) as written: the passes after the model use it to
    /// find a name's other mentions in the article ("Idai" after "Cyclone Idai").
    /// </summary>
    internal ulong NameKey(int first, int count)
    {
        var key = 0x51ED27UL;
        for (var k = first; k < first + count; k++) key = FeatureHash.Mix(key, Exact[k]);
        return key;
    }

    /// <summary>
    /// <see cref="Covered"/> with every word inside a span found so far set and the rest cleared,
    /// up to <paramref name="n"/> words (default: the end of the document's last range). The passes
    /// after the model each ask it afresh, since each may have added spans.
    /// </summary>
    internal bool[] MarkCovered(int n = -1)
    {
        if (n < 0) { n = 0; foreach (var r in Ranges) n = Math.Max(n, r.End); }
        Array.Clear(Covered, 0, n);
        foreach (var sp in Spans) for (var k = sp.First; k < sp.End; k++) Covered[k] = true;
        return Covered;
    }
    internal int[] Owner = [];
    /// <summary>First-stage labels of the document's words, and their document-level summary (stacking).</summary>
    internal int[] Prior = [];
    internal byte[] PriorDoc = [];
    internal readonly Dictionary<ulong, int> PriorIndex = new();
    internal int[] PriorCounts = [];
    internal readonly Dictionary<ulong, byte> DocWords = new();
    internal readonly Dictionary<ulong, int> Names = new();
    internal readonly List<NerSpan> Spans = new();
    /// <summary>Spans a pass adds after it has finished reading <see cref="Spans"/> (NerBoundaryRepair).</summary>
    internal readonly List<NerSpan> Pending = new();
    internal readonly List<(int Start, int End)> Ranges = new();

    // Per sentence.
    internal int[] Rows = [];
    internal int[] RowCounts = [];
    internal float[] Scores = [];
    internal float[] Viterbi = [];
    internal int[] Back = [];
    internal int[] Labels = [];

    internal void EnsureDocument(int tokens)
    {
        if (Lower.Length >= tokens) return;
        var n = Math.Max(tokens, Math.Max(256, Lower.Length * 2));
        Lower = new ulong[n]; Exact = new ulong[n]; Shape = new ulong[n]; ShortShape = new ulong[n];
        Suffix2 = new ulong[n]; Suffix3 = new ulong[n]; Suffix4 = new ulong[n]; Prefix3 = new ulong[n]; Pos = new ulong[n];
        Flags = new byte[n]; DocFlags = new byte[n]; RunPos = new byte[n]; RunLen = new byte[n]; LexBand = new byte[n];
        GazB = new ushort[n]; GazI = new ushort[n]; GazL = new ushort[n]; GazU = new ushort[n];
        RuleClasses = new uint[n]; Covered = new bool[n]; Owner = new int[n]; Prior = new int[n]; PriorDoc = new byte[n];
    }

    internal void EnsureSentence(int tokens, int labels)
    {
        if (RowCounts.Length < tokens)
        {
            var n = Math.Max(tokens, Math.Max(128, RowCounts.Length * 2));
            Rows = new int[n * NerFeaturizer.MaxFeatures];
            RowCounts = new int[n];
            Labels = new int[n];
        }
        var cells = Math.Max(tokens, RowCounts.Length) * labels;
        if (Scores.Length < cells)
        {
            Scores = new float[cells];
            Viterbi = new float[cells];
            Back = new int[cells];
        }
    }
}
