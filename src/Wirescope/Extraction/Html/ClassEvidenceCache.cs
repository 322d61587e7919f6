using System.Collections.Concurrent;

namespace Wirescope.Extraction.Html;

/// <summary>What an element's class, id and itemprop say: the class-word verdict, and whether the names call it a byline or a date.</summary>
public readonly record struct ClassEvidence(ClassVerdict Verdict, bool Byline, bool Date);

/// <summary>
/// <see cref="ClassEvidence"/> worked out once per distinct (class, id, itemprop) and shared by
/// every page and thread: a page repeats a few dozen class strings over thousands of elements,
/// and a site repeats them over its pages. Bounded: past <see cref="MaxEntries"/> it starts
/// afresh, so a long batch of ever-new class names keeps memory flat.
/// </summary>
public sealed class ClassEvidenceCache(ClassWordTable words)
{
    public const int MaxEntries = 1 << 15;

    private ConcurrentDictionary<(string?, string?, string?), ClassEvidence> _map = new();
    private int _count;

    public ClassEvidence Get(string? cls, string? id, string? prop)
    {
        if (cls is null && id is null && prop is null) return default;
        var key = (cls, id, prop);
        var map = _map;
        if (map.TryGetValue(key, out var e)) return e;
        e = Evaluate(cls, id, prop);
        if (map.TryAdd(key, e) && Interlocked.Increment(ref _count) > MaxEntries)
        {
            _map = new();
            _count = 0;
        }
        return e;
    }

    private ClassEvidence Evaluate(string? cls, string? id, string? prop)
    {
        var verdict = words.Evaluate($"{cls} {id} {prop}");
        if (cls is null && id is null) return new ClassEvidence(verdict, false, false);
        // The words have no space, so searching "class id" is searching each name.
        bool byline = Names(cls, id, "byline") || Names(cls, id, "author") || Names(cls, id, "writer");
        bool date = Names(cls, id, "date") || Names(cls, id, "time") || Names(cls, id, "publish")
            || Names(cls, id, "posted") || Names(cls, id, "meta") || Names(cls, id, "byline");
        return new ClassEvidence(verdict, byline, date);
    }

    private static bool Names(string? cls, string? id, string word) =>
        cls is not null && cls.Contains(word, StringComparison.OrdinalIgnoreCase)
        || id is not null && id.Contains(word, StringComparison.OrdinalIgnoreCase);
}
