using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
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
    /// <summary>Slot = 40-bit key (never 0) in the top bits, the 16-bit weight in the bottom ones: one read per look-up.</summary>
    private readonly ulong[] _slots;
    private readonly int _mask;

    public int Count { get; }

    /// <summary>
    /// The key of a (feature, class) pair: the feature hash is already well mixed, so a
    /// per-class constant XORed in spreads the pairs as well as a full rehash, for one multiply.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Key(ulong feature, int cls) => feature ^ ((ulong)(cls + 1) * 0x9E3779B97F4A7C15UL);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Short(ulong key) => (key >> Shift) | 1UL;

    /// <summary>Full 64-bit keys (or already shortened ones) and their weights; two keys that share 40 bits add up.</summary>
    public FeatsWeights(IReadOnlyList<ulong> keys, IReadOnlyList<short> values, bool shortened = false)
    {
        int capacity = 16;
        while (capacity < keys.Count * 2) capacity <<= 1;
        _slots = new ulong[capacity];
        _mask = capacity - 1;
        for (int r = 0; r < keys.Count; r++)
        {
            ulong k = shortened ? keys[r] : Short(keys[r]);
            int slot = (int)(k & (ulong)_mask);
            while (_slots[slot] != 0 && _slots[slot] >> Shift != k) slot = (slot + 1) & _mask;
            int sum = _slots[slot] == 0 ? values[r] : (short)(ushort)_slots[slot] + values[r];
            if (_slots[slot] == 0) Count++;
            _slots[slot] = k << Shift | (ushort)(short)Math.Clamp(sum, short.MinValue, short.MaxValue);
        }
    }

    /// <summary>The 40-bit table key of a full key (what <see cref="GetShort"/> takes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ShortKey(ulong key) => Short(key);

    /// <summary>Asks for the home slot of a short key ahead of <see cref="GetShort"/> (the look-ups of one word then overlap their cache misses).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(ulong shortKey)
    {
        if (!Sse.IsSupported) return;
        fixed (ulong* slots = _slots) Sse.Prefetch0(slots + (int)(shortKey & (ulong)_mask));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Get(ulong key) => GetShort(Short(key));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetShort(ulong key)
    {
        var slots = _slots;
        int slot = (int)(key & (ulong)_mask);
        while (true)
        {
            ulong s = slots[slot];
            if (s >> Shift == key) return (short)(ushort)s;
            if (s == 0) return 0;
            slot = (slot + 1) & _mask;
        }
    }

    public void Save(BinaryWriter w)
    {
        var rows = new List<(ulong Key, short Value)>(Count);
        foreach (var s in _slots) if (s != 0) rows.Add((s >> Shift, (short)(ushort)s));
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
        for (int i = 0; i < n; i++)
        {
            keys[i] = prev += (ulong)r.Read7BitEncodedInt64();
            if (keys[i] == 0 || keys[i] >> (64 - Shift) != 0) throw new InvalidDataException("malformed weight key");
        }
        for (int i = 0; i < n; i++) values[i] = r.ReadInt16();
        return new FeatsWeights(keys, values, shortened: true);
    }
}
