using Wirescope.Tables;

namespace Wirescope.Extraction.Metadata;

/// <summary>What a cue before a date says about it.</summary>
public enum DateCue : byte { None, Published, Modified, Chrome }

/// <summary>date_words.tsv, frozen: month names (several languages) and date cue words.</summary>
public sealed class DateWordTable
{
    private readonly Dictionary<string, int> _months;
    private readonly (string Text, DateCue Cue)[] _cues;
    private readonly Dictionary<string, int> _relative;

    private DateWordTable(Dictionary<string, int> months, (string, DateCue)[] cues, Dictionary<string, int> relative)
    {
        _months = months;
        _cues = cues;
        _relative = relative;
    }

    public static DateWordTable Load(string resource = "extraction/date_words.tsv")
    {
        var months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var relative = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var cues = new List<(string, DateCue)>();
        var seen = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var row in TsvTable.ReadResource(resource, 4, 3))
        {
            var word = row[0].ToLowerInvariant();
            TsvTable.AddUnique(seen, word, true, row);
            switch (row[1])
            {
                case "month":
                    int m = TsvTable.Int(row, 2);
                    if (m is < 1 or > 12) throw new TableException(row.Where, $"month {m} is not 1–12");
                    months[word] = m;
                    break;
                case "published": cues.Add((word, DateCue.Published)); break;
                case "modified": cues.Add((word, DateCue.Modified)); break;
                case "chrome": cues.Add((word, DateCue.Chrome)); break;
                case "relative": relative[word] = TsvTable.Int(row, 2); break;
                default: throw new TableException(row.Where, $"kind must be month, published, modified, chrome or relative, not '{row[1]}'");
            }
        }
        // Longest cue first, so "last update" (chrome) wins over "update".
        cues.Sort((a, b) => b.Item1.Length.CompareTo(a.Item1.Length));
        return new DateWordTable(months, cues.ToArray(), relative);
    }

    public bool TryMonth(ReadOnlySpan<char> word, out int month) =>
        _months.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out month);

    public bool TryRelative(string word, out int daysBack) => _relative.TryGetValue(word, out daysBack);

    /// <summary>The cue nearest before index <paramref name="before"/> of <paramref name="lower"/> (lower-cased by the caller).</summary>
    public DateCue CueBefore(string lower, int before)
    {
        var span = lower.AsSpan(0, Math.Clamp(before, 0, lower.Length));
        var best = DateCue.None;
        int bestEnd = -1;
        // The cue that ends nearest the date wins; cues are sorted longest first, so at the same
        // end "last update" (chrome) beats "update".
        foreach (var (text, cue) in _cues)
        {
            int at = span.LastIndexOf(text, StringComparison.Ordinal);
            if (at < 0) continue;
            if (at + text.Length > bestEnd)
            {
                bestEnd = at + text.Length;
                best = cue;
            }
        }
        return best;
    }
}
