using System.Runtime.CompilerServices;
using Wirescope.Language.Models;

namespace Wirescope.Language.Morphology;

/// <summary>
/// The feature predictor's frozen weights: one 16-bit weight per (feature, FEATS class) pair
/// that training kept, in an open-addressing table. Each class is scored on its own key, so a
/// word costs one look-up per feature and candidate (two to six candidates), not a row of all
/// few hundred classes. Keys keep the top 40 bits of the 64-bit hash (as the parser's compact
/// keys): sorted, they are written as small gaps.
/// </summary>
internal sealed class FeatsWeights
{
    private const int Shift = 24;
    private readonly ulong[] _keys;
    private readonly short[] _values;
    private readonly int _mask;

    public int Count { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Key(ulong feature, int cls) => FeatureHash.Combine(feature, (ulong)cls);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Short(ulong key) => (key >> Shift) | 1UL;

    /// <summary>Full 64-bit keys (or already shortened ones) and their weights.</summary>
    public FeatsWeights(IReadOnlyList<ulong> keys, IReadOnlyList<short> values, bool shortened = false)
    {
        Count = keys.Count;
        int capacity = 16;
        while (capacity < Count * 2) capacity <<= 1;
        _keys = new ulong[capacity];
        _values = new short[capacity];
        _mask = capacity - 1;
        for (int r = 0; r < Count; r++)
        {
            ulong k = shortened ? keys[r] : Short(keys[r]);
            int slot = (int)(k & (ulong)_mask);
            while (_keys[slot] != 0 && _keys[slot] != k) slot = (slot + 1) & _mask;
            _keys[slot] = k;
            _values[slot] = (short)Math.Clamp(_values[slot] + values[r], short.MinValue, short.MaxValue);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Get(ulong key)
    {
        key = Short(key);
        int slot = (int)(key & (ulong)_mask);
        while (true)
        {
            ulong k = _keys[slot];
            if (k == key) return _values[slot];
            if (k == 0) return 0;
            slot = (slot + 1) & _mask;
        }
    }

    public void Save(BinaryWriter w)
    {
        var rows = new List<(ulong Key, short Value)>(Count);
        for (int s = 0; s < _keys.Length; s++) if (_keys[s] != 0) rows.Add((_keys[s], _values[s]));
        rows.Sort((a, b) => a.Key.CompareTo(b.Key));
        w.Write(rows.Count);
        ulong prev = 0;
        foreach (var (k, _) in rows) { w.Write7BitEncodedInt64((long)(k - prev)); prev = k; }
        foreach (var (_, v) in rows) w.Write(v);
    }

    public static FeatsWeights Load(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n < 0) throw new InvalidDataException($"{n} weights");
        var keys = new ulong[n];
        var values = new short[n];
        ulong prev = 0;
        for (int i = 0; i < n; i++) keys[i] = prev += (ulong)r.Read7BitEncodedInt64();
        for (int i = 0; i < n; i++) values[i] = r.ReadInt16();
        return new FeatsWeights(keys, values, shortened: true);
    }
}
