using System.Text;
using System.Text.RegularExpressions;
using Wirescope.Documents;
using Wirescope.Pipeline;

namespace Wirescope.Extraction.Decoding;

/// <summary>
/// Bytes → text. Order: a BOM (certain), then the transport's charset, then the page's own
/// <c>&lt;meta charset&gt;</c>/http-equiv, each checked against the bytes; then a byte-level
/// verdict (valid UTF-8, else windows-1252, the WHATWG reading of latin-1). A declaration the
/// bytes contradict is overruled and leaves a warning: news sites often copy a template's
/// <c>gb2312</c> or <c>iso-8859-1</c> while serving UTF-8.
/// </summary>
public static partial class CharsetDecoder
{
    /// <summary>Bytes searched for a meta charset (the HTML spec's prescan reads 1024; sites put it later).</summary>
    public const int MetaScanBytes = 4096;

    public const string WarnMismatch = "decode.charset_mismatch";
    public const string WarnInvalidUtf8 = "decode.invalid_utf8";
    public const string WarnUnknownCharset = "decode.unknown_charset";

    static CharsetDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly Encoding Utf8Strict = new UTF8Encoding(false, false);
    private static Encoding Cp1252 => Encoding.GetEncoding(1252);

    /// <summary>Decodes <paramref name="bytes"/>; throws <see cref="StageException"/> for empty or binary input.</summary>
    public static DecodedPage Decode(ReadOnlySpan<byte> bytes, string? transportCharset, Document? doc)
    {
        if (IsBlank(bytes)) throw new StageException(ErrorCodes.InputEmpty, "the page is empty");
        if (bytes.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
            return Utf8WithCheck(bytes[3..], "bom", doc);
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE })) return new(Encoding.Unicode.GetString(bytes[2..]), "utf-16le", "bom");
        if (bytes.StartsWith(new byte[] { 0xFE, 0xFF })) return new(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be", "bom");
        if (BinarySniffer.IsBinary(bytes, out var why)) throw new StageException(ErrorCodes.InputBinary, $"binary data, not a page: {why}");
        if (BinarySniffer.LooksUtf16(bytes[..Math.Min(bytes.Length, BinarySniffer.SampleBytes)], out var be))
            return new((be ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(bytes), be ? "utf-16be" : "utf-16le", "bytes");

        bool validUtf8 = System.Text.Unicode.Utf8.IsValid(bytes);
        bool ascii = validUtf8 && System.Text.Ascii.IsValid(bytes);
        foreach (var (declared, basis) in Declarations(bytes, transportCharset))
        {
            var enc = Lookup(declared);
            if (enc is null)
            {
                doc?.Warn(WarnUnknownCharset, $"unknown charset '{declared}' declared by {basis}; ignored");
                continue;
            }
            if (ascii) return new(Encoding.ASCII.GetString(bytes), "us-ascii", basis);
            if (enc.CodePage == Encoding.UTF8.CodePage)
            {
                if (validUtf8) return new(Utf8Strict.GetString(bytes), "utf-8", basis);
                return Utf8WithCheck(bytes, basis, doc);
            }
            if (validUtf8)
            {
                // Valid UTF-8 with non-ASCII bytes is almost never a legacy encoding by chance.
                doc?.Warn(WarnMismatch, $"{basis} declares '{declared}' but the bytes are valid UTF-8; decoded as UTF-8");
                return new(Utf8Strict.GetString(bytes), "utf-8", "bytes");
            }
            return new(enc.GetString(bytes), enc.WebName, basis);
        }
        if (validUtf8) return new(Utf8Strict.GetString(bytes), ascii ? "us-ascii" : "utf-8", "bytes");
        return Utf8WithCheck(bytes, "bytes", doc);
    }

    /// <summary>
    /// Bytes said (or guessed) to be UTF-8 that are not all valid: mostly-UTF-8 with a few broken
    /// sequences (a truncated download) stays UTF-8 with U+FFFD; otherwise it is windows-1252.
    /// </summary>
    private static DecodedPage Utf8WithCheck(ReadOnlySpan<byte> bytes, string basis, Document? doc)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return new(Utf8Strict.GetString(bytes), "utf-8", basis);
        CountUtf8(bytes, out int good, out int bad);
        if (good > bad * 4)
        {
            doc?.Warn(WarnInvalidUtf8, $"{bad} invalid UTF-8 sequences replaced with U+FFFD");
            return new(Utf8Strict.GetString(bytes), "utf-8", basis);
        }
        if (basis != "bytes") doc?.Warn(WarnMismatch, $"{basis} declares UTF-8 but the bytes are not UTF-8; decoded as windows-1252");
        return new(Cp1252.GetString(bytes), "windows-1252", "bytes");
    }

    /// <summary>Counts valid multi-byte sequences and invalid ones.</summary>
    internal static void CountUtf8(ReadOnlySpan<byte> bytes, out int good, out int bad)
    {
        good = bad = 0;
        int i = 0;
        while (i < bytes.Length)
        {
            int ascii = System.Text.Ascii.IsValid(bytes[i..]) ? bytes.Length - i : IndexOfNonAscii(bytes[i..]);
            i += ascii;
            if (i >= bytes.Length) break;
            var status = System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out int used);
            if (status == System.Buffers.OperationStatus.Done) good++;
            else bad++;
            i += Math.Max(1, used);
        }
    }

    private static int IndexOfNonAscii(ReadOnlySpan<byte> s)
    {
        int i = s.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
        return i < 0 ? s.Length : i;
    }

    private static IEnumerable<(string Name, string Basis)> Declarations(ReadOnlySpan<byte> bytes, string? transport)
    {
        var list = new List<(string, string)>(2);
        if (!string.IsNullOrWhiteSpace(transport)) list.Add((transport.Trim().Trim('"', '\''), "transport"));
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, MetaScanBytes)]);
        var m = MetaCharset().Match(head);
        if (m.Success) list.Add((m.Groups[1].Value, "meta"));
        else
        {
            var x = XmlDeclaration().Match(head);
            if (x.Success) list.Add((x.Groups[1].Value, "xml"));
        }
        return list;
    }

    /// <summary>An encoding for a declared label, WHATWG-style: latin-1 and ascii mean windows-1252, gb2312 means GB18030.</summary>
    public static Encoding? Lookup(string label)
    {
        var l = label.Trim().ToLowerInvariant();
        l = l switch
        {
            "utf8" or "unicode-1-1-utf-8" or "x-unicode20utf8" => "utf-8",
            "iso-8859-1" or "iso8859-1" or "latin1" or "latin-1" or "l1" or "us-ascii" or "ascii" or "cp1252" or "windows1252" => "windows-1252",
            "gb2312" or "gbk" or "x-gbk" or "gb_2312-80" or "chinese" => "gb18030",
            "shift-jis" or "sjis" or "x-sjis" => "shift_jis",
            _ => l,
        };
        try
        {
            return Encoding.GetEncoding(l);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) if (b is not (0x20 or 9 or 10 or 13 or 12)) return false;
        return true;
    }

    [GeneratedRegex(@"<meta\b[^>]*?charset\s*=\s*[""']?\s*([A-Za-z0-9_:.\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"^\s*<\?xml[^>]*encoding\s*=\s*[""']([A-Za-z0-9_.\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex XmlDeclaration();
}
