namespace Wirescope.Language.Parsing.Neural;

/// <summary>
/// Row ids of an embedding table, keyed by the 64-bit feature hashes the tagger and parser
/// already compute (lower-cased word, tag, suffix, shape): a sorted key array searched by
/// halving, so a look-up allocates nothing. Id 0 is the unknown item, 1 the root token.
/// </summary>
internal sealed class HashVocab
{
    public const int Unknown = 0, Root = 1, Reserved = 2;

    private readonly ulong[] _keys;

    public HashVocab(ulong[] sortedKeys) => _keys = sortedKeys;

    /// <summary>Rows of the table: the reserved ones and one per key.</summary>
    public int Size => _keys.Length + Reserved;

    public ReadOnlySpan<ulong> Keys => _keys;

    public int Id(ulong key)
    {
        int i = Array.BinarySearch(_keys, key);
        return i >= 0 ? i + Reserved : Unknown;
    }

    /// <summary>The keys seen at least <paramref name="minCount"/> times.</summary>
    public static HashVocab Build(IEnumerable<ulong> keys, int minCount)
    {
        var counts = new Dictionary<ulong, int>();
        foreach (var k in keys) counts[k] = counts.GetValueOrDefault(k) + 1;
        var kept = counts.Where(kv => kv.Value >= minCount).Select(kv => kv.Key).ToArray();
        Array.Sort(kept);
        return new HashVocab(kept);
    }

    public void Write(BinaryWriter w)
    {
        w.Write(_keys.Length);
        foreach (var k in _keys) w.Write(k);
    }

    public static HashVocab Read(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n < 0 || n > 10_000_000) throw new InvalidDataException($"vocabulary of {n} keys");
        var keys = new ulong[n];
        for (int i = 0; i < n; i++) keys[i] = r.ReadUInt64();
        for (int i = 1; i < n; i++) if (keys[i] <= keys[i - 1]) throw new InvalidDataException("vocabulary keys out of order");
        return new HashVocab(keys);
    }
}
