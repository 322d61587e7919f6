using Wirescope.Tables;

namespace Wirescope.Extraction.Metadata;

/// <summary>author_rules.tsv, frozen: byline prefixes, name separators, cut points and noise names.</summary>
public sealed class AuthorRuleTable
{
    public required string[] Prefixes { get; init; }
    public required string[] Separators { get; init; }
    public required string[] Cuts { get; init; }
    public required HashSet<string> Noise { get; init; }
    public required HashSet<string> OrgWords { get; init; }
    /// <summary>Words that, right after an author's name at the end of the body, open a bio ("NAME is a reporter").</summary>
    public string[] BioVerbs { get; init; } = [];

    public static AuthorRuleTable Load(string resource = "extraction/author_rules.tsv")
    {
        var prefixes = new List<string>();
        var separators = new List<string>();
        var cuts = new List<string>();
        var noise = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var org = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var bio = new List<string>();
        var seen = new Dictionary<string, bool>(StringComparer.Ordinal);
        using var reader = new StreamReader(TsvTable.Open(resource));
        // Separators and cuts keep their spaces (" and "), so cells are not trimmed here.
        int lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            var cells = line.Split('\t');
            if (cells.Length < 2 || cells[0].Trim().Length == 0)
                throw new TableException($"{resource}:{lineNo}", "expected text<TAB>kind[<TAB>note] with a non-blank text");
            var text = cells[0].ToLowerInvariant();
            var kind = cells[1].Trim();
            if (!seen.TryAdd(kind + ":" + text, true)) throw new TableException($"{resource}:{lineNo}", $"duplicate '{text}'");
            switch (kind)
            {
                case "prefix": prefixes.Add(text.Trim()); break;
                case "separator": separators.Add(text); break;
                case "cut": cuts.Add(text); break;
                case "noise": noise.Add(text.Trim()); break;
                case "org": org.Add(text.Trim()); break;
                case "bio": bio.Add(text.Trim()); break;
                default: throw new TableException($"{resource}:{lineNo}", $"kind must be prefix, separator, cut, noise, org or bio, not '{kind}'");
            }
        }
        prefixes.Sort((a, b) => b.Length.CompareTo(a.Length));
        return new AuthorRuleTable { Prefixes = prefixes.ToArray(), Separators = separators.ToArray(), Cuts = cuts.ToArray(), Noise = noise, OrgWords = org, BioVerbs = bio.ToArray() };
    }
}
