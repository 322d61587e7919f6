using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Wirescope.Documents;

namespace Wirescope.Language.Tokenization;

/// <summary>
/// UD-style English tokenizer for news: one left-to-right scan, each token a (start, end)
/// span of the text. Splits as UD EWT/GUM do: clitics ("do|n't", "Merkel|'s", "ca|n't"),
/// hyphens ("long|-|term"), currency signs and percent signs; keeps URLs, e-mail addresses,
/// handles, hashtags, numbers with separators ("1,000.50", "10:30"), abbreviations from
/// the table and dotted initialisms ("U.S.", "a.m.") whole. Every branch advances, so the
/// scan is linear in the text length whatever the input (no backtracking).
/// </summary>
public sealed class Tokenizer(TokenizerTables tables)
{
    public static Tokenizer Default { get; } = new(TokenizerTables.Default);

    /// <summary>Domain endings that keep "Amazon.com" one token.</summary>
    private static readonly string[] DomainEndings = ["com", "org", "net", "gov", "edu", "io", "co", "uk", "int"];

    /// <summary>Receives tokens as they are found.</summary>
    public interface ISink
    {
        void Add(int start, int end);
    }

    /// <summary>Tokenizes text[from..to) into <paramref name="tokens"/>.</summary>
    public void Tokenize(string text, int from, int to, TokenTable tokens) => Tokenize(text, from, to, new TableSink(text, tokens));

    /// <summary>The token spans of a whole string (tests, tools).</summary>
    public List<(int Start, int End)> Spans(string text)
    {
        var sink = new ListSink();
        Tokenize(text, 0, text.Length, sink);
        return sink.Items;
    }

    public void Tokenize<TSink>(string text, int from, int to, TSink sink) where TSink : ISink
    {
        int i = from;
        while (i < to)
        {
            if (IsSpace(text[i])) { i++; continue; }
            int next = ScanAt(text, i, to, sink);
            i = next > i ? next : i + 1;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u200B' or '\uFEFF' or '\u2060';

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    /// <summary>Length of the word character at i (letter, digit, mark, underscore; surrogate pairs count as 2), or 0.</summary>
    private static int WordChar(string text, int i, int to)
    {
        char c = text[i];
        if (c < 128) return char.IsAsciiLetterOrDigit(c) || c == '_' ? 1 : 0;
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 < to && Rune.TryCreate(c, text[i + 1], out var r) && Rune.IsLetterOrDigit(r)) return 2;
            return 0;
        }
        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.LetterNumber ? 1 : 0;
    }

    private int ScanAt<TSink>(string text, int i, int to, TSink sink) where TSink : ISink
    {
        char c = text[i];
        bool wordBefore = i > 0 && WordChar(text, i - 1, to) > 0;
        if (!wordBefore && (c is 'h' or 'H' or 'w' or 'W' or 'f' or 'F') && TryUrl(text, i, to, out var urlEnd)) { sink.Add(i, urlEnd); return urlEnd; }
        if (char.IsAsciiLetterOrDigit(c) && !wordBefore && TryEmail(text, i, to, out var mailEnd)) { sink.Add(i, mailEnd); return mailEnd; }
        if ((c == '@' || c == '#') && !wordBefore && i + 1 < to && WordChar(text, i + 1, to) > 0)
        {
            int e = i + 1;
            while (e < to && WordChar(text, e, to) is var w && w > 0) e += w;
            sink.Add(i, e);
            return e;
        }
        if (char.IsDigit(c)) return ScanNumber(text, i, to, sink);
        if (WordChar(text, i, to) > 0) return ScanWord(text, i, to, sink);
        return ScanPunct(text, i, to, sink);
    }

    private static bool TryUrl(string text, int i, int to, out int end)
    {
        end = i;
        var rest = text.AsSpan(i, to - i);
        if (!(rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
              || rest.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase)))
            return false;
        int e = i;
        bool paren = false;
        while (e < to && !IsSpace(text[e]) && text[e] is not ('"' or '“' or '”' or '«' or '»' or '<' or '>')) { paren |= text[e] == '('; e++; }
        // Sentence punctuation after a link is not part of it.
        while (e > i + 4 && (text[e - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '’' or ']' or '}' || (text[e - 1] == ')' && !paren))) e--;
        if (e - i <= 7) return false;
        end = e;
        return true;
    }

    private static bool TryEmail(string text, int i, int to, out int end)
    {
        end = i;
        int e = i;
        while (e < to && e - i < 64 && (char.IsAsciiLetterOrDigit(text[e]) || text[e] is '.' or '_' or '%' or '+' or '-')) e++;
        if (e >= to || text[e] != '@' || e == i) return false;
        int d = e + 1, lastDot = -1;
        while (d < to && (char.IsAsciiLetterOrDigit(text[d]) || text[d] is '-' or '.'))
        {
            if (text[d] == '.') lastDot = d;
            d++;
        }
        while (d > e + 1 && text[d - 1] is '.' or '-') d--;
        if (lastDot < 0 || lastDot >= d - 1 || lastDot <= e + 1) return false;
        end = d;
        return true;
    }

    private int ScanNumber<TSink>(string text, int i, int to, TSink sink) where TSink : ISink
    {
        int e = i;
        while (e < to)
        {
            if (char.IsDigit(text[e])) { e++; continue; }
            // Separators only between digits: "1,000.50", "10:30", "1/2", "3.5".
            if (text[e] is ',' or '.' or ':' or '/' && e + 1 < to && char.IsDigit(text[e + 1]) && char.IsDigit(text[e - 1])) { e++; continue; }
            break;
        }
        // "21st", "1990s", "3D", "5pm": digits running into letters are one word.
        if (e < to && WordChar(text, e, to) > 0) return ScanWord(text, i, to, sink, e);
        sink.Add(i, e);
        return e;
    }

    private int ScanWord<TSink>(string text, int i, int to, TSink sink, int startScan = -1) where TSink : ISink
    {
        int e = startScan < 0 ? i : startScan;
        int clitic = -1; // start of an apostrophe clitic that follows the word
        while (e < to)
        {
            int w = WordChar(text, e, to);
            if (w > 0) { e += w; continue; }
            char c = text[e];
            if (IsApostrophe(c) && e + 1 < to && WordChar(text, e + 1, to) > 0)
            {
                int cl = CliticLength(text, e, to);
                if (cl > 0) { clitic = e; break; }
                if ((text[e - 1] is 'n' or 'N') && (text[e + 1] is 't' or 'T') && (e + 2 >= to || WordChar(text, e + 2, to) == 0))
                {
                    clitic = e - 1; // n't
                    break;
                }
                e++; // O'Neill, rock'n'roll
                continue;
            }
            // "AT&T", "S&P": an ampersand between capitals.
            if (c == '&' && e + 1 < to && char.IsUpper(text[e - 1]) && char.IsUpper(text[e + 1])) { e++; continue; }
            // A decimal or thousands separator between digits inside a word, as ScanNumber keeps
            // it: currency codes glued to amounts ("N2.5", "Sh3.1bn", "RM1,200") and versions
            // ("v2.1") are one token, not a word and a sentence-ending period.
            if (c is '.' or ',' && e + 1 < to && char.IsAsciiDigit(text[e - 1]) && char.IsAsciiDigit(text[e + 1])) { e++; continue; }
            break;
        }
        if (clitic >= 0)
        {
            if (clitic > i) EmitWord(text, i, clitic, sink);
            int ce = clitic;
            if (text[ce] is 'n' or 'N') ce += 3;
            else ce += 1 + CliticLength(text, clitic, to);
            sink.Add(clitic, ce);
            return ce;
        }
        // Period after the word: abbreviation, initial, initialism or domain.
        if (e < to && text[e] == '.')
        {
            int len = e - i;
            int dotted = DottedEnd(text, i, e, to);
            if (dotted > e) { sink.Add(i, dotted); return dotted; }
            if (len <= 12 && tables.IsAbbreviation(text.AsSpan(i, len + 1), out _)) { sink.Add(i, e + 1); return e + 1; }
            if (len == 1 && char.IsUpper(text[i])) { sink.Add(i, e + 1); return e + 1; }
            foreach (var tld in DomainEndings)
            {
                int te = e + 1 + tld.Length;
                if (te <= to && text.AsSpan(e + 1, tld.Length).Equals(tld, StringComparison.OrdinalIgnoreCase) && (te == to || WordChar(text, te, to) == 0))
                {
                    sink.Add(i, te);
                    return te;
                }
            }
        }
        EmitWord(text, i, e, sink);
        return e;
    }

    /// <summary>Splits table contractions ("cannot" -> "can" "not"), else emits the word whole.</summary>
    private void EmitWord<TSink>(string text, int s, int e, TSink sink) where TSink : ISink
    {
        if (e - s <= 8 && e - s >= 4)
        {
            Span<char> lower = stackalloc char[e - s];
            text.AsSpan(s, e - s).ToLowerInvariant(lower);
            if (tables.ContractionLookup.TryGetValue(lower, out var parts))
            {
                int p = s;
                foreach (var len in parts) { sink.Add(p, p + len); p += len; }
                return;
            }
        }
        sink.Add(s, e);
    }

    /// <summary>Length after the apostrophe of 's 're 've 'll 'd 'm when it ends the word, else 0.</summary>
    private static int CliticLength(string text, int apos, int to)
    {
        int a = apos + 1, e = a;
        while (e < to && e - a < 3 && char.IsAsciiLetter(text[e])) e++;
        if (e < to && WordChar(text, e, to) > 0) return 0;
        var s = text.AsSpan(a, e - a);
        foreach (var c in (ReadOnlySpan<string>)["s", "re", "ve", "ll", "d", "m"])
            if (s.Equals(c, StringComparison.OrdinalIgnoreCase)) return s.Length;
        return 0;
    }

    /// <summary>"U.S.", "a.m.", "e.g.", "Ph.D.": short letter groups each followed by a period. Returns the end, or wordEnd if not one.</summary>
    private static int DottedEnd(string text, int start, int wordEnd, int to)
    {
        if (wordEnd - start > 2 || !IsLetters(text, start, wordEnd)) return wordEnd;
        int e = wordEnd, groups = 1;
        while (e < to && text[e] == '.')
        {
            int g = e + 1;
            while (g < to && g - (e + 1) < 3 && char.IsLetter(text[g])) g++;
            int gl = g - (e + 1);
            if (gl == 0 || gl > 2 || g >= to || text[g] != '.') break;
            e = g;
            groups++;
        }
        return groups >= 2 ? e + 1 : wordEnd;
    }

    private static bool IsLetters(string text, int s, int e)
    {
        for (int k = s; k < e; k++) if (!char.IsLetter(text[k])) return false;
        return true;
    }

    private static int ScanPunct<TSink>(string text, int i, int to, TSink sink) where TSink : ISink
    {
        char c = text[i];
        int e = i + 1;
        switch (c)
        {
            case '.':
                while (e < to && text[e] == '.') e++;
                break;
            case '-' or '‐' or '‑' or '‒' or '–' or '—' or '―' or '?' or '!' or '*' or '=' or '_' or '~':
                // Runs are one token: "--", "?!", "!!!", "***", "===".
                while (e < to && (text[e] == c || (c is '?' or '!' && text[e] is '?' or '!'))) e++;
                break;
            case '`':
                if (e < to && text[e] == '`') e++;
                break;
            case '\'':
                if (e < to && text[e] == '\'') e++;
                break;
            default:
                if (char.IsHighSurrogate(c) && e < to && char.IsLowSurrogate(text[e])) e++;
                // Emoji sequences: variation selectors, skin tones and joiners stay with their base.
                while (e < to)
                {
                    char d = text[e];
                    if (d is '\uFE0F' or '\uFE0E' || CharUnicodeInfo.GetUnicodeCategory(d) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) { e++; continue; }
                    if (d == '\u200D' && e + 1 < to) { e += char.IsHighSurrogate(text[e + 1]) && e + 2 < to ? 3 : 2; continue; }
                    if (char.IsHighSurrogate(d) && e + 1 < to && text[e + 1] is >= '\uDFFB' and <= '\uDFFF' && d == '\uD83C') { e += 2; continue; }
                    break;
                }
                break;
        }
        e = Math.Min(e, to);
        sink.Add(i, e);
        return e;
    }

    private readonly struct TableSink(string text, TokenTable tokens) : ISink
    {
        public void Add(int start, int end) => tokens.Add(new Token
        {
            Start = start, End = end, Head = -1,
            SpaceAfter = end >= text.Length || IsSpace(text[end]),
        });
    }

    private sealed class ListSink : ISink
    {
        public List<(int, int)> Items { get; } = new();
        public void Add(int start, int end) => Items.Add((start, end));
    }
}
