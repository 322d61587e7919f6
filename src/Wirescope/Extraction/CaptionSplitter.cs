using System.Text.RegularExpressions;
using Wirescope.Documents;
using Wirescope.Extraction.Text;

namespace Wirescope.Extraction;

/// <summary>
/// A photo caption → text and credit. Credits come as "Photo: NAME", "(Photo by NAME/AGENCY)",
/// a trailing "NAME / AGENCY" or an agency name alone ("... in Berlin. Reuters").
/// </summary>
public sealed partial class CaptionSplitter(LineCueTable cues)
{
    public Caption Split(string caption)
    {
        var text = caption.Trim();
        var m = LabelledCredit().Match(text);
        if (m.Success && m.Index > 0)
            return new Caption(text[..m.Index].Trim(), m.Groups["credit"].Value.Trim().TrimEnd(')', '.', ' '));
        m = ParenCredit().Match(text);
        if (m.Success && m.Index > 0)
            return new Caption(text[..m.Index].Trim(), m.Groups["credit"].Value.Trim());
        // Last sentence-like segment "NAME / AGENCY" or an agency word.
        int cut = Math.Max(text.LastIndexOf(". ", StringComparison.Ordinal), text.LastIndexOf('\n'));
        if (cut > 0)
        {
            var tail = text[(cut + 1)..].Trim();
            if (IsCredit(tail)) return new Caption(text[..(cut + 1)].Trim(), tail);
        }
        return new Caption(text, null);
    }

    /// <summary>"Yuri Kadobnov / AFP", "AP Photo/Alexander Zemlianichenko", "Reuters", "Getty Images".</summary>
    public bool IsCredit(string tail)
    {
        if (tail.Length == 0 || tail.Length > 80) return false;
        if (cues.IsCreditWord(tail)) return true;
        var parts = tail.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 2 && parts.All(p => p.Length > 1 && char.IsUpper(p[0]) && p.Split(' ').Length <= 5) && !tail.EndsWith('.'))
            return true;
        return false;
    }

    /// <summary>Longest paragraph read as a stand-alone credit line.</summary>
    public const int MaxCreditLine = 100;

    /// <summary>
    /// A paragraph that is only a photo credit ("Foto: dpa", "Titelbild: Geyres Christophe/ABACA",
    /// "(Credit: Clayton Aldern / Grist)", "Augusta National/Getty Images"): the caption of a
    /// picture the page shows as a plain paragraph, not story text.
    /// </summary>
    public bool IsCreditLine(string line)
    {
        var t = line.Trim();
        if (t.Length == 0 || t.Length > MaxCreditLine) return false;
        if (CreditLine().IsMatch(t)) return true;
        return t.Length <= 60 && IsCredit(t.Trim('(', ')', ' '));
    }

    [GeneratedRegex(@"^\(?\s*(?:Photo(?:graph)?s?|Fotos?|Image|Credit|Bild|Titelbild|Beitragsbild|Picture|Zdjęcie|Fot\.)\s*(?:by\b|:)\s*\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditLine();

    [GeneratedRegex(@"(?:^|[\s.,;(])(?:Photo(?:graph)?|Foto|Image|Credit|Bild|Picture|Zdjęcie|Fot\.)\s*(?:by|:)\s*(?<credit>[^\n]{2,80})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelledCredit();

    [GeneratedRegex(@"\((?:Photo(?:graph)?\s*(?:by|:)\s*)?(?<credit>[^()\n]{2,60}/[^()\n]{2,40})\)\s*\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex ParenCredit();
}
