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
    public static string ContentHash(string text, Action<ReadOnlySpan<char>>? alsoOnWord)
    {
        var bytes = Encoding.UTF8.GetBytes(Normalize(text, alsoOnWord));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
