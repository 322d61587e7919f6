using System.Globalization;
using System.Text;
using Wirescope.Documents;

namespace Wirescope.Actors.Coreference.Evaluation;

/// <summary>Counts for one kind of link (pronoun or nominal), summed over documents.</summary>
public sealed class LinkCounts
{
    /// <summary>Links the pass made (relative pronouns excluded: GUM does not mark them as mentions).</summary>
    public int Predicted;
    /// <summary>Links whose word heads a gold mention of the cluster of one of the entity's names.</summary>
    public int Correct;
    /// <summary>Gold mentions of this kind whose cluster holds a named person, place or organization.</summary>
    public int Gold;
    /// <summary>Gold mentions linked to an entity holding the cluster's name.</summary>
    public int Found;
    /// <summary>Gold mentions whose cluster's name the NER found (the most recall can reach).</summary>
    public int NameFound;

    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)Found / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"P {100 * Precision:F1} ({Correct}/{Predicted})  R {100 * Recall:F1} ({Found}/{Gold})  F1 {100 * F1:F1}  [names found for {NameFound}/{Gold}; R given the name {(NameFound == 0 ? 0 : 100.0 * Found / NameFound):F1}]");
}

/// <summary>
/// Scores the nominal and pronoun mentions of a document's entities against GUM's gold
/// coreference: for each gold pronoun or nominal mention whose gold cluster contains a named
/// mention of a person, place or organization, was it linked to the entity holding that name?
/// Mentions are matched by their head word (a pronoun is its word; a nominal's span ends at
/// its head); an entity holds a gold cluster when one of its name mentions covers the head of
/// a named gold mention of that cluster. Pronoun targets are the third-person forms of
/// pronouns.tsv (I/we/you are left to the quote layer and not scored).
/// </summary>
public sealed class MentionEvaluation(MentionTables tables)
{
    public LinkCounts Pronouns { get; } = new();
    public LinkCounts Nominals { get; } = new();
    /// <summary>Per rule: links made and links correct.</summary>
    public SortedDictionary<string, (int Predicted, int Correct)> Rules { get; } = new(StringComparer.Ordinal);
    /// <summary>Wrong and missed links, for reading (filled when <see cref="KeepErrors"/> is set).</summary>
    public List<string> Errors { get; } = new();
    public bool KeepErrors { get; init; }

    /// <summary>Adds one document: the analysed Document (tokens = the gold words, in order) and its gold mentions.</summary>
    public void Add(Document doc, IReadOnlyList<GoldMention> gold)
    {
        var text = doc.Article?.Text ?? "";
        var byHead = new Dictionary<int, List<GoldMention>>();
        var namedClusters = new HashSet<int>();
        foreach (var g in gold)
        {
            if (!byHead.TryGetValue(g.Head, out var list)) byHead[g.Head] = list = new List<GoldMention>();
            list.Add(g);
            if (g.Named && GumCoreference.IsTargetType(g.EntityType)) namedClusters.Add(g.Cluster);
        }

        // Which gold clusters each entity holds, through its name mentions.
        var held = new HashSet<int>[doc.Entities.Count];
        var predicted = new Dictionary<(int Head, MentionKind Kind), int>();
        for (var e = 0; e < doc.Entities.Count; e++)
        {
            held[e] = new HashSet<int>();
            foreach (var m in doc.Entities[e].Mentions)
            {
                if (m.FirstToken < 0) continue;
                if (m.Kind == MentionKind.Name)
                {
                    for (var t = m.FirstToken; t < m.FirstToken + m.TokenCount; t++)
                        if (byHead.TryGetValue(t, out var gs))
                            foreach (var g in gs)
                                if (g.Named && namedClusters.Contains(g.Cluster)) held[e].Add(g.Cluster);
                }
                else if (!CorefRules.IsRelative(m.Rule)) predicted[(m.FirstToken + m.TokenCount - 1, m.Kind)] = e;
            }
        }

        foreach (var ((head, kind), e) in predicted)
        {
            var counts = kind == MentionKind.Pronoun ? Pronouns : Nominals;
            counts.Predicted++;
            var rule = doc.Entities[e].Mentions.First(m => m.Kind == kind && m.FirstToken + m.TokenCount - 1 == head).Rule ?? "?";
            var ok = byHead.TryGetValue(head, out var gs) && gs.Any(g => held[e].Contains(g.Cluster));
            if (ok) counts.Correct++;
            var r = Rules.GetValueOrDefault(rule);
            Rules[rule] = (r.Predicted + 1, r.Correct + (ok ? 1 : 0));
            if (kind == MentionKind.Pronoun)
            {
                // Per form too: "it" and "they" behave unlike "he" and "she".
                var key = "  " + text.Substring(doc.Tokens[head].Start, doc.Tokens[head].End - doc.Tokens[head].Start).ToLowerInvariant();
                var f = Rules.GetValueOrDefault(key);
                Rules[key] = (f.Predicted + 1, f.Correct + (ok ? 1 : 0));
            }
            if (!ok && KeepErrors) Errors.Add($"{doc.Id}\tFP\t{rule}\t{Context(doc, text, head)}\t-> {doc.Entities[e].Name}\tgold: {(gs is null ? "no mention" : string.Join(",", gs.Select(g => g.EntityType + (namedClusters.Contains(g.Cluster) ? "/named" : ""))))}");
        }

        foreach (var g in gold)
        {
            if (g.Named || !namedClusters.Contains(g.Cluster)) continue;
            LinkCounts counts;
            MentionKind kind;
            if (g.Kind == GoldKind.Pronoun && tables.Pronouns.ContainsKey(g.HeadForm)) { counts = Pronouns; kind = MentionKind.Pronoun; }
            else if (g.Kind == GoldKind.Nominal) { counts = Nominals; kind = MentionKind.Nominal; }
            else continue;
            counts.Gold++;
            if (held.Any(h => h.Contains(g.Cluster))) counts.NameFound++;
            if (predicted.TryGetValue((g.Head, kind), out var e) && held[e].Contains(g.Cluster)) counts.Found++;
            else if (KeepErrors && held.Any(h => h.Contains(g.Cluster)))
                Errors.Add($"{doc.Id}\tFN\t{kind}\t{Context(doc, text, g.Head)}\tgold entity {NameOf(doc, held, g.Cluster)}{(predicted.TryGetValue((g.Head, kind), out var w) ? " (linked to " + doc.Entities[w].Name + ")" : "")}");
        }
    }

    private static string NameOf(Document doc, HashSet<int>[] held, int cluster)
    {
        for (var e = 0; e < held.Length; e++)
            if (held[e].Contains(cluster)) return doc.Entities[e].Name;
        return "?";
    }

    private static string Context(Document doc, string text, int token)
    {
        var sentence = doc.Sentences[doc.Tokens[token].Sentence];
        var sb = new StringBuilder();
        var start = Math.Max(sentence.Start, doc.Tokens[token].Start - 80);
        sb.Append(text.AsSpan(start, doc.Tokens[token].Start - start)).Append("[[").Append(text.AsSpan(doc.Tokens[token].Start, doc.Tokens[token].End - doc.Tokens[token].Start)).Append("]]");
        var end = Math.Min(sentence.End, doc.Tokens[token].End + 40);
        if (end > doc.Tokens[token].End) sb.Append(text.AsSpan(doc.Tokens[token].End, end - doc.Tokens[token].End));
        return sb.ToString().Replace('\n', ' ').Replace('\t', ' ');
    }
}
