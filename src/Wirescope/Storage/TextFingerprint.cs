using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace Wirescope.Storage;

/// <summary>
/// Normalized text for identity: letters and digits only, lower-cased (invariant), one space
/// between words, after Unicode compatibility folding. Two copies of an article that differ
/// only in quote marks, dashes, spacing or case get the same content hash.
/// </summary>
public static class TextFingerprint
{
    /// <summary>Calls <paramref name="onWord"/> for each normalized word, without allocating per word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per stored article, from the first: see MinHasher.Signature
    public static void ForEachWord(string text, Action<ReadOnlySpan<char>> onWord)
    {
        string folded;
        try
        {
            folded = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            folded = text; // lone surrogates (broken entities in the page) cannot be normalized: hash as is
        }
        Span<char> buffer = stackalloc char[64];
        int n = 0;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (n < buffer.Length) buffer[n++] = char.ToLowerInvariant(c);
                // longer "words" (base64 blobs, URLs) are cut at 64 characters, not split
            }
            else if (n > 0)
            {
                onWord(buffer[..n]);
                n = 0;
            }
        }
        if (n > 0) onWord(buffer[..n]);
    }

    /// <summary>The normalized text as one string (words joined by single spaces).</summary>
    public static string Normalize(string text) => Normalize(text, null);

    /// <summary>The same, also handing each word to <paramref name="alsoOnWord"/> (one normalization pass for the hash and the MinHash).</summary>
    private static string Normalize(string text, Action<ReadOnlySpan<char>>? alsoOnWord)
    {
        var sb = new StringBuilder(text.Length);
        ForEachWord(text, w =>
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(w);
            alsoOnWord?.Invoke(w);
        });
        return sb.ToString();
    }

    /// <summary>Lower-case hex SHA-256 of the normalized text.</summary>
    public static string ContentHash(string text) => ContentHash(text, null);

    /// <summary>The content hash; each normalized word also goes to <paramref name="alsoOnWord"/>.</summary>
    /// <remarks>The same bytes as hashing UTF-8 of <see cref="Normalize(string)"/>, but the words are
    /// encoded straight into one pooled buffer: no joined string, no StringBuilder, no second copy
    /// (this runs once per stored article).</remarks>
    public static string ContentHash(string text, Action<ReadOnlySpan<char>>? alsoOnWord)
    {
        // Normalized text never grows past NFKC's output; NFKC can expand a character (ligatures,
        // compatibility forms), so size the buffer for the worst case and grow if ever needed.
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(256, text.Length * 3 + 4));
        int length = 0;
        try
        {
            ForEachWord(text, w =>
            {
                int need = length + 1 + Encoding.UTF8.GetMaxByteCount(w.Length);
                if (need > buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(need * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                if (length > 0) buffer[length++] = (byte)' ';
                length += Encoding.UTF8.GetBytes(w, buffer.AsSpan(length));
                alsoOnWord?.Invoke(w);
            });
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
