namespace Wirescope.Language.Conllu;

/// <summary>
/// One CoNLL-U sentence: its comment lines, its syntactic words (10 columns each) and the
/// lines that are not syntactic words (multiword-token ranges "3-4", empty nodes "8.1"),
/// which are kept verbatim so that output round-trips.
/// </summary>
public sealed class ConlluSentence
{
    public List<string> Comments { get; } = new();
    public List<ConlluWord> Words { get; } = new();

    /// <summary>Lines that are not words, each with the index of the word it precedes.</summary>
    public List<(int BeforeWord, string Line)> ExtraLines { get; } = new();

    /// <summary>The multiword-token ranges (first and last word index, 0-based) with their surface form.</summary>
    public IEnumerable<(int First, int Last, string Form)> MultiwordTokens()
    {
        foreach (var (before, line) in ExtraLines)
        {
            int tab = line.IndexOf('\t');
            if (tab < 0) continue;
            var id = line.AsSpan(0, tab);
            int dash = id.IndexOf('-');
            if (dash < 0) continue;
            if (!int.TryParse(id[..dash], out var a) || !int.TryParse(id[(dash + 1)..], out var b)) continue;
            var rest = line.AsSpan(tab + 1);
            int tab2 = rest.IndexOf('\t');
            yield return (a - 1, b - 1, (tab2 < 0 ? rest : rest[..tab2]).ToString());
            _ = before;
        }
    }

    /// <summary>The text of the sentence from "# text =", or null.</summary>
    public string? Text
    {
        get
        {
            foreach (var c in Comments)
                if (c.StartsWith("# text = ", StringComparison.Ordinal)) return c[9..];
            return null;
        }
    }
}

/// <summary>A syntactic word: the ten CoNLL-U columns ("_" for empty).</summary>
public sealed class ConlluWord
{
    public string Form = "_";
    public string Lemma = "_";
    public string Upos = "_";
    public string Xpos = "_";
    public string Feats = "_";
    /// <summary>1-based head word index; 0 for root; -1 when unknown ("_").</summary>
    public int Head = -1;
    public string Deprel = "_";
    public string Deps = "_";
    public string Misc = "_";

    /// <summary>Value of a MISC key (e.g. "NER"), or null.</summary>
    public string? MiscValue(string key)
    {
        if (Misc == "_") return null;
        foreach (var part in Misc.Split('|'))
            if (part.Length > key.Length && part.StartsWith(key, StringComparison.Ordinal) && part[key.Length] == '=')
                return part[(key.Length + 1)..];
        return null;
    }

    /// <summary>Sets (or with null removes) a MISC key, keeping the other keys in order.</summary>
    public void SetMisc(string key, string? value)
    {
        var parts = Misc == "_" ? new List<string>() : Misc.Split('|').ToList();
        int at = parts.FindIndex(p => p.StartsWith(key + "=", StringComparison.Ordinal));
        if (value is null) { if (at >= 0) parts.RemoveAt(at); }
        else if (at >= 0) parts[at] = key + "=" + value;
        else parts.Add(key + "=" + value);
        Misc = parts.Count == 0 ? "_" : string.Join('|', parts);
    }
}
