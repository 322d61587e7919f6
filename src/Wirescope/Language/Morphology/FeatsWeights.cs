using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Wirescope.Language.Morphology;

/// <summary>
/// The feature predictor's frozen weights, as rows: each feature that training kept has a
/// short row of (FEATS class, 16-bit weight) pairs, only for the classes it was updated with
/// (3.4 on average, against 156 classes). Scoring a word is one table probe per feature and a
/// look at a few adjacent pairs, whatever the number of candidates: the table (a quarter of a
/// MB) and the pairs stay in cache. Measured on GUM dev against one probe per (feature,
/// candidate) pair: the whole FEATS step 6 instead of about 10 ms a pass. Feature keys keep the top 40 bits of the
/// 64-bit hash (as the parser's compact keys); sorted, they are written as small gaps.
/// </summary>
internal sealed class FeatsWeights
{
    private const int Shift = 24;
    private const int MaxRows = 1 << Shift;
    /// <summary>Slot = 40-bit feature key (never 0) in the top bits, its row index in the bottom 24.</summary>
    private readonly ulong[] _slots;
    private readonly int _mask;
    /// <summary>Row r is _pairs[_rowStart[r] .. _rowStart[r + 1]]; a pair is class &lt;&lt; 16 | (ushort)weight.</summary>
    private readonly int[] _rowStart;
    private readonly uint[] _pairs;

    public int Count => _pairs.Length;
    public int Rows => _rowStart.Length - 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ShortKey(ulong feature) => (feature >> Shift) | 1UL;

    /// <summary>
    /// Weights of (feature hash, class) triples, in any order; features that share their top 40
    /// bits (about one pair per model) share a row, their weights added.
    /// </summary>
    public FeatsWeights(IEnumerable<(ulong Feature, int Class, short Weight)> weights, bool shortened = false)
    {
        var rows = new SortedDictionary<ulong, SortedDictionary<int, int>>();
        foreach (var (f, c, v) in weights)
        {
            if ((uint)c > ushort.MaxValue) throw new InvalidDataException($"FEATS class {c} out of range");
            ulong k = shortened ? f : ShortKey(f);
            if (!rows.TryGetValue(k, out var row)) rows[k] = row = new SortedDictionary<int, int>();
            row[c] = row.GetValueOrDefault(c) + v;
        }
        if (rows.Count >= MaxRows) throw new InvalidDataException($"{rows.Count} weight rows");
        int capacity = 16;
        while (capacity < rows.Count * 2) capacity <<= 1;
        _slots = new ulong[capacity];
        _mask = capacity - 1;
        _rowStart = new int[rows.Count + 1];
        var pairs = new List<uint>();
        int r = 0;
        foreach (var (k, row) in rows)
        {
            int slot = (int)(k & (ulong)_mask);
            while (_slots[slot] != 0) slot = (slot + 1) & _mask;
            _slots[slot] = k << Shift | (uint)r;
            foreach (var (c, v) in row)
            {
                short w = (short)Math.Clamp(v, short.MinValue, short.MaxValue);
                if (w != 0) pairs.Add((uint)c << 16 | (ushort)w);
            }
            _rowStart[++r] = pairs.Count;
        }
        _pairs = pairs.ToArray();
    }

    /// <summary>Asks for a feature's slot ahead of <see cref="AddRow"/> (one word's probes then overlap their cache misses).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(ulong shortKey)
    {
        if (!Sse.IsSupported) return;
        fixed (ulong* slots = _slots) Sse.Prefetch0(slots + (int)(shortKey & (ulong)_mask));
    }

    /// <summary>A row longer than this is searched per candidate (binary), a shorter one scanned.</summary>
    private const int ScanLength = 8;

    /// <summary>
    /// Adds the feature's weights for the <paramref name="candidates"/> into <paramref name="scores"/>
    /// (same positions). Rows are sorted by class: the long rows of common features (a tag, a
    /// relation: weights for dozens of classes) cost a few comparisons per candidate.
    /// </summary>
    public void AddRow(ulong shortKey, ReadOnlySpan<int> candidates, Span<long> scores)
    {
        var slots = _slots;
        int slot = (int)(shortKey & (ulong)_mask);
        while (true)
        {
            ulong s = slots[slot];
            if (s == 0) return;
            if (s >> Shift == shortKey)
            {
                int r = (int)(s & (MaxRows - 1));
                var row = _pairs.AsSpan(_rowStart[r], _rowStart[r + 1] - _rowStart[r]);
                if (row.Length <= ScanLength)
                {
                    foreach (var p in row)
                    {
                        int c = (int)(p >> 16);
                        for (int k = 0; k < candidates.Length; k++)
                            if (candidates[k] == c) { scores[k] += (short)(ushort)p; break; }
                    }
                    return;
                }
                for (int k = 0; k < candidates.Length; k++)
                {
                    uint c = (uint)candidates[k];
                    int lo = 0, hi = row.Length - 1;
                    while (lo <= hi)
                    {
                        int mid = (lo + hi) >> 1;
                        uint at = row[mid] >> 16;
                        if (at == c) { scores[k] += (short)(ushort)row[mid]; break; }
                        if (at < c) lo = mid + 1; else hi = mid - 1;
                    }
                }
                return;
            }
            slot = (slot + 1) & _mask;
        }
    }

    public void Save(BinaryWriter w)
    {
        var rows = new List<(ulong Key, int Row)>(Rows);
        foreach (var s in _slots) if (s != 0) rows.Add((s >> Shift, (int)(s & (MaxRows - 1))));
        rows.Sort((a, b) => a.Key.CompareTo(b.Key));
        w.Write(rows.Count);
        ulong prev = 0;
        foreach (var (k, _) in rows) { w.Write7BitEncodedInt64((long)(k - prev)); prev = k; }
        foreach (var (_, r) in rows) w.Write7BitEncodedInt(_rowStart[r + 1] - _rowStart[r]);
        foreach (var (_, r) in rows)
            for (int p = _rowStart[r]; p < _rowStart[r + 1]; p++) w.Write7BitEncodedInt((int)(_pairs[p] >> 16));
        foreach (var (_, r) in rows)
            for (int p = _rowStart[r]; p < _rowStart[r + 1]; p++) w.Write((short)(ushort)_pairs[p]);
    }

    public static FeatsWeights Load(BinaryReader r, int classes)
    {
        int n = r.ReadInt32();
        if (n < 0 || n >= MaxRows) throw new InvalidDataException($"{n} weight rows");
        var keys = new ulong[n];
        ulong prev = 0;
        for (int i = 0; i < n; i++)
        {
            keys[i] = prev += (ulong)r.Read7BitEncodedInt64();
            if (keys[i] == 0 || keys[i] >> (64 - Shift) != 0) throw new InvalidDataException("malformed weight key");
        }
        var lengths = new int[n];
        for (int i = 0; i < n; i++)
        {
            lengths[i] = r.Read7BitEncodedInt();
            if ((uint)lengths[i] > (uint)classes) throw new InvalidDataException("malformed weight row");
        }
        var cls = new int[lengths.Sum()];
        for (int i = 0; i < cls.Length; i++)
            if ((uint)(cls[i] = r.Read7BitEncodedInt()) >= (uint)classes) throw new InvalidDataException("weight of an unknown class");
        var triples = new List<(ulong, int, short)>(cls.Length);
        for (int i = 0, p = 0; i < n; i++)
            for (int k = 0; k < lengths[i]; k++, p++) triples.Add((keys[i], cls[p], r.ReadInt16()));
        return new FeatsWeights(triples, shortened: true);
    }
}
