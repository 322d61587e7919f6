using Wirescope.Tables;

namespace Wirescope.Extraction.Text;

/// <summary>line_cues.tsv, frozen: chrome, credit and caption cue words for plain-text pages.</summary>
public sealed class LineCueTable
{
    private readonly HashSet<string> _chromeWhole = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _chromePrefix = new();
    private readonly HashSet<string> _credits = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _captionPrefix = new();

    public static LineCueTable Load(string resource = "extraction/line_cues.tsv")
    {
        var t = new LineCueTable();
        var seen = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var row in TsvTable.ReadResource(resource, 4, 3))
        {
            var text = row[0].ToLowerInvariant();
            TsvTable.AddUnique(seen, $"{row[1]}:{row[2]}:{text}", true, row);
            bool whole = row[2] switch
            {
                "whole" => true,
                "prefix" => false,
                _ => throw new TableException(row.Where, $"match must be whole or prefix, not '{row[2]}'"),
            };
            switch (row[1])
            {
                case "chrome": if (whole) t._chromeWhole.Add(text); else t._chromePrefix.Add(text); break;
                case "credit": t._credits.Add(text); break;
                case "caption": t._captionPrefix.Add(text); break;
                default: throw new TableException(row.Where, $"kind must be chrome, credit or caption, not '{row[1]}'");
            }
        }
        return t;
    }

    /// <summary>A line that is site furniture by its wording ("Share", "Last update: ...").</summary>
    public bool IsChrome(string line)
    {
        var t = line.Trim().TrimEnd(':', '.', '›', '»');
        if (_chromeWhole.Contains(t)) return true;
        foreach (var p in _chromePrefix)
            if (t.StartsWith(p, StringComparison.OrdinalIgnoreCase) && t.Length < 100) return true;
        return false;
    }

    /// <summary>An agency or photo-desk name ("Getty Images", "AFP", "TASS").</summary>
    public bool IsCreditWord(string part) => _credits.Contains(part.Trim().TrimEnd('.'));

    public bool StartsLikeCaption(string line)
    {
        foreach (var p in _captionPrefix)
            if (line.StartsWith(p, StringComparison.OrdinalIgnoreCase) && line.Length > p.Length && !char.IsLetter(line[p.Length])) return true;
        return false;
    }
}
