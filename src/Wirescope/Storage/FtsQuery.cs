using System.Text;

namespace Wirescope.Storage;

/// <summary>
/// Turns what a person types into a safe full-text query: words become quoted terms (so
/// "U.S." or "Kim-Putin" never break the query syntax), "quoted phrases" stay phrases,
/// OR / NOT / AND stay operators, and a trailing * keeps prefix search. Terms are ANDed.
/// The output is FTS5 syntax (also the shape PostgreSQL's websearch_to_tsquery accepts).
/// </summary>
public static class FtsQuery
{
    public static string Build(string input)
    {
        var parts = new List<string>();
        int i = 0;
        while (i < input.Length)
        {
            char c = input[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '"')
            {
                int end = input.IndexOf('"', i + 1);
                if (end < 0) end = input.Length;
                var phrase = Clean(input[(i + 1)..end]);
                if (phrase.Length > 0) parts.Add(Quote(phrase));
                i = end + 1;
                continue;
            }
            int j = i;
            while (j < input.Length && !char.IsWhiteSpace(input[j]) && input[j] != '"') j++;
            var word = input[i..j];
            i = j;
            if (word is "OR" or "AND" or "NOT")
            {
                if (parts.Count > 0 && parts[^1] is not ("OR" or "AND" or "NOT")) parts.Add(word);
                continue;
            }
            bool prefix = word.EndsWith('*');
            var clean = Clean(prefix ? word[..^1] : word);
            if (clean.Length == 0) continue;
            parts.Add(Quote(clean) + (prefix ? "*" : ""));
        }
        while (parts.Count > 0 && parts[^1] is "OR" or "AND" or "NOT") parts.RemoveAt(parts.Count - 1);
        return string.Join(' ', parts);
    }

    /// <summary>Keeps letters, digits and inner punctuation; the tokenizer splits the rest.</summary>
    private static string Clean(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s) if (ch != '"' && !char.IsControl(ch)) sb.Append(ch);
        return sb.ToString().Trim();
    }

    private static string Quote(string s) => "\"" + s + "\"";
}
