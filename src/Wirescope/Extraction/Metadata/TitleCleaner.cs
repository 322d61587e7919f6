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
    /// Share of <paramref name="a"/>'s words (three letters or more, case ignored) found in
    /// <paramref name="b"/>; 1 when <paramref name="a"/> has fewer than two such words (scripts
    /// written without spaces: no verdict).
    /// </summary>
    public static double WordShare(string a, string b)
    {
        var wa = Words(a);
        if (wa.Count < 2) return 1;
        var wb = Words(b);
        int hit = 0;
        foreach (var w in wa) if (wb.Contains(w)) hit++;
        return (double)hit / wa.Count;
    }

    /// <summary>
    /// True when <paramref name="part"/> is only the last separator-delimited part of
    /// <paramref name="title"/>, after a longer part: the site's place ("Evolve: Shared Mutable
    /// History — evolve extension for Mercurial"), not the headline's.
    /// </summary>
    public static bool IsTailPart(string part, string title)
    {
        part = part.Trim();
        title = title.Trim();
        if (part.Length == 0 || !title.EndsWith(part, StringComparison.OrdinalIgnoreCase)) return false;
        var head = title[..^part.Length].TrimEnd();
        if (head.Length <= part.Length) return false;
        foreach (var sep in Separators)
        {
            var t = sep.TrimEnd();
            if (t.Length > 0 && head.EndsWith(t, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>
    /// True when <paramref name="outer"/> holds <paramref name="inner"/> and more, ignoring case,
    /// spacing and the kind of quote marks and dashes (an og:title with straight quotes holds the
    /// h1 with curly ones).
    /// </summary>
    public static bool ContainsLoosely(string outer, string inner)
    {
        var o = Loose(outer);
        var i = Loose(inner);
        return i.Length > 0 && o.Length > i.Length && o.Contains(i, StringComparison.Ordinal);
    }

    /// <summary>
    /// True when <paramref name="part"/> begins <paramref name="title"/> and a separator follows
    /// it, or ends it after a separator ("Rutger Bregman: Unser wahres Ich").
    /// </summary>
    public static bool IsSeparatedPart(string title, string part)
    {
        var t = Loose(title);
        var p = Loose(part);
        if (p.Length == 0 || t.Length <= p.Length) return false;
        if (t.StartsWith(p, StringComparison.Ordinal) && IsSeparatorAt(t.AsSpan(p.Length).TrimStart())) return true;
        if (t.EndsWith(p, StringComparison.Ordinal))
        {
            var before = t.AsSpan(0, t.Length - p.Length).TrimEnd();
            return before.Length > 0 && SeparatorChars.Contains(before[^1]);
        }
        return false;
    }

    private const string SeparatorChars = "|-:·»«/•_›‹>";

    private static bool IsSeparatorAt(ReadOnlySpan<char> rest) => rest.Length > 0 && SeparatorChars.Contains(rest[0]);

    /// <summary>Text in a script written without spaces (CJK, Thai): word counts say nothing.</summary>
    public static bool IsUnspaced(string s)
    {
        foreach (var c in s) if (c >= '\u0E00' && !char.IsPunctuation(c) && !char.IsWhiteSpace(c)) return true;
        return false;
    }

    /// <summary>The two titles are the same but for case, spacing, quote marks and dashes.</summary>
    public static bool EqualsLoosely(string a, string b) => Loose(a) == Loose(b);

    private static string Loose(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) { if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' '); continue; }
            sb.Append(c switch
            {
                '“' or '”' or '„' or '«' or '»' or '″' => '"',
                '‘' or '’' or '‚' or '´' or '`' or '′' => '\'',
                '–' or '—' or '‐' or '‑' => '-',
                _ => char.ToLowerInvariant(c),
            });
        }
        return sb.ToString().Trim();
    }

    /// <summary>True when the text has at least two words of three letters or more (a spaced script).</summary>
    public static bool HasWords(string s) => Words(s).Count >= 2;

    private static HashSet<string> Words(string s)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var w in s.Split(WordBreaks, StringSplitOptions.RemoveEmptyEntries)) if (w.Length >= 3) words.Add(w);
        return words;
    }

    private static readonly char[] WordBreaks = [' ', ',', '.', ':', ';', '!', '?', '|', '-', '–', '—', '"', '\'', '(', ')', '«', '»', '“', '”', '‘', '’'];
}
