using System.Buffers;

namespace Wirescope.Extraction.Html;

/// <summary>
/// What the pre-scan kept, removed or found before the one DOM parse. The kept markup lives in a
/// pooled buffer (a news page's markup is a large-object-heap string otherwise): parse from
/// <see cref="Markup"/> and dispose of the result once the parsed document is no longer used.
/// </summary>
public sealed class PrescanResult : IDisposable
{
    private char[]? _buffer;
    private readonly int _length;

    internal PrescanResult(char[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>The kept markup; valid until <see cref="Dispose"/>.</summary>
    public ReadOnlyMemory<char> Markup => _buffer is { } b ? b.AsMemory(0, _length) : throw new ObjectDisposedException(nameof(PrescanResult));

    /// <summary>The kept markup as a new string.</summary>
    public string Html => Markup.ToString();
    /// <summary>Bodies of <c>&lt;script type="application/ld+json"&gt;</c> blocks, in page order.</summary>
    public List<string> JsonLd { get; } = new();
    /// <summary>Start tags dropped because they nested deeper than the cap.</summary>
    public int DroppedDeepTags { get; set; }

    public void Dispose()
    {
        if (_buffer is { } b) ArrayPool<char>.Shared.Return(b);
        _buffer = null;
    }
}

/// <summary>
/// One linear pass over the markup before AngleSharp sees it: cuts scripts, styles, SVG,
/// noscript, templates, iframes and comments (often half a news page's bytes, none of it
/// text), keeps JSON-LD aside for the metadata, and drops start tags nested deeper than
/// <c>maxDepth</c> so that a hostile 100,000-deep page parses in linear time (an HTML tree
/// builder walks its open-element stack per tag) and no later walk meets that depth.
/// </summary>
public static class HtmlPrescan
{
    private static readonly string[] RawTextCut = ["script", "style", "svg", "noscript", "template", "iframe", "math"];

    /// <summary>Elements with no end tag, or whose end tag is optional: they never add depth here.</summary>
    private static readonly HashSet<string> NoDepth = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup",
        "rb", "rt", "rtc", "rp", "html", "head", "body", "keygen", "basefont", "bgsound", "frame",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NoDepthLookup = NoDepth.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The only attributes anything after the parse reads (the walk, the metadata rules). The rest
    /// (srcset, data-*, on*, aria-*, inline handlers) is often a third of a page's markup, and the
    /// parser would build an attribute object for each one.
    /// </summary>
    private static readonly HashSet<string> KeptAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "class", "id", "itemprop", "role", "style", "href", "hidden", "content", "value", "property", "name",
        "http-equiv", "rel", "lang", "xml:lang", "datetime", "pubdate", "title",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KeptLookup = KeptAttributes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Levels kept below the walker's cap: implied elements (html, body, tbody, p) add a few the scan does not count.</summary>
    public const int DepthMargin = 32;

    public static PrescanResult Run(string html, int maxDepth, CancellationToken ct)
    {
        maxDepth = Math.Max(8, maxDepth - DepthMargin);
        char[] buffer = ArrayPool<char>.Shared.Rent(Math.Max(16, html.Length));
        bool handedOver = false;
        int len = 0, depth = 0, excess = 0, dropped = 0;
        var jsonLd = new List<string>();
        int pos = 0, n = html.Length, steps = 0;
        try
        {
            while (pos < n)
            {
                if ((++steps & 0xFFF) == 0) ct.ThrowIfCancellationRequested();
                int lt = html.IndexOf('<', pos);
                if (lt < 0) lt = n;
                Copy(html, pos, lt - pos, buffer, ref len);
                pos = lt;
                if (pos >= n) break;
                // Comments.
                if (string.CompareOrdinal(html, pos, "<!--", 0, 4) == 0)
                {
                    int end = html.IndexOf("-->", pos + 4, StringComparison.Ordinal);
                    pos = end < 0 ? n : end + 3;
                    continue;
                }
                int nameStart = pos + 1;
                bool closing = nameStart < n && html[nameStart] == '/';
                if (closing) nameStart++;
                int nameEnd = nameStart;
                while (nameEnd < n && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_')) nameEnd++;
                if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
                {
                    // "<" that opens no tag ("a < b", "<!doctype", "<?xml"): keep it as is.
                    buffer[len++] = '<';
                    pos++;
                    continue;
                }
                int tagEnd = EndOfTag(html, nameEnd);
                var name = html.AsSpan(nameStart, nameEnd - nameStart);
                if (!closing && IsRawTextCut(name, out var cutName))
                {
                    if (cutName == "script" && IsJsonLd(html.AsSpan(nameEnd, tagEnd - nameEnd)))
                    {
                        int close = IndexOfEndTag(html, tagEnd, "script");
                        jsonLd.Add(html.Substring(tagEnd, (close < 0 ? n : close) - tagEnd));
                    }
                    int closeAt = IndexOfEndTag(html, tagEnd, cutName);
                    pos = closeAt < 0 ? n : EndOfTag(html, closeAt + 2);
                    continue;
                }
                bool counts = !NoDepthLookup.Contains(name);
                if (counts)
                {
                    if (!closing)
                    {
                        bool selfClosing = tagEnd >= 2 && html[tagEnd - 2] == '/';
                        if (!selfClosing)
                        {
                            if (depth >= maxDepth)
                            {
                                excess++;
                                dropped++;
                                pos = tagEnd;
                                continue;
                            }
                            depth++;
                        }
                    }
                    else if (excess > 0)
                    {
                        excess--;
                        pos = tagEnd;
                        continue;
                    }
                    else if (depth > 0) depth--;
                }
                if (closing || !CopyStartTag(html, pos, nameEnd, tagEnd, buffer, ref len))
                    Copy(html, pos, tagEnd - pos, buffer, ref len);
                pos = tagEnd;
            }
            var result = new PrescanResult(buffer, len) { DroppedDeepTags = dropped };
            result.JsonLd.AddRange(jsonLd);
            handedOver = true;
            return result;
        }
        finally
        {
            if (!handedOver) ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static void Copy(string s, int start, int count, char[] buffer, ref int len)
    {
        if (count <= 0) return;
        s.CopyTo(start, buffer, len, count);
        len += count;
    }

    /// <summary>
    /// Copies a start tag with only its <see cref="KeptAttributes"/>. False (nothing written) when
    /// the attributes do not read cleanly up to the tag's end, so the caller copies the tag as is.
    /// </summary>
    private static bool CopyStartTag(string s, int start, int nameEnd, int tagEnd, char[] buffer, ref int len)
    {
        if (tagEnd - nameEnd <= 1) return false;
        int last = s[tagEnd - 1] == '>' ? tagEnd - 1 : tagEnd;
        int mark = len;
        Copy(s, start, nameEnd - start, buffer, ref len);
        int i = nameEnd;
        bool slash = false;
        while (true)
        {
            for (; i < last && (char.IsWhiteSpace(s[i]) || s[i] == '/'); i++) slash = s[i] == '/';
            if (i >= last) break;
            slash = false;
            int an = i;
            while (i < last && !char.IsWhiteSpace(s[i]) && s[i] is not ('=' or '/' or '"' or '\'')) i++;
            if (i == an) { len = mark; return false; }
            int ae = i;
            int j = i;
            while (j < last && char.IsWhiteSpace(s[j])) j++;
            int end = ae;
            if (j < last && s[j] == '=')
            {
                j++;
                while (j < last && char.IsWhiteSpace(s[j])) j++;
                if (j < last && s[j] is '"' or '\'')
                {
                    int close = s.IndexOf(s[j], j + 1, last - j - 1);
                    if (close < 0) { len = mark; return false; }
                    j = close + 1;
                }
                else
                {
                    while (j < last && !char.IsWhiteSpace(s[j])) j++;
                }
                end = j;
                i = j;
            }
            if (KeptLookup.Contains(s.AsSpan(an, ae - an)))
            {
                buffer[len++] = ' ';
                Copy(s, an, end - an, buffer, ref len);
            }
        }
        if (slash)
        {
            // The space keeps the slash out of an unquoted value kept last ("class=x /").
            buffer[len++] = ' ';
            buffer[len++] = '/';
        }
        if (last == tagEnd - 1) buffer[len++] = '>';
        return true;
    }

    /// <summary>Index just past the '&gt;' that ends the tag, skipping quoted attribute values.</summary>
    private static int EndOfTag(string s, int from)
    {
        char quote = '\0';
        for (int i = from; i < s.Length; i++)
        {
            char c = s[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else if (c == '<' && i + 1 < s.Length && s[i + 1] == '/') quote = '\0'; // unbalanced quote: give up at the next end tag
            }
            else if (c == '"' || c == '\'')
            {
                if (i > from && s[i - 1] == '=' || i > from + 1 && s[i - 1] == ' ' && s[i - 2] == '=') quote = c;
            }
            else if (c == '>') return i + 1;
        }
        return s.Length;
    }

    private static int IndexOfEndTag(string s, int from, string name)
    {
        int i = from;
        while (true)
        {
            i = s.IndexOf("</", i, StringComparison.Ordinal);
            if (i < 0) return -1;
            if (i + 2 + name.Length <= s.Length && string.Compare(s, i + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                int after = i + 2 + name.Length;
                if (after >= s.Length || !char.IsAsciiLetterOrDigit(s[after])) return i;
            }
            i += 2;
        }
    }

    private static bool IsRawTextCut(ReadOnlySpan<char> name, out string cut)
    {
        foreach (var r in RawTextCut)
        {
            if (name.Equals(r, StringComparison.OrdinalIgnoreCase))
            {
                cut = r;
                return true;
            }
        }
        cut = "";
        return false;
    }

    private static bool IsJsonLd(ReadOnlySpan<char> attributes) =>
        attributes.Contains("ld+json", StringComparison.OrdinalIgnoreCase);
}
