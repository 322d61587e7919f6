namespace Wirescope.Extraction.Decoding;

/// <summary>
/// Tells binary data (an image, a PDF, a zip saved as .html) from text before any decoding, so
/// it becomes <c>input.binary</c> instead of a page of mojibake.
/// </summary>
public static class BinarySniffer
{
    /// <summary>Bytes inspected: enough for a verdict, cheap on a 50 MB page.</summary>
    public const int SampleBytes = 8192;

    /// <summary>Share of control bytes (not tab, CR, LF, FF, ESC) above which a sample is binary. Text pages have ~0.</summary>
    public const double MaxControlRatio = 0.05;

    private static readonly byte[][] Magic =
    [
        "%PDF"u8.ToArray(), [0x89, (byte)'P', (byte)'N', (byte)'G'], "GIF8"u8.ToArray(), [0xFF, 0xD8, 0xFF],
        [(byte)'P', (byte)'K', 3, 4], [0x1F, 0x8B], "RIFF"u8.ToArray(), [0x7F, (byte)'E', (byte)'L', (byte)'F'],
        [(byte)'B', (byte)'Z', (byte)'h'], [0x28, 0xB5, 0x2F, 0xFD], [0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z'],
    ];

    /// <summary>True when <paramref name="bytes"/> look like binary data; <paramref name="why"/> says why.</summary>
    public static bool IsBinary(ReadOnlySpan<byte> bytes, out string why)
    {
        foreach (var m in Magic)
        {
            if (bytes.StartsWith(m))
            {
                why = "starts with the signature of a binary format";
                return true;
            }
        }
        var sample = bytes[..Math.Min(bytes.Length, SampleBytes)];
        if (LooksUtf16(sample, out _))
        {
            why = "";
            return false;
        }
        int control = 0, nul = 0;
        foreach (var b in sample)
        {
            if (b == 0) nul++;
            else if (b < 0x20 && b is not (9 or 10 or 12 or 13 or 27)) control++;
        }
        if (nul > 0)
        {
            why = $"{nul} NUL bytes in the first {sample.Length} bytes";
            return true;
        }
        if (sample.Length > 0 && control > sample.Length * MaxControlRatio)
        {
            why = $"{control} control bytes in the first {sample.Length} bytes";
            return true;
        }
        why = "";
        return false;
    }

    /// <summary>UTF-16 without a BOM: ASCII text with a NUL in every other byte.</summary>
    public static bool LooksUtf16(ReadOnlySpan<byte> sample, out bool bigEndian)
    {
        bigEndian = false;
        if (sample.Length < 16) return false;
        int evenNul = 0, oddNul = 0, pairs = sample.Length / 2;
        for (int i = 0; i + 1 < sample.Length; i += 2)
        {
            if (sample[i] == 0) evenNul++;
            if (sample[i + 1] == 0) oddNul++;
        }
        if (oddNul > pairs * 0.7 && evenNul < pairs * 0.05) return true;
        if (evenNul > pairs * 0.7 && oddNul < pairs * 0.05)
        {
            bigEndian = true;
            return true;
        }
        return false;
    }
}
