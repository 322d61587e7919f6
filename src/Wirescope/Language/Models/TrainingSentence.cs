using Wirescope.Language.Conllu;

namespace Wirescope.Language.Models;

/// <summary>
/// A gold sentence prepared for training: the forms joined into one string (words as spans,
/// as the pipeline sees them) and the gold annotation as parallel arrays.
/// </summary>
public sealed class TrainingSentence
{
    public required string Text { get; init; }
    public required int[] Starts { get; init; }
    public required int[] Ends { get; init; }
    public required string[] Upos { get; init; }
    public required string[] Xpos { get; init; }
    public required string[] Lemmas { get; init; }
    /// <summary>1-based heads (0 = root), as in CoNLL-U.</summary>
    public required int[] Heads { get; init; }
    public required string[] Deprels { get; init; }
    /// <summary>Gold FEATS ("_" when none); null for sentences built without them (the mirror).</summary>
    public string[]? Feats { get; init; }

    public int Count => Starts.Length;

    /// <summary>The sentence read backwards: word i becomes word n-1-i, heads renumbered (root stays 0).</summary>
    public TrainingSentence Mirrored()
    {
        int n = Count;
        return new TrainingSentence
        {
            Text = Text,
            Starts = Enumerable.Reverse(Starts).ToArray(),
            Ends = Enumerable.Reverse(Ends).ToArray(),
            Upos = Enumerable.Reverse(Upos).ToArray(),
            Xpos = Enumerable.Reverse(Xpos).ToArray(),
            Lemmas = Enumerable.Reverse(Lemmas).ToArray(),
            Heads = Enumerable.Reverse(Heads).Select(h => h <= 0 || h > n ? h : n + 1 - h).ToArray(),
            Deprels = Enumerable.Reverse(Deprels).ToArray(),
        };
    }
    public string Form(int i) => Text.Substring(Starts[i], Ends[i] - Starts[i]);

    /// <summary>The words joined by single spaces, with each word's span: what the analyzer reads.</summary>
    public static string JoinForms(ConlluSentence s, out int[] starts, out int[] ends)
    {
        int n = s.Words.Count;
        starts = new int[n];
        ends = new int[n];
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < n; i++)
        {
            if (i > 0) sb.Append(' ');
            starts[i] = sb.Length;
            sb.Append(s.Words[i].Form);
            ends[i] = sb.Length;
        }
        return sb.ToString();
    }

    public static TrainingSentence From(ConlluSentence s)
    {
        var text = JoinForms(s, out var starts, out var ends);
        return new TrainingSentence
        {
            Text = text, Starts = starts, Ends = ends,
            Upos = s.Words.Select(w => w.Upos).ToArray(),
            Xpos = s.Words.Select(w => w.Xpos).ToArray(),
            Lemmas = s.Words.Select(w => w.Lemma).ToArray(),
            Heads = s.Words.Select(w => w.Head).ToArray(),
            Deprels = s.Words.Select(w => w.Deprel).ToArray(),
            Feats = s.Words.Select(w => w.Feats).ToArray(),
        };
    }

    public static List<TrainingSentence> Load(IEnumerable<string> paths)
    {
        var list = new List<TrainingSentence>();
        foreach (var p in paths)
            foreach (var s in ConlluReader.ReadFile(p))
                if (s.Words.Count > 0) list.Add(From(s));
        return list;
    }
}
