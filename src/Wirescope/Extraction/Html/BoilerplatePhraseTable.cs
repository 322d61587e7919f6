using Wirescope.Tables;

namespace Wirescope.Extraction.Html;

/// <summary>What a trailing heading says about the text after it.</summary>
public enum StopKind : byte { None, Stop, End }

/// <summary>boilerplate_phrases.tsv, frozen: tells whether a short block is page furniture.</summary>
public sealed class BoilerplatePhraseTable
{
    /// <summary>Longest block a prefix row may match: longer blocks are prose that happens to start so.</summary>
    public const int MaxPrefixBlock = 120;
    /// <summary>Longest block a contains row may match.</summary>
    public const int MaxContainsBlock = 200;

    /// <summary>Longest block a stop row may match: a heading or a one-line label.</summary>
    public const int MaxStopBlock = 60;

    private readonly HashSet<string> _whole;
    private string[] _stops = [];
    private string[] _ends = [];
    private readonly string[] _prefixes;
    private readonly string[] _contains;

    private BoilerplatePhraseTable(HashSet<string> whole, string[] prefixes, string[] contains)
    {
        _whole = whole;
        _prefixes = prefixes;
        _contains = contains;
    }

    public static BoilerplatePhraseTable Load(string resource = "extraction/boilerplate_phrases.tsv")
    {
        var whole = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = new List<string>();
        var contains = new List<string>();
        var stops = new List<string>();
        var ends = new List<string>();
        var seen = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var row in TsvTable.ReadResource(resource, 3, 2))
        {
            var phrase = row[0].ToLowerInvariant();
            TsvTable.AddUnique(seen, row[1] + ":" + phrase, true, row);
            switch (row[1])
            {
                case "whole": whole.Add(phrase); break;
                case "prefix": prefixes.Add(phrase); break;
                case "contains": contains.Add(phrase); break;
                case "stop": stops.Add(phrase); break;
                case "end": ends.Add(phrase); break;
                default: throw new TableException(row.Where, $"match must be whole, prefix, contains, stop or end, not '{row[1]}'");
            }
        }
        return new BoilerplatePhraseTable(whole, prefixes.ToArray(), contains.ToArray()) { _stops = stops.ToArray(), _ends = ends.ToArray() };
    }

    /// <summary>True when <paramref name="block"/> is a heading that opens trailing furniture ("Related stories", "Comments").</summary>
    public bool IsStop(ReadOnlySpan<char> block) => Stop(block) != StopKind.None;

    /// <summary>
    /// Which kind of trailing heading <paramref name="block"/> is: <see cref="StopKind.End"/>
    /// (comments, about the author, tags: nothing of the story follows them) or
    /// <see cref="StopKind.Stop"/> (related stories: also the label of a box inside the story).
    /// </summary>
    public StopKind Stop(ReadOnlySpan<char> block)
    {
        if (block.Length > MaxStopBlock) return StopKind.None;
        var t = block.Trim().TrimEnd(".:!›»→ ").Trim();
        Span<char> lower = stackalloc char[t.Length];
        t.ToLowerInvariant(lower);
        if (StartsWithAny(lower, _ends)) return StopKind.End;
        return StartsWithAny(lower, _stops) ? StopKind.Stop : StopKind.None;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> lower, string[] phrases)
    {
        foreach (var s in phrases)
            if (lower.StartsWith(s, StringComparison.Ordinal) && (lower.Length == s.Length || !char.IsLetter(lower[s.Length]))
                && !IsInlineTeaser(lower[s.Length..])) return true;
        return false;
    }

    /// <summary>
    /// "Related: Chicago is America's most segregated city": the phrase, a colon and a headline
    /// is a link to one other story inside the body, not the heading of the trailing section.
    /// </summary>
    private static bool IsInlineTeaser(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart();
        if (rest.Length == 0 || rest[0] != ':') return false;
        rest = rest[1..].Trim();
        int words = 0;
        foreach (var part in rest.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)) if (part.Any(char.IsLetter)) words++;
        return words >= 3;
    }

    public bool IsBoilerplate(ReadOnlySpan<char> block)
    {
        if (block.Length > MaxContainsBlock) return false;
        var t = block.Trim().TrimEnd(".:!›»→ ").Trim();
        if (t.Length == 0) return true;
        Span<char> lower = stackalloc char[t.Length];
        t.ToLowerInvariant(lower);
        var l = (ReadOnlySpan<char>)lower;
        if (_whole.GetAlternateLookup<ReadOnlySpan<char>>().Contains(l)) return true;
        if (l.Length <= MaxPrefixBlock)
        {
            foreach (var p in _prefixes)
                if (l.StartsWith(p, StringComparison.Ordinal) && (l.Length == p.Length || !char.IsLetter(l[p.Length]))) return true;
        }
        foreach (var c in _contains)
            if (l.Contains(c, StringComparison.Ordinal)) return true;
        return false;
    }
}
