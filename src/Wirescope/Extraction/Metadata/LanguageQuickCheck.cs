using Wirescope.Tables;

namespace Wirescope.Extraction.Metadata;

/// <summary>
/// A cheap first opinion on a text's language: function-word counts (stopwords.tsv) for
/// languages written with spaces, the script for Chinese, Japanese, Korean, Arabic and Persian.
/// Lingua costs milliseconds per call; this costs microseconds, so Lingua is asked only when
/// this opinion and the page's declaration disagree or either is missing.
/// </summary>
public sealed class LanguageQuickCheck
{
    /// <summary>Words read from the text.</summary>
    public const int SampleWords = 120;
    /// <summary>Function-word hits the winner needs, and its lead over the runner-up.</summary>
    public const int MinHits = 6;
    public const double MinLead = 2.0;

    private readonly Dictionary<string, List<string>> _langsOfWord = new(StringComparer.Ordinal);

    private LanguageQuickCheck() { }

    public static LanguageQuickCheck Load(string resource = "extraction/stopwords.tsv")
    {
        var q = new LanguageQuickCheck();
        var seen = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var row in TsvTable.ReadResource(resource, 2, 2))
        {
            TsvTable.AddUnique(seen, row[0], true, row);
            foreach (var w in row[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!q._langsOfWord.TryGetValue(w, out var list)) q._langsOfWord[w] = list = new List<string>(1);
                if (!list.Contains(row[0])) list.Add(row[0]);
            }
        }
        return q;
    }

    /// <summary>
    /// The language the text clearly is, or null when the evidence is thin or mixed. A page's
    /// <paramref name="declared"/> language needs less: enough hits and no other language ahead
    /// of it (Spanish and Portuguese, German and Dutch share many function words, so a clear lead
    /// is too much to ask of a text that merely has to agree with its declaration).
    /// </summary>
    public string? Guess(string text, string? declared = null)
    {
        var script = ByScript(text);
        if (script is not null) return script;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int words = 0, i = 0;
        var lookup = _langsOfWord.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buf = stackalloc char[32];
        while (i < text.Length && words < SampleWords)
        {
            while (i < text.Length && !char.IsLetter(text[i])) i++;
            int start = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            int len = i - start;
            if (len == 0 || len > buf.Length) continue;
            words++;
            text.AsSpan(start, len).ToLowerInvariant(buf);
            if (lookup.TryGetValue(buf[..len], out var langs))
                foreach (var l in langs) counts[l] = counts.GetValueOrDefault(l) + 1;
        }
        string? best = null;
        int top = 0, second = 0;
        foreach (var (l, c) in counts)
        {
            if (c > top) { second = top; top = c; best = l; }
            else if (c > second) second = c;
        }
        if (declared is not null && counts.TryGetValue(declared, out int own) && own >= MinHits && own == top) return declared;
        return top >= MinHits && top >= second * MinLead ? best : null;
    }

    /// <summary>Scripts that name the language on their own (kana for Japanese before Han for Chinese).</summary>
    private static string? ByScript(string text)
    {
        int han = 0, kana = 0, hangul = 0, arabic = 0, letters = 0;
        int n = Math.Min(text.Length, 400);
        for (int i = 0; i < n; i++)
        {
            char c = text[i];
            if (!char.IsLetter(c)) continue;
            letters++;
            if (c is >= '\u3040' and <= '\u30FF') kana++;
            else if (c is >= '\u4E00' and <= '\u9FFF') han++;
            else if (c is >= '\uAC00' and <= '\uD7AF') hangul++;
            else if (c is >= '\u0600' and <= '\u06FF') arabic++;
        }
        if (letters < 20) return null;
        if (kana > letters / 10) return "ja";
        if (han > letters / 2) return "zh";
        if (hangul > letters / 2) return "ko";
        return null; // Arabic and Persian share the script: Lingua decides
    }
}
