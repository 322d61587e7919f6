using System.Collections.Frozen;

namespace Wirescope.Language.Ner;

/// <summary>
/// How common a word is in lower case in unlabelled text: band 0 (never or rarely), 1
/// (seen a few times), 2 (common). Built at training time from the training data and any
/// extra unlabelled CoNLL-U (--lexicon), stored in the model as word hashes, so nothing but
/// the model is needed at run time.
/// </summary>
public sealed class NerLexicon
{
    /// <summary>Lower-case occurrences for band 1 and band 2.</summary>
    public const int FewCount = 2, CommonCount = 10;

    private readonly FrozenDictionary<ulong, byte> _bands;

    private NerLexicon(Dictionary<ulong, byte> bands) => _bands = bands.ToFrozenDictionary();

    public static readonly NerLexicon Empty = new(new Dictionary<ulong, byte>());

    public int Count => _bands.Count;

    public ulong Band(ulong lowerHash) => _bands.TryGetValue(lowerHash, out var b) ? b : 0UL;

    /// <summary>Counts words written all in lower case (letters only) and keeps those seen at least <see cref="FewCount"/> times.</summary>
    public static NerLexicon Build(IEnumerable<IEnumerable<string>> sentences)
    {
        var counts = new Dictionary<ulong, int>();
        foreach (var sentence in sentences)
            foreach (var w in sentence)
            {
                if (w.Length == 0 || !w.All(char.IsLower)) continue;
                var h = FeatureHash.Lower(w);
                counts[h] = counts.GetValueOrDefault(h) + 1;
            }
        var bands = new Dictionary<ulong, byte>();
        foreach (var (h, c) in counts)
            if (c >= FewCount) bands[h] = c >= CommonCount ? (byte)2 : (byte)1;
        return new NerLexicon(bands);
    }

    internal void Save(BinaryWriter w)
    {
        var entries = _bands.OrderBy(e => e.Key).ToArray();
        w.Write(entries.Length);
        foreach (var (h, b) in entries) { w.Write(h); w.Write(b); }
    }

    internal static NerLexicon Load(BinaryReader r)
    {
        var n = r.ReadInt32();
        if (n < 0 || n > 10_000_000) throw new InvalidDataException("NER lexicon size out of range");
        var bands = new Dictionary<ulong, byte>(n);
        for (var i = 0; i < n; i++) bands[r.ReadUInt64()] = r.ReadByte();
        return new NerLexicon(bands);
    }
}
