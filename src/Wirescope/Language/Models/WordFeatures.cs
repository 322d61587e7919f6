namespace Wirescope.Language.Models;

/// <summary>
/// Per-word hashes shared by the tagger and the parser, computed once per sentence into
/// flat arrays (a reusable workspace: no allocation per token once it has grown).
/// Index 0 .. n-1 are the words; out-of-range positions read the sentinel hashes.
/// </summary>
public sealed class WordFeatures
{
    public const ulong Boundary = 0x5151_5151_5151_5151UL;

    public int Count { get; private set; }
    public ulong[] Lower = new ulong[64];
    public ulong[] Exact = new ulong[64];
    public ulong[] Shape = new ulong[64];
    public ulong[] Suffix1 = new ulong[64];
    public ulong[] Suffix2 = new ulong[64];
    public ulong[] Suffix3 = new ulong[64];
    public ulong[] Suffix4 = new ulong[64];
    public ulong[] Prefix1 = new ulong[64];
    public ulong[] Prefix3 = new ulong[64];

    /// <summary>Fills the arrays for the words text[starts[i]..ends[i]].</summary>
    public void Fill(string text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends)
    {
        int n = starts.Length;
        Grow(n);
        Count = n;
        for (int i = 0; i < n; i++)
        {
            var w = text.AsSpan(starts[i], ends[i] - starts[i]);
            Lower[i] = FeatureHash.Lower(w);
            Exact[i] = FeatureHash.Exact(w);
            Shape[i] = ShapeHash(w);
            Suffix1[i] = Affix(w, 1, true, 11);
            Suffix2[i] = Affix(w, 2, true, 12);
            Suffix3[i] = Affix(w, 3, true, 13);
            Suffix4[i] = Affix(w, 4, true, 14);
            Prefix1[i] = Affix(w, 1, false, 21);
            Prefix3[i] = Affix(w, 3, false, 23);
        }
    }

    /// <summary>Makes this the words of <paramref name="src"/> in reverse order (a right-to-left tagger's input).</summary>
    public void MirrorOf(WordFeatures src)
    {
        int n = src.Count;
        Grow(n);
        Count = n;
        Copy(src.Lower, Lower, n); Copy(src.Exact, Exact, n); Copy(src.Shape, Shape, n);
        Copy(src.Suffix1, Suffix1, n); Copy(src.Suffix2, Suffix2, n); Copy(src.Suffix3, Suffix3, n);
        Copy(src.Suffix4, Suffix4, n); Copy(src.Prefix1, Prefix1, n); Copy(src.Prefix3, Prefix3, n);

        static void Copy(ulong[] from, ulong[] to, int n)
        {
            from.AsSpan(0, n).CopyTo(to);
            to.AsSpan(0, n).Reverse();
        }
    }

    private void Grow(int n)
    {
        if (n <= Lower.Length) return;
        int size = Math.Max(n, Lower.Length * 2);
        Array.Resize(ref Lower, size); Array.Resize(ref Exact, size); Array.Resize(ref Shape, size);
        Array.Resize(ref Suffix1, size); Array.Resize(ref Suffix2, size); Array.Resize(ref Suffix3, size);
        Array.Resize(ref Suffix4, size); Array.Resize(ref Prefix1, size); Array.Resize(ref Prefix3, size);
    }

    public ulong LowerAt(int i) => (uint)i < (uint)Count ? Lower[i] : Boundary;
    public ulong ShapeAt(int i) => (uint)i < (uint)Count ? Shape[i] : Boundary;
    public ulong Suffix3At(int i) => (uint)i < (uint)Count ? Suffix3[i] : Boundary;

    /// <summary>Affix of up to <paramref name="k"/> chars, lower-cased; words shorter than k give the whole word.</summary>
    private static ulong Affix(ReadOnlySpan<char> w, int k, bool suffix, ulong salt)
    {
        var part = w.Length <= k ? w : suffix ? w[^k..] : w[..k];
        return FeatureHash.Combine(salt, FeatureHash.Lower(part));
    }

    /// <summary>
    /// Word shape as in spaCy: X for upper, x for lower, d for digit, other chars as they are,
    /// runs longer than four collapsed ("Xxxxx" for any capitalised word of five+ letters).
    /// Hashed on the fly, so no string is built.
    /// </summary>
    private static ulong ShapeHash(ReadOnlySpan<char> w)
    {
        ulong h = 0x1234_5678_9ABC_DEF0UL;
        char last = '\0';
        int run = 0;
        int len = Math.Min(w.Length, 40);
        for (int i = 0; i < len; i++)
        {
            char c = w[i];
            char s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'x' : c;
            if (s == last) { run++; if (run >= 4) continue; }
            else { last = s; run = 0; }
            h = (h ^ s) * 0x100000001B3UL;
        }
        return FeatureHash.Finish(h);
    }
}
