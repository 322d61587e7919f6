using System.Globalization;

namespace Wirescope.Documents;

/// <summary>How much of a date is known.</summary>
public enum DatePrecision : byte { Year, Month, Day, Time }

/// <summary>
/// A date that keeps its precision: "2019", "2019-04", "2019-04-26" or a full timestamp with
/// its zone ("2019-04-26T10:05:00+09:00"). Never shifted into local time.
/// </summary>
public readonly record struct PartialDate
{
    public PartialDate(int year, int month = 0, int day = 0)
    {
        Year = year;
        Month = month;
        Day = day;
        Precision = day > 0 ? DatePrecision.Day : month > 0 ? DatePrecision.Month : DatePrecision.Year;
    }

    public PartialDate(DateTimeOffset timestamp, bool hasOffset = true)
    {
        Year = timestamp.Year;
        Month = timestamp.Month;
        Day = timestamp.Day;
        Timestamp = timestamp;
        HasOffset = hasOffset;
        Precision = DatePrecision.Time;
    }

    public int Year { get; }
    public int Month { get; }
    public int Day { get; }
    public DatePrecision Precision { get; }
    /// <summary>Set when <see cref="Precision"/> is Time.</summary>
    public DateTimeOffset? Timestamp { get; }
    /// <summary>False when the source gave a time with no zone (written without one).</summary>
    public bool HasOffset { get; }

    /// <summary>The first instant the date can mean, for comparisons (UTC for day and coarser).</summary>
    public DateTimeOffset Earliest => Timestamp
        ?? new DateTimeOffset(Year, Math.Max(Month, 1), Math.Max(Day, 1), 0, 0, 0, TimeSpan.Zero);

    /// <summary>The date part, when the day is known.</summary>
    public DateOnly? Date => Day > 0 ? new DateOnly(Year, Month, Day) : null;

    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => $"{Year:D4}-{Month:D2}",
        DatePrecision.Day => $"{Year:D4}-{Month:D2}-{Day:D2}",
        _ => HasOffset
            ? Timestamp!.Value.ToString(Timestamp.Value.Offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
            : Timestamp!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
    };

    /// <summary>Reads the forms <see cref="ToString"/> writes, plus ISO 8601 variants.</summary>
    public static bool TryParse(string? s, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(s)) return false;
        s = s.Trim();
        var inv = CultureInfo.InvariantCulture;
        if (s.Length == 4 && int.TryParse(s, NumberStyles.None, inv, out var y) && y is >= 1000 and <= 9999)
        {
            date = new PartialDate(y);
            return true;
        }
        if (s.Length == 7 && s[4] == '-' && int.TryParse(s.AsSpan(0, 4), NumberStyles.None, inv, out y)
            && int.TryParse(s.AsSpan(5, 2), NumberStyles.None, inv, out var m) && m is >= 1 and <= 12)
        {
            date = new PartialDate(y, m);
            return true;
        }
        if (s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", inv, DateTimeStyles.None, out var d))
        {
            date = new PartialDate(d.Year, d.Month, d.Day);
            return true;
        }
        var hasOffset = s.EndsWith('Z') || HasZone(s);
        if (DateTimeOffset.TryParse(s, inv, hasOffset ? DateTimeStyles.None : DateTimeStyles.AssumeUniversal, out var ts))
        {
            date = new PartialDate(ts, hasOffset);
            return true;
        }
        return false;
    }

    private static bool HasZone(string s)
    {
        var t = s.IndexOf('T');
        if (t < 0) t = s.IndexOf(' ');
        if (t < 0) return false;
        var tail = s.AsSpan(t);
        return tail.IndexOfAny('+', '-') >= 0;
    }
}
