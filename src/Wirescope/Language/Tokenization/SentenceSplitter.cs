using Wirescope.Documents;

namespace Wirescope.Language.Tokenization;

/// <summary>
/// Splits a run of tokens (one paragraph: paragraphs are hard boundaries) into sentences.
/// A sentence ends after . ! ? … (plus any closing quotes and brackets) unless the next
/// token continues it (lower case, comma: "“Why?” he asked."); after an abbreviation only
/// when the abbreviation may end a sentence and a sentence starter follows ("in the U.S.
/// The ..."). A line break ends a sentence before a list item and after a title-case line
/// without final punctuation (headlines, bylines).
/// </summary>
public sealed class SentenceSplitter(TokenizerTables tables)
{
    public static SentenceSplitter Default { get; } = new(TokenizerTables.Default);

    /// <summary>Cap: a sentence longer than this is cut (parsing cost is per sentence; 1 MB of "a a a" must not make one).</summary>
    public const int MaxSentenceTokens = 300;

    /// <summary>Appends the sentences of tokens [first, end) to <paramref name="output"/>.</summary>
    public void Split(string text, TokenTable tokens, int first, int end, List<Sentence> output)
    {
        int start = first, i = first;
        while (i < end)
        {
            if (i + 1 - start >= MaxSentenceTokens) { Add(tokens, start, i + 1, output); start = ++i; continue; }
            if (i + 1 < end && EndsAfter(text, tokens, i, end, out var last)) { Add(tokens, start, last + 1, output); start = i = last + 1; continue; }
            i++;
        }
        if (start < end) Add(tokens, start, end, output);
    }

    private static void Add(TokenTable tokens, int first, int endToken, List<Sentence> output)
    {
        if (endToken <= first) return;
        output.Add(new Sentence(tokens[first].Start, tokens[endToken - 1].End, first, endToken - first));
    }

    /// <summary>Does a sentence end after token i (or after the closing marks that follow it, returned in last)?</summary>
    private bool EndsAfter(string text, TokenTable tokens, int i, int end, out int last)
    {
        last = i;
        var t = Span(text, tokens, i);
        if (i + 1 < end && LineBreakBetween(text, tokens[i].End, tokens[i + 1].Start) && BreaksLine(text, tokens, i, end)) return true;
        bool terminal = IsTerminal(t);
        bool abbreviation = !terminal && t.Length > 1 && t[^1] == '.' && char.IsLetter(t[0]);
        if (!terminal && !abbreviation) return false;
        // Closing quotes and brackets belong to the sentence they close.
        int j = i;
        while (j + 1 < end && IsCloser(text, tokens, j + 1)) j++;
        last = j;
        if (j + 1 >= end) return true;
        var next = Span(text, tokens, j + 1);
        if (abbreviation)
        {
            bool mayEnd = !tables.IsAbbreviation(t, out var ends) || ends;
            if (t.Length == 2 && char.IsUpper(t[0]) && !tables.IsAbbreviation(t, out _)) mayEnd = true; // an initial: rarely final, but "Plan B. The ..."
            return mayEnd && j > i ? StartsSentence(next) : mayEnd && tables.StarterLookup.Contains(next) && char.IsUpper(next[0]);
        }
        return StartsSentence(next);
    }

    private static ReadOnlySpan<char> Span(string text, TokenTable tokens, int i) => text.AsSpan(tokens[i].Start, tokens[i].End - tokens[i].Start);

    private static bool IsTerminal(ReadOnlySpan<char> t) =>
        t.Length > 0 && (t[0] is '.' or '!' or '?' or '…' or '‼' or '⁇' or '⁈' or '⁉' or '。' or '！' or '？');

    private static bool IsCloser(string text, TokenTable tokens, int i)
    {
        var t = Span(text, tokens, i);
        if (t.Length != 1 && !(t.Length == 2 && t[0] == '\'' && t[1] == '\'')) return false;
        char c = t[0];
        if (c is '”' or '’' or '»' or '›' or ')' or ']' or '}' or '」' or '』') return true;
        // Straight quotes close when glued to what precedes them.
        return c is '"' or '\'' && i > 0 && tokens[i - 1].End == tokens[i].Start;
    }

    /// <summary>Could this token open a sentence: not lower case, not a continuing mark.</summary>
    private static bool StartsSentence(ReadOnlySpan<char> next)
    {
        char c = next[0];
        if (char.IsLower(c)) return false;
        return c is not (',' or ';' or ':' or ')' or ']' or '}' or '%' or '-' or '–' or '—' or '”' or '’' or '.' or '!' or '?' or '…');
    }

    private static bool LineBreakBetween(string text, int a, int b)
    {
        for (int k = a; k < b; k++) if (text[k] == '\n') return true;
        return false;
    }

    /// <summary>A line break ends the sentence before a list item or after a title-case line (headline, byline).</summary>
    private static bool BreaksLine(string text, TokenTable tokens, int i, int end)
    {
        var next = Span(text, tokens, i + 1);
        if (next.Length == 1 && next[0] is '•' or '-' or '*' or '·' or '▪' or '–' or '—' or '►') return true;
        if (i + 2 < end && next.Length <= 2 && char.IsDigit(next[0]) && Span(text, tokens, i + 2) is [ '.' or ')' ]) return true;
        // Walk back to the line start and test whether the line reads as a title.
        int lineStart = i;
        while (lineStart > 0 && !LineBreakBetween(text, tokens[lineStart - 1].End, tokens[lineStart].Start) && i - lineStart < 30) lineStart--;
        int words = 0, caps = 0;
        for (int k = lineStart; k <= i; k++)
        {
            var w = Span(text, tokens, k);
            if (!char.IsLetter(w[0])) continue;
            words++;
            if (char.IsUpper(w[0])) caps++;
        }
        var lastTok = Span(text, tokens, i);
        bool endsOpen = lastTok[^1] is ',' or ';' or ':' or '-' || char.IsLower(lastTok[0]) && words > 3 && caps * 2 < words;
        return words > 0 && !endsOpen && caps * 10 >= words * 6;
    }
}
