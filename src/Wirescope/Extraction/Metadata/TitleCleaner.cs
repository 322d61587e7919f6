namespace Wirescope.Extraction.Metadata;

/// <summary>
/// A page title → the headline: "Kim meets Putin | World | Example Times" loses the site parts.
/// A part is a site part when it names the site (the declared site name, or the domain's main
/// label: "eHow" on ehow.com, "Firefox Nightly News" on nightly.mozilla.org), or when a pipe
/// separates a short tail (" | " almost always precedes a site or section name). A dash alone
/// is not enough: "This County Criminalized Students – Until Now" is one headline.
/// </summary>
public static class TitleCleaner
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " « ", " / ", " • ", " ‹ ", " › ", " _ ", "_", " : "];

    /// <summary>Words in a tail that a pipe may cut without other evidence.</summary>
    public const int MaxPipeTailWords = 4;

    /// <summary>The headline part of <paramref name="title"/>, and the removed site part, if any.</summary>
    public static (string Headline, string? Site) Clean(string title, string? siteName, string? domainLabel)
    {
        title = title.Trim();
        foreach (var sep in Separators)
        {
            if (!title.Contains(sep, StringComparison.Ordinal)) continue;
            var parts = title.Split(sep, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            if (parts.Count < 2) continue;
            string? removed = null;
            // Strip site parts from either end while the rest still reads as a headline.
            while (parts.Count > 1 && IsSite(parts[^1], siteName, domainLabel, sep, parts[0]))
            {
                removed ??= parts[^1];
                parts.RemoveAt(parts.Count - 1);
            }
            while (parts.Count > 1 && IsSite(parts[0], siteName, domainLabel, null, parts[^1]))
            {
                removed ??= parts[0];
                parts.RemoveAt(0);
            }
            if (removed is not null) return (string.Join(sep, parts), removed);
        }
        return (title, null);
    }

    private static bool IsSite(string part, string? siteName, string? domainLabel, string? sep, string other)
    {
        if (siteName is not null && Same(part, siteName)) return true;
        if (domainLabel is { Length: >= 3 } && WordCount(part) <= MaxPipeTailWords && part.Length < other.Length)
        {
            var squeezed = Squeeze(part);
            if (squeezed.Length >= 3 && (squeezed.Contains(domainLabel, StringComparison.Ordinal) || domainLabel.Contains(squeezed, StringComparison.Ordinal)))
                return true;
        }
        return sep is " | " or " :: " or "_" or " _ " && WordCount(part) <= MaxPipeTailWords && WordCount(other) >= WordCount(part);
    }

    private static bool Same(string a, string b) => Squeeze(a) == Squeeze(b);

    /// <summary>Lower-case letters and digits only: "Journalistenwatch e.V." → "journalistenwatchev".</summary>
    private static string Squeeze(string s)
    {
        var chars = new char[s.Length];
        int n = 0;
        foreach (var c in s) if (char.IsLetterOrDigit(c)) chars[n++] = char.ToLowerInvariant(c);
        return new string(chars, 0, n);
    }

    /// <summary>The main label of a host: "www.example-times.co.uk" → "exampletimes".</summary>
    public static string? DomainLabel(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        var labels = uri.Host.Split('.');
        if (labels.Length < 2) return null;
        // Skip a second-level public suffix (co.uk, com.au) and the www.
        int i = labels.Length - 2;
        if (i > 0 && labels[i].Length <= 3 && labels[^1].Length == 2) i--;
        return Squeeze(labels[i]);
    }

    public static int WordCount(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>
    /// True when the two titles share a word of three or more letters (case ignored), or when
    /// either has fewer than two such words (scripts written without spaces): no verdict, no veto.
    /// </summary>
    public static bool SharesWord(string a, string b)
    {
        var wa = Words(a);
        var wb = Words(b);
        if (wa.Count < 2 || wb.Count < 2) return true;
        return wa.Overlaps(wb);
    }

    private static HashSet<string> Words(string s)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var w in s.Split(WordBreaks, StringSplitOptions.RemoveEmptyEntries)) if (w.Length >= 3) words.Add(w);
        return words;
    }

    private static readonly char[] WordBreaks = [' ', ',', '.', ':', ';', '!', '?', '|', '-', '–', '—', '"', '\'', '(', ')', '«', '»', '“', '”', '‘', '’'];
}
