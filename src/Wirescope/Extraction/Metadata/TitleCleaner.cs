namespace Wirescope.Extraction.Metadata;

/// <summary>
/// A page title → the headline: "Kim meets Putin | World News | Example Times" loses the site
/// parts. Splits at the usual separators and keeps the part that is the headline: the one
/// matching another title source (og:title, h1) when there is one, else the longest.
/// </summary>
public static class TitleCleaner
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " « ", " / ", " • ", " ‹ ", " › "];

    /// <summary>The headline part of <paramref name="title"/>, and the rest (a site name, usually).</summary>
    public static (string Headline, string? Site) Clean(string title, IEnumerable<string?> references)
    {
        title = title.Trim();
        foreach (var sep in Separators)
        {
            if (!title.Contains(sep, StringComparison.Ordinal)) continue;
            var parts = title.Split(sep, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2) continue;
            foreach (var r in references)
            {
                if (string.IsNullOrWhiteSpace(r)) continue;
                for (int i = 0; i < parts.Length; i++)
                    if (string.Equals(parts[i], r.Trim(), StringComparison.OrdinalIgnoreCase))
                        return (parts[i], Others(parts, i, sep));
            }
            // The site name sits at one end; keep the longest run of the other parts when the ends are short.
            var first = parts[0];
            var last = parts[^1];
            if (WordCount(last) <= 4 && WordCount(first) > WordCount(last))
                return (string.Join(sep, parts[..^1]), last);
            if (WordCount(first) <= 3 && WordCount(last) > WordCount(first) + 2)
                return (string.Join(sep, parts[1..]), first);
        }
        return (title, null);
    }

    private static string Others(string[] parts, int keep, string sep) =>
        parts.Length == 2 ? parts[1 - keep] : keep == 0 ? parts[^1] : parts[0];

    public static int WordCount(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
