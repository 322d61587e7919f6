namespace Wirescope.Language.Morphology;

/// <summary>
/// The process-wide table of FEATS strings ("Number=Sing", "Mood=Ind|Tense=Past|VerbForm=Fin"):
/// a token keeps a 16-bit id into it instead of a string (spaCy's StringStore idea). Id 0 is
/// "_" (no features, or not predicted). Append-only: a model interns its few hundred strings
/// once when it loads; reading a name never locks.
/// </summary>
public static class FeatsTable
{
    public const ushort None = 0;
    public const string Empty = "_";

    private static readonly object Gate = new();
    private static readonly Dictionary<string, ushort> Ids = new(StringComparer.Ordinal) { [Empty] = None };
    // Replaced (never mutated past Count) when it grows, so readers see a consistent array.
    private static volatile string[] _names = [Empty];

    /// <summary>The id of a FEATS string, adding it when new; 0 for "_", empty or a full table.</summary>
    public static ushort Intern(string feats)
    {
        if (string.IsNullOrEmpty(feats) || feats == Empty) return None;
        lock (Gate)
        {
            if (Ids.TryGetValue(feats, out var id)) return id;
            if (Ids.Count > ushort.MaxValue) return None;
            id = (ushort)Ids.Count;
            var grown = new string[id + 1];
            _names.CopyTo(grown, 0);
            grown[id] = string.Intern(feats);
            Ids[feats] = id;
            _names = grown;
            return id;
        }
    }

    /// <summary>The FEATS string of an id ("_" for 0 or an id never handed out).</summary>
    public static string Name(ushort id)
    {
        var names = _names;
        return id < names.Length ? names[id] : Empty;
    }
}
