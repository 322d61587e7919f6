using Wirescope.Extraction.Metadata;

namespace Wirescope.Extraction.Text;

/// <summary>
/// Classifies the lines of a page copied out of a browser: site chrome (site name, navigation,
/// "Last update: ...", logo alt text, share buttons), the headline, the byline, photo captions
/// with their credits, and body paragraphs. It reads structure and wording — line length,
/// end punctuation, capitalisation, position relative to the headline, and the cue tables —
/// not one site's layout.
/// </summary>
public sealed class TextPageClassifier(ExtractionTables tables)
{
    /// <summary>A body paragraph has at least this many words, or ends a sentence with at least <see cref="MinSentenceWords"/>.</summary>
    public const int MinBodyWords = 12;
    public const int MinSentenceWords = 5;
    /// <summary>A headline has this many words at most (news headlines run 5–20).</summary>
    public const int MaxHeadlineWords = 30;
    /// <summary>Lines searched for the headline before giving up on chrome.</summary>
    public const int HeadlineWindow = 40;

    private readonly AuthorNormalizer _authors = new(tables.AuthorRules);
    private readonly DateParser _dates = new(tables.DateWords);
    private readonly CaptionSplitter _captions = new(tables.LineCues);

    public LineKind[] Classify(IReadOnlyList<string> lines)
    {
        var kinds = new LineKind[lines.Count];
        int headline = FindHeadline(lines);
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (i == headline) kinds[i] = LineKind.Headline;
            else if (i < headline) kinds[i] = BeforeHeadline(line, i);
            else kinds[i] = AfterHeadline(lines, i, kinds);
        }
        // A credit line alone ("Photographer / Agency") makes the line before it a caption.
        for (int i = 1; i < lines.Count; i++)
            if (kinds[i] == LineKind.Credit && kinds[i - 1] is LineKind.Body or LineKind.Subheading) kinds[i - 1] = LineKind.Caption;
        return kinds;
    }

    private LineKind BeforeHeadline(string line, int index)
    {
        if (tables.LineCues.IsChrome(line)) return LineKind.Chrome;
        if (index == 0 && Words(line) <= 4 && !EndsSentence(line)) return LineKind.Site;
        return LineKind.Chrome;
    }

    private LineKind AfterHeadline(IReadOnlyList<string> lines, int i, LineKind[] kinds)
    {
        var line = lines[i];
        if (tables.LineCues.IsChrome(line)) return LineKind.Chrome;
        if (IsByline(line)) return LineKind.Byline;
        if (IsDateline(line)) return tables.DateWords.CueBefore(line.ToLowerInvariant(), line.Length) == DateCue.Chrome ? LineKind.Chrome : LineKind.Dateline;
        if (_captions.IsCredit(line.Trim())) return LineKind.Credit;
        var caption = _captions.Split(line);
        if (caption.Credit is not null && Words(line) < 80) return LineKind.Caption;
        if (tables.LineCues.StartsLikeCaption(line)) return LineKind.Caption;
        int words = Words(line);
        if (words >= MinBodyWords || (words >= MinSentenceWords && EndsSentence(line))) return LineKind.Body;
        // A short title-like line between body paragraphs is a subheading; elsewhere chrome.
        bool bodyBefore = i > 0 && Array.LastIndexOf(kinds, LineKind.Body, i - 1) >= 0;
        bool bodyAfter = i + 1 < lines.Count && Words(lines[i + 1]) >= MinBodyWords;
        if (words >= 2 && bodyBefore && bodyAfter && !EndsSentence(line) && line.TrimStart() is { Length: > 0 } l && char.IsUpper(l[0])) return LineKind.Subheading;
        return LineKind.Chrome;
    }

    /// <summary>The first title-like line followed soon by a byline, a date or a body paragraph.</summary>
    private int FindHeadline(IReadOnlyList<string> lines)
    {
        int limit = Math.Min(lines.Count, HeadlineWindow);
        int fallback = -1;
        for (int i = 0; i < limit; i++)
        {
            var line = lines[i];
            if (!TitleLike(line)) continue;
            fallback = fallback < 0 ? i : fallback;
            for (int j = i + 1; j < Math.Min(lines.Count, i + 5); j++)
            {
                var next = lines[j];
                if (IsByline(next) || IsDateline(next)) return i;
                if (Words(next) >= MinBodyWords && EndsSentence(next)) return i;
                if (!tables.LineCues.IsChrome(next) && !_captions.IsCredit(next.Trim()) && _captions.Split(next).Credit is null && !TitleLike(next)) break;
            }
        }
        return fallback;
    }

    private bool TitleLike(string line)
    {
        int words = Words(line);
        if (words < 3 || words > MaxHeadlineWords) return false;
        var t = line.Trim();
        if (tables.LineCues.IsChrome(t) || IsByline(t) || IsDateline(t)) return false;
        if (t.EndsWith('.') && !t.EndsWith("...", StringComparison.Ordinal)) return false;
        return char.IsUpper(t[0]) || char.IsDigit(t[0]) || t[0] is '"' or '“' or '\'';
    }

    /// <summary>"By NAME", "By NAME and NAME, Month D, YYYY": a prefix and then a name.</summary>
    public bool IsByline(string line)
    {
        var t = line.Trim();
        if (t.Length > 160) return false;
        foreach (var p in tables.AuthorRules.Prefixes)
        {
            if (t.Length > p.Length + 1 && t.StartsWith(p, StringComparison.OrdinalIgnoreCase) && (t[p.Length] == ' ' || !char.IsLetter(p[^1])))
            {
                var rest = t[p.Length..].TrimStart(' ', ':');
                return rest.Length > 0 && char.IsUpper(rest[0]) && _authors.Split(t).Count > 0;
            }
        }
        return false;
    }

    /// <summary>A short line that is mostly a date ("April 26, 2019", "Published 26.04.2019 10:05").</summary>
    public bool IsDateline(string line)
    {
        var t = line.Trim();
        if (t.Length > 80) return false;
        var found = _dates.FindAll(t, 1);
        return found.Count > 0 && Words(t) <= 10;
    }

    public static int Words(string line)
    {
        int n = 0;
        bool inWord = false;
        foreach (var c in line)
        {
            bool w = !char.IsWhiteSpace(c);
            if (w && !inWord) n++;
            inWord = w;
        }
        return n;
    }

    public static bool EndsSentence(string line)
    {
        var t = line.TrimEnd();
        if (t.Length == 0) return false;
        char c = t[^1];
        if (c is '"' or '”' or '’' or '\'' or ')' or '»') c = t.Length > 1 ? t[^2] : c;
        return c is '.' or '!' or '?' or '…' or '。' or ':';
    }
}
