using Wirescope.Language.Conllu;

namespace Wirescope.Actors.Coreference.Evaluation;

/// <summary>How a gold mention refers, by the part of speech of its head word.</summary>
public enum GoldKind : byte { Name, Nominal, Pronoun, Other }

/// <summary>
/// One gold mention of GUM's entity layer: its cluster (entity), GUM entity type, word range
/// and head word (document-wide word indices), whether it is a name in the sense of the
/// gum-ner derivation (head PROPN, or a PROPN apposition inside it) and its kind.
/// </summary>
public sealed record GoldMention(int Cluster, string EntityType, int First, int Last, int Head, bool Named, GoldKind Kind, string HeadForm);

/// <summary>
/// Reads GUM's gold coreference from the <c>Entity=</c> brackets in MISC of UD_English-GUM
/// (<c>(ID-etype-infstat-...</c> opens a mention, <c>ID)</c> closes it; a single-word mention
/// is <c>(ID-...)</c>). Heads are found with the gold tree, so read the sentences before
/// any annotator overwrites their columns.
/// </summary>
public static class GumCoreference
{
    /// <summary>GUM's types for the named entities the coreference pass links to.</summary>
    public static bool IsTargetType(string etype) => etype is "person" or "place" or "organization";

    /// <summary>The gold mentions of one document (its sentences in order).</summary>
    public static List<GoldMention> Read(IReadOnlyList<ConlluSentence> sentences)
    {
        var result = new List<GoldMention>();
        var clusters = new Dictionary<string, int>(StringComparer.Ordinal);
        var offset = 0;
        foreach (var s in sentences)
        {
            var open = new List<(string Id, string Type, int First)>();
            for (var w = 0; w < s.Words.Count; w++)
            {
                var value = s.Words[w].MiscValue("Entity");
                if (value is null) continue;
                var pos = 0;
                while (pos < value.Length)
                {
                    if (value[pos] == '(')
                    {
                        var end = pos + 1;
                        while (end < value.Length && value[end] != ')' && value[end] != '(') end++;
                        var body = value[(pos + 1)..end];
                        var parts = body.Split('-');
                        var id = parts[0];
                        var type = parts.Length > 1 ? parts[1] : "";
                        if (end < value.Length && value[end] == ')')
                        {
                            result.Add(Make(s, offset, clusters, id, type, w, w));
                            pos = end + 1;
                        }
                        else
                        {
                            open.Add((id, type, w));
                            pos = end;
                        }
                    }
                    else
                    {
                        var end = value.IndexOf(')', pos);
                        if (end < 0) break;
                        var id = value[pos..end];
                        for (var k = open.Count - 1; k >= 0; k--)
                            if (open[k].Id == id)
                            {
                                result.Add(Make(s, offset, clusters, id, open[k].Type, open[k].First, w));
                                open.RemoveAt(k);
                                break;
                            }
                        pos = end + 1;
                    }
                }
            }
            offset += s.Words.Count;
        }
        return result;
    }

    private static GoldMention Make(ConlluSentence s, int offset, Dictionary<string, int> clusters, string id, string type, int first, int last)
    {
        if (!clusters.TryGetValue(id, out var cluster)) clusters[id] = cluster = clusters.Count;
        var head = last;
        for (var w = first; w <= last; w++)
        {
            var h = s.Words[w].Head - 1;
            if (h < first || h > last) { head = w; break; }
        }
        var upos = s.Words[head].Upos;
        var named = upos == "PROPN";
        for (var w = first; w <= last && !named; w++)
            if (s.Words[w].Head - 1 == head && s.Words[w].Deprel == "appos" && s.Words[w].Upos == "PROPN") named = true;
        var kind = upos switch
        {
            "PROPN" => GoldKind.Name,
            "NOUN" => GoldKind.Nominal,
            "PRON" => GoldKind.Pronoun,
            _ => GoldKind.Other,
        };
        return new GoldMention(cluster, type, offset + first, offset + last, offset + head, named, kind, s.Words[head].Form);
    }
}
