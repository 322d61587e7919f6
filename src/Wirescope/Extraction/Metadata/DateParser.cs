using System.Globalization;
using System.Text.RegularExpressions;
using Wirescope.Documents;

namespace Wirescope.Extraction.Metadata;

/// <summary>A date found in text: the value, where it starts and ends, and the cue before it.</summary>
public readonly record struct FoundDate(PartialDate Date, int Start, int End, DateCue Cue);

/// <summary>
/// Reads dates, keeping their precision: machine forms (ISO 8601 and its relatives, as meta
/// tags and JSON-LD write them), free text ("April 26, 2019", "26. April 2019", "26.04.2019")
/// with month names from date_words.tsv, and URL paths (/2019/04/26/).
/// </summary>
public sealed partial class DateParser(DateWordTable words)
{
    /// <summary>Earliest year taken as a news date (the web's news starts in the 1990s).</summary>
    public const int MinYear = 1990;

    /// <summary>A machine-written date: ISO 8601, "2019-04-26 10:05:00", "2019/04/26", "20190426", RFC 1123.</summary>
    public static bool TryParseMachine(string? value, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(value)) return false;
        var s = value.Trim();
        var m = IsoLike().Match(s);
        if (m.Success)
        {
            int y = Int(m.Groups[1].Value), mo = Int(m.Groups[2].Value), d = Int(m.Groups[3].Value);
            if (!ValidDay(y, mo, d)) return false;
            if (m.Groups[4].Success)
            {
                int hh = Int(m.Groups[4].Value), mi = Int(m.Groups[5].Value), ss = m.Groups[6].Success ? Int(m.Groups[6].Value) : 0;
                if (hh < 24 && mi < 60 && ss < 60)
                {
                    var zone = m.Groups[7].Value;
                    if (zone.Length > 0 && TryOffset(zone, out var offset))
                    {
                        date = new PartialDate(new DateTimeOffset(y, mo, d, hh, mi, ss, offset));
                        return Plausible(date);
                    }
                    date = new PartialDate(new DateTimeOffset(y, mo, d, hh, mi, ss, TimeSpan.Zero), hasOffset: false);
                    return Plausible(date);
                }
            }
            date = new PartialDate(y, mo, d);
            return Plausible(date);
        }
        if (s.EndsWith(" GMT", StringComparison.Ordinal) || s.EndsWith(" UTC", StringComparison.Ordinal))
        {
            if (DateTimeOffset.TryParse(s[..^4], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var utc))
            {
                date = new PartialDate(utc.ToUniversalTime());
                return Plausible(date);
            }
        }
        // A time alone ("2:33 PM") parses as today's date: no year, no date.
        if (!YearLike().IsMatch(s)) return false;
        if (PartialDate.TryParse(s, out date)) return Plausible(date);
        if (DateTimeOffset.TryParseExact(s, "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out var rfc)
            || DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out rfc))
        {
            date = new PartialDate(rfc.Year, rfc.Month, rfc.Day);
            return Plausible(date);
        }
        return false;
    }

    /// <summary>A date in a URL path: day precision for /2019/04/26/ or 2019-04-26, month for /2019/04/.</summary>
    public static bool TryParseUrl(string? url, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrEmpty(url)) return false;
        var m = UrlDay().Match(url);
        if (m.Success && ValidDay(Int(m.Groups[1].Value), Int(m.Groups[2].Value), Int(m.Groups[3].Value)))
        {
            date = new PartialDate(Int(m.Groups[1].Value), Int(m.Groups[2].Value), Int(m.Groups[3].Value));
            return Plausible(date);
        }
        m = UrlMonth().Match(url);
        if (m.Success && Int(m.Groups[2].Value) is >= 1 and <= 12)
        {
            date = new PartialDate(Int(m.Groups[1].Value), Int(m.Groups[2].Value));
            return Plausible(date);
        }
        return false;
    }

    /// <summary>Every date written in <paramref name="text"/>, in order, each with the cue before it.</summary>
    public List<FoundDate> FindAll(string text, int max = 8)
    {
        var found = new List<FoundDate>();
        if (string.IsNullOrEmpty(text)) return found;
        var lower = text.ToLowerInvariant();
        foreach (Match m in TextDate().Matches(text))
        {
            if (found.Count >= max) break;
            if (TryRead(m, out var date) && Plausible(date))
                found.Add(new FoundDate(date, m.Index, m.Index + m.Length, words.CueBefore(lower, m.Index)));
        }
        return found;
    }

    private bool TryRead(Match m, out PartialDate date)
    {
        date = default;
        var g = m.Groups;
        if (g["iy"].Success)
        {
            int y = Int(g["iy"].Value), mo = Int(g["im"].Value), d = Int(g["id"].Value);
            if (!ValidDay(y, mo, d)) return false;
            date = new PartialDate(y, mo, d);
            return true;
        }
        if (g["ey"].Success)
        {
            // 26.04.2019 (day first, as Europe writes it) and 04/26/2019 (month first when the
            // second number cannot be a month, or when slashes are used, as the US writes it).
            int a = Int(g["ea"].Value), b = Int(g["eb"].Value), y = Int(g["ey"].Value);
            bool slash = g["sep"].Value == "/";
            int d = a, mo = b;
            if (slash && a <= 12 && b > 12 || slash && a <= 12 && b <= 12) (d, mo) = (b, a);
            if (!ValidDay(y, mo, d)) return false;
            date = new PartialDate(y, mo, d);
            return true;
        }
        if (g["dm"].Success)
        {
            if (!words.TryMonth(g["dm"].Value.TrimEnd('.'), out int mo)) return false;
            int d = Int(g["dd"].Value), y = Int(g["dy"].Value);
            if (!ValidDay(y, mo, d)) return false;
            date = new PartialDate(y, mo, d);
            return true;
        }
        if (g["mm"].Success)
        {
            if (!words.TryMonth(g["mm"].Value.TrimEnd('.'), out int mo)) return false;
            int y = Int(g["my"].Value);
            if (g["md"].Success)
            {
                int d = Int(g["md"].Value);
                if (!ValidDay(y, mo, d)) return false;
                date = new PartialDate(y, mo, d);
            }
            else date = new PartialDate(y, mo);
            return true;
        }
        return false;
    }

    /// <summary>Rejects dates before the web's news or malformed ones; the future is checked by the caller.</summary>
    public static bool Plausible(PartialDate d) => d.Year >= MinYear && d.Year <= 2100;

    private static bool ValidDay(int y, int m, int d) => y is >= MinYear and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static bool TryOffset(string zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone is "Z" or "z") return true;
        var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
        if (digits.Length != 4 || !int.TryParse(digits.AsSpan(0, 2), out int h) || !int.TryParse(digits.AsSpan(2, 2), out int mi) || h > 14 || mi > 59) return false;
        offset = new TimeSpan(h, mi, 0) * (zone[0] == '-' ? -1 : 1);
        return true;
    }

    [GeneratedRegex(@"^([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?:[T ]+([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:[.,][0-9]+)?)?\s*(Z|[+-][0-9]{2}:?[0-9]{2})?)?", RegexOptions.CultureInvariant)]
    private static partial Regex IsoLike();

    [GeneratedRegex(@"(?<![0-9])((?:19|20)[0-9]{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12][0-9]|3[01])(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDay();

    [GeneratedRegex(@"(?<![0-9])(?:1[89]|20)[0-9]{2}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex YearLike();

    [GeneratedRegex(@"/((?:19|20)[0-9]{2})/(0?[1-9]|1[0-2])/", RegexOptions.CultureInvariant)]
    private static partial Regex UrlMonth();

    [GeneratedRegex(@"(?<![\p{L}0-9])(?:(?<iy>(?:19|20)[0-9]{2})-(?<im>[0-9]{1,2})-(?<id>[0-9]{1,2})|(?<ea>[0-9]{1,2})(?<sep>[./])\s?(?<eb>[0-9]{1,2})\k<sep>\s?(?<ey>(?:19|20)[0-9]{2})|(?<dd>[0-9]{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(?<dm>\p{L}{3,12}\.?),?\s+(?:de\s+)?(?<dy>(?:19|20)[0-9]{2})|(?<mm>\p{L}{3,12}\.?)\s+(?:(?<md>[0-9]{1,2})(?:st|nd|rd|th)?,?\s+)?(?<my>(?:19|20)[0-9]{2}))(?![\p{L}0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex TextDate();
}
