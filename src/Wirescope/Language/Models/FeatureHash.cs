using System.Runtime.CompilerServices;

namespace Wirescope.Language.Models;

/// <summary>
/// Deterministic 64-bit hashing of words and feature templates. string.GetHashCode is
/// randomised per process, so models would not survive a restart; these mixes are fixed.
/// </summary>
public static class FeatureHash
{
    private const ulong Prime = 0x9E3779B97F4A7C15UL;

    /// <summary>Hash of a character span, folded to lower case (ordinal, invariant).</summary>
    public static ulong Lower(ReadOnlySpan<char> s)
    {
        ulong h = 0xCBF29CE484222325UL;
        foreach (var c0 in s)
        {
            char c = c0 < 128 ? (c0 >= 'A' && c0 <= 'Z' ? (char)(c0 + 32) : c0) : char.ToLowerInvariant(c0);
            h = (h ^ c) * 0x100000001B3UL;
        }
        return Finish(h);
    }

    /// <summary>Hash of a character span as it is (case kept).</summary>
    public static ulong Exact(ReadOnlySpan<char> s)
    {
        ulong h = 0x84222325CBF29CE4UL;
        foreach (var c in s) h = (h ^ c) * 0x100000001B3UL;
        return Finish(h);
    }

    /// <summary>Hash of a string label (tag and relation names in model files).</summary>
    public static ulong Of(string s) => Exact(s.AsSpan());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Finish(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong template, ulong a) => Finish(template * Prime + a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong template, ulong a, ulong b) => Finish((template * Prime + a) * Prime + b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong template, ulong a, ulong b, ulong c) => Finish(((template * Prime + a) * Prime + b) * Prime + c);
}
