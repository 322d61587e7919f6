namespace Wirescope.Language.Ner;

/// <summary>
/// Stable 64-bit hashes for feature strings. string.GetHashCode is salted per process, and a
/// saved model must map the same feature to the same weight row in every process, so the
/// NER uses FNV-1a over UTF-16 code units plus a SplitMix64 finaliser to combine parts.
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>Hash of the characters as they are.</summary>
    public static ulong Exact(ReadOnlySpan<char> s)
    {
        var h = Offset;
        foreach (var c in s) { h ^= c; h *= Prime; }
        return Finish(h);
    }

    /// <summary>Hash of the characters lower-cased (invariant), without allocating.</summary>
    public static ulong Lower(ReadOnlySpan<char> s)
    {
        var h = Offset;
        foreach (var c in s) { h ^= char.ToLowerInvariant(c); h *= Prime; }
        return Finish(h);
    }

    /// <summary>Combines two hashes (order matters).</summary>
    public static ulong Mix(ulong a, ulong b) => Finish(a * 0x9E3779B97F4A7C15UL + b + 0x632BE59BD9B4E019UL);

    /// <summary>Combines three hashes.</summary>
    public static ulong Mix(ulong a, ulong b, ulong c) => Mix(Mix(a, b), c);

    private static ulong Finish(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
