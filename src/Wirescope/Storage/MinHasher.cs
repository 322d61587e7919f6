using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Wirescope.Storage;

/// <summary>
/// MinHash signatures over word shingles with LSH banding, for grouping syndicated copies of a
/// story. Seeds are fixed, so signatures (and the stories built from them) are the same on
/// every run and machine. With <see cref="Bands"/> x <see cref="Rows"/> = 32 x 4, two texts
/// become candidates with probability 1 - (1 - J^4)^32: 50% at Jaccard 0.42, 96% at 0.6, under
/// 1% below 0.2; candidates are then kept only when the estimated Jaccard is at least
/// <see cref="SameStoryThreshold"/>.
/// </summary>
public sealed class MinHasher
{
    /// <summary>Words per shingle: 5 keeps common phrases ("said on Thursday that the") from
    /// linking unrelated stories while a wire copy with a new headline still shares most shingles.</summary>
    public const int ShingleWords = 5;
    public const int Bands = 32;
    public const int Rows = 4;
    public const int Size = Bands * Rows;

    /// <summary>Estimated Jaccard over shingles from which two articles count as one story.
    /// Syndicated copies with trimmed endings and new headlines score 0.6–0.95 on our made-up
    /// test copies; different articles on the same event stay under 0.2.</summary>
    public const double SameStoryThreshold = 0.5;

    private static readonly ulong[] Seeds = MakeSeeds(0x5745_5343_4f50_4531UL);        // "WESCOPE1"
    private static readonly ulong[] Multipliers = MakeSeeds(0x5745_5343_4f50_4532UL, odd: true);

    public static MinHasher Shared { get; } = new();

    /// <summary>The signature of <paramref name="text"/>; null when it has no words.</summary>
    public uint[]? Signature(string text)
    {
        var words = new List<ulong>(256);
        TextFingerprint.ForEachWord(text, w => words.Add(WordHash(w)));
        return Signature(words);
    }

    /// <summary>The hash of one normalized word (<see cref="TextFingerprint.ForEachWord"/>), as <see cref="Signature(List{ulong})"/> takes them.</summary>
    public static ulong WordHash(ReadOnlySpan<char> word) => Fnv1a(word);

    /// <summary>The signature of a text given as its words' <see cref="WordHash"/>es; null when there are none.</summary>
    // Fully optimized from the first call: an ingest runs these loops ~800 times per article
    // from the first page on, and tier-0 vector code is many times slower than tier 1 while the
    // runtime waits for analysis code to stop JIT-ing before promoting it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public uint[]? Signature(List<ulong> words)
    {
        if (words.Count == 0) return null;
        // Minima kept as ulongs (each value is under 2^32) so that the positions go four or
        // eight at a time in vector registers; the same numbers as one position at a time.
        Span<ulong> min = stackalloc ulong[Size];
        min.Fill(uint.MaxValue);
        int k = Math.Min(ShingleWords, words.Count);
        for (int i = 0; i + k <= words.Count; i++)
        {
            ulong shingle = 0xcbf29ce484222325UL;
            for (int j = 0; j < k; j++) shingle = Mix(shingle ^ words[i + j]);
            // Multiply-shift hashing, one (odd multiplier, addend) pair per position: a universal
            // family, and one multiply-add per position instead of a full mix (3x faster).
            MinInto(min, shingle);
        }
        var sig = new uint[Size];
        for (int s = 0; s < Size; s++) sig[s] = (uint)min[s];
        return sig;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MinInto(Span<ulong> min, ulong shingle)
    {
        ReadOnlySpan<ulong> mul = Multipliers, add = Seeds;
        int s = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var x = Vector256.Create(shingle);
            ref ulong m = ref MemoryMarshal.GetReference(min);
            for (; s + Vector256<ulong>.Count <= Size; s += Vector256<ulong>.Count)
            {
                var h = Vector256.ShiftRightLogical(Vector256.LoadUnsafe(in mul[s]) * x + Vector256.LoadUnsafe(in add[s]), 32);
                Vector256.Min(Vector256.LoadUnsafe(ref m, (nuint)s), h).StoreUnsafe(ref m, (nuint)s);
            }
        }
        for (; s < Size; s++)
        {
            var h = (mul[s] * shingle + add[s]) >> 32;
            if (h < min[s]) min[s] = h;
        }
    }

    /// <summary>One key per band (the band index is mixed in, so keys of different bands never meet).</summary>
    public static long[] BandKeys(uint[] signature)
    {
        var keys = new long[Bands];
        for (int b = 0; b < Bands; b++)
        {
            ulong h = Mix((ulong)b + 0x9e3779b97f4a7c15UL);
            for (int r = 0; r < Rows; r++) h = Mix(h ^ signature[b * Rows + r]);
            keys[b] = (long)h;
        }
        return keys;
    }

    /// <summary>The fraction of equal positions: an unbiased estimate of the shingle Jaccard.</summary>
    public static double Similarity(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.Length != b.Length || a.Length == 0) return 0;
        int same = 0;
        for (int i = 0; i < a.Length; i++) if (a[i] == b[i]) same++;
        return (double)same / a.Length;
    }

    public static byte[] ToBytes(uint[] signature)
    {
        var bytes = new byte[signature.Length * 4];
        for (int i = 0; i < signature.Length; i++) System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), signature[i]);
        return bytes;
    }

    public static uint[] FromBytes(ReadOnlySpan<byte> bytes)
    {
        var sig = new uint[bytes.Length / 4];
        for (int i = 0; i < sig.Length; i++) sig[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * 4)..]);
        return sig;
    }

    private static ulong Fnv1a(ReadOnlySpan<char> word)
    {
        ulong h = 0xcbf29ce484222325UL;
        foreach (var c in word)
        {
            h ^= c;
            h *= 0x100000001b3UL;
        }
        return h;
    }

    /// <summary>SplitMix64's finalizer: a fast, well-mixed 64-bit hash step.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return z ^ (z >> 31);
    }

    private static ulong[] MakeSeeds(ulong start, bool odd = false)
    {
        // Fixed seed sequences (SplitMix64 from a constant): never change them, or stored
        // signatures stop matching new ones.
        var seeds = new ulong[Size];
        ulong state = start;
        for (int i = 0; i < Size; i++)
        {
            state += 0x9e3779b97f4a7c15UL;
            seeds[i] = Mix(state) | (odd ? 1UL : 0UL);
        }
        return seeds;
    }
}
