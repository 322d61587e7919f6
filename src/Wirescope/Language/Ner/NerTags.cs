namespace Wirescope.Language.Ner;

/// <summary>
/// The model's label set: O plus BILOU over the entity types it learns. BILOU (rather than
/// BIO) lets the model score the last and the only word of a name on their own, which helps
/// one-word names ("Putin", "NATO") that dominate news text. Label 0 is O; type t has labels
/// 1 + 4t + {B, I, L, U}.
/// </summary>
public sealed class NerTags
{
    /// <summary>Position of a word in a BILOU span.</summary>
    public enum Part : byte { B = 0, I = 1, L = 2, U = 3 }

    private readonly string[] _types;

    public NerTags(IReadOnlyList<string> types)
    {
        if (types.Count == 0) throw new ArgumentException("at least one entity type is needed", nameof(types));
        _types = types.ToArray();
    }

    /// <summary>The types the GUM-trained model learns (OntoNotes names).</summary>
    public static readonly string[] DefaultTypes = ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"];

    public IReadOnlyList<string> Types => _types;

    /// <summary>Number of labels: O + 4 per type.</summary>
    public int Count => 1 + 4 * _types.Length;

    public static int Label(int type, Part part) => 1 + 4 * type + (int)part;
    public static int TypeOf(int label) => (label - 1) >> 2;
    public static Part PartOf(int label) => (Part)((label - 1) & 3);

    public int TypeIndex(string type) => Array.IndexOf(_types, type);


    /// <summary>Whether <paramref name="next"/> may follow <paramref name="prev"/> (-1 = sentence start).</summary>
    public static bool Allowed(int prev, int next)
    {
        var prevOpen = prev > 0 && PartOf(prev) is Part.B or Part.I;
        if (prevOpen)
            return next > 0 && TypeOf(next) == TypeOf(prev) && PartOf(next) is Part.I or Part.L;
        return next == 0 || PartOf(next) is Part.B or Part.U;
    }

    /// <summary>Whether a sentence may end on this label.</summary>
    public static bool AllowedLast(int label) => label == 0 || PartOf(label) is Part.L or Part.U;

    /// <summary>
    /// BIO tags (B-X, I-X, O; unknown types become O) to BILOU label ids. An I-X that does not
    /// continue an X span starts one, as the shared scorer reads it.
    /// </summary>
    public void FromBio(IReadOnlyList<string> bio, Span<int> labels)
    {
        var n = bio.Count;
        Span<int> types = n <= 512 ? stackalloc int[n] : new int[n];
        Span<bool> begins = n <= 512 ? stackalloc bool[n] : new bool[n];
        for (var i = 0; i < n; i++)
        {
            var tag = bio[i];
            var t = tag.Length > 2 && tag[1] == '-' ? TypeIndex(tag[2..]) : -1;
            types[i] = t;
            begins[i] = t >= 0 && (tag[0] == 'B' || i == 0 || types[i - 1] != t);
        }
        for (var i = 0; i < n; i++)
        {
            var t = types[i];
            if (t < 0) { labels[i] = 0; continue; }
            var continues = i + 1 < n && types[i + 1] == t && !begins[i + 1];
            labels[i] = begins[i]
                ? Label(t, continues ? Part.B : Part.U)
                : Label(t, continues ? Part.I : Part.L);
        }
    }
}
