using System.Text;
using Wirescope.Documents;

namespace Wirescope.Language.Ner;

/// <summary>
/// Groups name mentions into entities (E1, E2, ... in order of first mention): the same
/// written name; aliases with one canonical name in the gazetteer ("U.S." and "United
/// States"); a person's first or last name after the full name ("Putin" → "Vladimir
/// Putin", the nearest earlier full name, else the first later one); an acronym of a longer
/// name ("KCNA" → "Korean Central News Agency"). The entity's name is its longest mention.
/// </summary>
internal static class NerEntityBuilder
{
    private sealed class Cluster
    {
        public required string Type;
        public readonly List<int> Spans = new();
        public int FirstToken = int.MaxValue;
        public bool FromModel;
        public string? Rule;
    }

    public static void Build(Document doc, List<NerSpan> spans, Gazetteer gazetteer)
    {
        doc.Entities.Clear();
        if (spans.Count == 0) return;
        var text = doc.Article?.Text ?? "";
        var tokens = doc.Tokens;
        var texts = new string[spans.Count];
        var words = new string[spans.Count][];
        for (var i = 0; i < spans.Count; i++)
        {
            words[i] = new string[spans[i].Count];
            for (var k = 0; k < spans[i].Count; k++) words[i][k] = tokens.FormOf(spans[i].First + k, text).ToString();
            texts[i] = MentionText(doc, spans[i], words[i]);
        }

        var clusters = new List<Cluster>();
        var byName = new Dictionary<(string Type, string Name), Cluster>();
        // Longest mentions first, so full names exist before their parts look for them.
        var order = Enumerable.Range(0, spans.Count).OrderByDescending(i => spans[i].Count).ThenBy(i => spans[i].First).ToArray();
        foreach (var i in order)
        {
            var span = spans[i];
            var canonical = Canonical(gazetteer, words[i]) ?? texts[i];
            var cluster = byName.GetValueOrDefault((span.Type, canonical))
                ?? FindPart(clusters, spans, words, i)
                ?? FindAcronym(clusters, spans, words, i);
            if (cluster is null)
            {
                cluster = new Cluster { Type = span.Type };
                clusters.Add(cluster);
            }
            byName.TryAdd((span.Type, canonical), cluster);
            cluster.Spans.Add(i);
            cluster.FirstToken = Math.Min(cluster.FirstToken, span.First);
            if (span.Rule is NerSpan.ModelRule or NerSpan.ConsistencyRule) cluster.FromModel = true;
            else cluster.Rule ??= span.Rule;
        }

        clusters.Sort((a, b) => a.FirstToken.CompareTo(b.FirstToken));
        var id = 0;
        foreach (var c in clusters)
        {
            c.Spans.Sort((a, b) => spans[a].First.CompareTo(spans[b].First));
            var name = c.Spans.Select(i => texts[i]).Aggregate((a, b) => b.Length > a.Length ? b : a);
            var entity = new Entity
            {
                Id = "E" + (++id).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Type = c.Type,
                Name = name,
                Rule = c.FromModel ? NerSpan.ModelRule : c.Rule,
            };
            foreach (var i in c.Spans)
            {
                var span = spans[i];
                var start = tokens[span.First].Start;
                var end = tokens[span.End - 1].End;
                entity.Mentions.Add(new Mention(start, end, texts[i], MentionKind.Name, span.First, span.Count, span.Rule));
            }
            doc.Entities.Add(entity);
        }
    }

    /// <summary>The mention as written in the article when offsets are valid; else its words joined.</summary>
    private static string MentionText(Document doc, NerSpan span, string[] words)
    {
        var text = doc.Article?.Text;
        var start = doc.Tokens[span.First].Start;
        var end = doc.Tokens[span.End - 1].End;
        if (text is not null && start >= 0 && end <= text.Length && end > start) return text[start..end];
        var sb = new StringBuilder();
        for (var k = 0; k < words.Length; k++)
        {
            if (k > 0 && doc.Tokens[span.First + k - 1].SpaceAfter) sb.Append(' ');
            sb.Append(words[k]);
        }
        return sb.ToString();
    }

    private static string? Canonical(Gazetteer gazetteer, string[] words) =>
        gazetteer.TryCanonical(Gazetteer.KeyOf(words), out var name) ? name : null;

    /// <summary>
    /// A one- or two-word PERSON mention that is the start or the end of a longer person's name;
    /// also a storm's bare name that a cue found ("Yaku" of "Cyclone Yaku").
    /// </summary>
    private static Cluster? FindPart(List<Cluster> clusters, List<NerSpan> spans, string[][] words, int i)
    {
        var span = spans[i];
        if (span.Count > 2 || !(span.Type == "PERSON" || (span.Type == "EVENT" && NerSpanCues.IsCueRule(span.Rule)))) return null;
        Cluster? before = null, after = null;
        int beforeAt = -1, afterAt = int.MaxValue;
        foreach (var c in clusters)
        {
            if (c.Type != span.Type) continue;
            foreach (var j in c.Spans)
            {
                if (spans[j].Count <= span.Count || !IsPart(words[i], words[j])) continue;
                var at = spans[j].First;
                if (at < span.First && at > beforeAt) { before = c; beforeAt = at; }
                else if (at > span.First && at < afterAt) { after = c; afterAt = at; }
            }
        }
        return before ?? after;
    }

    private static bool IsPart(string[] part, string[] whole)
    {
        bool Match(int offset)
        {
            for (var k = 0; k < part.Length; k++)
                if (!string.Equals(part[k], whole[offset + k], StringComparison.Ordinal)) return false;
            return true;
        }
        return Match(0) || Match(whole.Length - part.Length);
    }

    /// <summary>A one-word all-capitals mention that spells the initials of a longer ORG, GPE or FAC name.</summary>
    private static Cluster? FindAcronym(List<Cluster> clusters, List<NerSpan> spans, string[][] words, int i)
    {
        if (words[i].Length != 1) return null;
        var acronym = words[i][0].Replace(".", "", StringComparison.Ordinal);
        if (acronym.Length < 2 || !acronym.All(char.IsUpper)) return null;
        foreach (var c in clusters)
        {
            if (c.Type is not ("ORG" or "GPE" or "FAC")) continue;
            foreach (var j in c.Spans)
            {
                if (spans[j].Count < 2) continue;
                var initials = new StringBuilder();
                foreach (var w in words[j])
                    if (w.Length > 0 && char.IsUpper(w[0])) initials.Append(w[0]);
                if (initials.ToString() == acronym) return c;
            }
        }
        return null;
    }
}
