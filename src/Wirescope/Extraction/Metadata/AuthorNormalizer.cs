using System.Text;

namespace Wirescope.Extraction.Metadata;

/// <summary>
/// A byline → author names: strips "By", cuts at "|" or a date, splits "A and B" and "A, B"
/// (commas only when every part is a personal name), and refuses desks, roles, handles, URLs,
/// e-mail addresses and the site's own name.
/// </summary>
public sealed class AuthorNormalizer(AuthorRuleTable rules)
{
    /// <summary>Longest plausible personal name, in words.</summary>
    public const int MaxNameWords = 5;

    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "la", "le", "bin", "ibn", "al", "el", "y", "zu", "dos", "das", "ter", "st.", "mc", "mac", "jr.", "jr", "sr.", "ii", "iii",
    };

    /// <summary>Names in <paramref name="byline"/>; empty when it holds none.</summary>
    public List<string> Split(string? byline, string? siteName = null)
    {
        var names = new List<string>();
        if (string.IsNullOrWhiteSpace(byline)) return names;
        var text = StripUrls(Collapse(byline));
        if (text.Length == 0) return names;
        text = StripPrefix(text);
        text = Cut(text);
        text = text.Trim(' ', ',', ';', ':', '|', '-', '–', '—', '·', '/');
        if (text.Length == 0) return names;

        var parts = new List<string> { text };
        foreach (var sep in rules.Separators)
        {
            var next = new List<string>();
            foreach (var p in parts)
            {
                var pieces = p.Split(sep, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                // A separator splits only a list of names: "Mac & i" (a magazine) and "Smith, John"
                // stay whole; "Jane Roe, Moscow" keeps the name and drops the place.
                if (sep is " & " or " and " or " und " or " et " or " y " or " i " && pieces.Length > 1 && !pieces.All(LooksLikePersonalName))
                {
                    next.Add(p);
                    continue;
                }
                if (sep == ", " && pieces.Length > 1 && !pieces.All(LooksLikePersonalName))
                {
                    var named = pieces.Where(LooksLikePersonalName).ToList();
                    if (named.Count > 0 && LooksLikePersonalName(pieces[0])) next.AddRange(named);
                    else next.Add(p);
                    continue;
                }
                next.AddRange(pieces);
            }
            parts = next;
        }
        foreach (var raw in parts)
        {
            if (raw.TrimStart().StartsWith('@')) continue; // a social handle, not a name
            var name = TrimTail(StripPrefix(raw).Trim(' ', ',', ';', ':', '.', '|', '-', '@', '•', '·', '\'', '"', '„', '“', '”', '‘', '’', '«', '»'));
            if (name.Count(c => c == '(') != name.Count(c => c == ')')) name = name.Trim('(', ')', ' ');
            if (!Acceptable(name, siteName)) continue;
            if (!names.Contains(name, StringComparer.OrdinalIgnoreCase)) names.Add(name);
        }
        return names;
    }

    /// <summary>URLs and "(http://...)" asides go: "Bradley M. Kuhn (http://ebb.org/bkuhn/)" → the name.</summary>
    private static string StripUrls(string text)
    {
        var words = text.Split(' ');
        var kept = words.Where(w => !(w.Contains("://", StringComparison.Ordinal) || w.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
            || w.StartsWith("(http", StringComparison.OrdinalIgnoreCase)));
        return string.Join(' ', kept).Replace("()", "", StringComparison.Ordinal).Trim();
    }

    /// <summary>
    /// Drops role words trailing a name ("Ben Silverman Editor"). A lone word left in front of a
    /// role is the beat of a job title ("Games Editor", "Sports Reporter"), not a name: nothing is left.
    /// </summary>
    private string TrimTail(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        int before = words.Count;
        while (words.Count > 1)
        {
            var last = words[^1];
            if (rules.Noise.Contains(last.TrimEnd('.', ','))) words.RemoveAt(words.Count - 1);
            else break;
        }
        if (words.Count == 1 && before > 1) return "";
        return string.Join(' ', words);
    }

    /// <summary>A name we may report: not noise, not the site, not a handle, no digits, not too long.</summary>
    public bool Acceptable(string name, string? siteName)
    {
        if (name.Length < 2 || name.Length > 80) return false;
        if (rules.Noise.Contains(name)) return false;
        // The site's own name is no byline ("BBC News"), unless the site is a person's blog.
        if (siteName is not null && string.Equals(name, siteName, StringComparison.OrdinalIgnoreCase) && !LooksLikePersonalName(siteName)) return false;
        if (name.Contains('@') || name.Contains("://", StringComparison.Ordinal) || name.Contains('/') && !name.Contains(' ')) return false;
        int letters = 0;
        foreach (var c in name)
        {
            if (char.IsDigit(c)) return false;
            if (char.IsLetter(c)) letters++;
        }
        if (letters < 2) return false;
        if (name.Length <= 3 && name.All(c => !char.IsLetter(c) || char.IsUpper(c))) return false; // "CC", "DT": licences and initials
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > MaxNameWords + 1) return false;
        foreach (var w in words)
            if (rules.Noise.Contains(w) && words.Length <= 2 && w.Length > 3) return false; // "Staff Writer", "Redaktion Berlin"
        return true;
    }

    /// <summary>Capitalised words (with particles such as "de", "von"), two to five of them, or one word in a script without case.</summary>
    public bool LooksLikePersonalName(string s)
    {
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(w => rules.OrgWords.Contains(w.Trim(',', '.')))) return false;
        if (words.Length == 0 || words.Length > MaxNameWords) return false;
        if (words.Length == 1) return words[0].Length > 1 && words[0].Any(char.IsLetter) && !HasCase(words[0]);
        int capitalised = 0;
        foreach (var w in words)
        {
            if (Particles.Contains(w)) continue;
            if (w.Any(char.IsDigit)) return false;
            var first = w.TrimStart('(', '"', '\'');
            if (first.Length == 0) return false;
            if (!char.IsUpper(first[0])) return false;
            if (first.Length > 3 && first.All(c => !char.IsLetter(c) || char.IsUpper(c))) return false; // "REUTERS", "CNN"
            capitalised++;
        }
        return capitalised >= 1;
    }

    private static bool HasCase(string w) => w.Any(c => char.IsUpper(c) || char.IsLower(c));

    private string StripPrefix(string text)
    {
        bool again = true;
        while (again)
        {
            again = false;
            foreach (var p in rules.Prefixes)
            {
                if (text.Length > p.Length && text.StartsWith(p, StringComparison.OrdinalIgnoreCase)
                    && (!char.IsLetter(p[^1]) || !char.IsLetter(text[p.Length])))
                {
                    text = text[p.Length..].TrimStart(' ', ':', '\u00A0');
                    again = true;
                    break;
                }
            }
        }
        return text;
    }

    private string Cut(string text)
    {
        int cut = text.Length;
        foreach (var c in rules.Cuts)
        {
            int at = c.Trim().Length == c.Length && char.IsLetter(c[0])
                ? IndexOfWord(text, c)
                : text.IndexOf(c, StringComparison.OrdinalIgnoreCase);
            if (at > 0 && at < cut) cut = at;
        }
        // A date glued to the byline ("By Jane Roe April 26, 2019") ends the names.
        for (int i = 0; i < cut; i++)
        {
            if (char.IsDigit(text[i]))
            {
                if (i > 0 && char.IsLetter(text[i - 1]))
                {
                    cut = i; // "Lucas Nolan22 Dec 2016": the date is glued to the name
                    break;
                }
                int j = i;
                while (j > 0 && text[j - 1] != ' ') j--;
                // Step back over a month name ("April 26").
                int k = j - 1;
                while (k > 0 && text[k - 1] != ' ') k--;
                if (k >= 0 && j - 1 > k && char.IsUpper(text[k]) && text.AsSpan(k, j - 1 - k).Length <= 10 && j - 1 - k >= 3 && IsMonthLike(text.AsSpan(k, j - 1 - k)))
                    j = k;
                cut = Math.Max(0, j);
                // A lower-case word right before the date is part of it ("před 3 hodinami", Czech "3 hours ago").
                var head = text[..cut].TrimEnd();
                int sp = head.LastIndexOf(' ');
                if (sp > 0 && char.IsLower(head[sp + 1]) && !Particles.Contains(head[(sp + 1)..])) cut = sp;
                break;
            }
        }
        return text[..cut];
    }

    private static readonly string[] MonthStarts = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static bool IsMonthLike(ReadOnlySpan<char> w)
    {
        foreach (var m in MonthStarts) if (w.StartsWith(m, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static int IndexOfWord(string text, string word)
    {
        int from = 0;
        while (true)
        {
            int at = text.IndexOf(word, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return -1;
            bool startOk = at == 0 || !char.IsLetter(text[at - 1]);
            bool endOk = at + word.Length >= text.Length || !char.IsLetter(text[at + word.Length]);
            if (startOk && endOk) return at;
            from = at + 1;
        }
    }

    private static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
