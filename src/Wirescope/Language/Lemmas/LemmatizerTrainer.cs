using Wirescope.Language.Models;

namespace Wirescope.Language.Lemmas;

/// <summary>
/// Builds the lemmatizer from gold (form, XPOS, lemma) triples: suffix rules first, then
/// the forms whose gold lemma the rules miss become exceptions. Deterministic (ordinal sorts).
/// </summary>
public static class LemmatizerTrainer
{
    /// <summary>A suffix rule needs this many supporting words (fewer is noise).</summary>
    private const int MinRuleSupport = 2;

    public static Lemmatizer Train(IReadOnlyList<TrainingSentence> data)
    {
        // Count transforms per (xpos, suffix).
        var counts = new Dictionary<(ulong, ulong), Dictionary<(int, string), int>>();
        var triples = new Dictionary<(string Form, string Xpos), Dictionary<string, int>>();
        foreach (var s in data)
            for (int i = 0; i < s.Count; i++)
            {
                var form = s.Form(i);
                var lemma = s.Lemmas[i];
                var xpos = s.Xpos[i];
                if (lemma == "_" || form.Length == 0) continue;
                var key = (form, xpos);
                if (!triples.TryGetValue(key, out var lc)) triples[key] = lc = new Dictionary<string, int>(StringComparer.Ordinal);
                lc[lemma] = lc.GetValueOrDefault(lemma) + 1;

                var lf = form.ToLowerInvariant();
                var ll = lemma.ToLowerInvariant();
                int p = 0;
                while (p < lf.Length && p < ll.Length && lf[p] == ll[p]) p++;
                var transform = (lf.Length - p, ll[p..]);
                ulong xh = FeatureHash.Of(xpos);
                for (int len = 0; len <= Math.Min(Lemmatizer.MaxSuffix, form.Length); len++)
                {
                    var k = (xh, Lemmatizer.SuffixKey(form, len));
                    if (!counts.TryGetValue(k, out var c)) counts[k] = c = new Dictionary<(int, string), int>();
                    c[transform] = c.GetValueOrDefault(transform) + 1;
                }
            }
        var rules = new Dictionary<(ulong, ulong), Lemmatizer.Rule>();
        foreach (var (k, c) in counts)
        {
            var best = c.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2, StringComparer.Ordinal).First();
            if (best.Value < MinRuleSupport) continue;
            rules[k] = new Lemmatizer.Rule(best.Key.Item1, best.Key.Item2);
        }
        // Every lemma seen of a word that is not a name, lower-cased and sorted (the rules' backoff
        // checks against them; names would make "li" of "lied" or "revell" of "revelled" look like words).
        var lemmaWords = triples.Where(p => !Lemmatizer.KeepsCase(p.Key.Xpos)).SelectMany(p => p.Value.Keys).Select(l => l.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var lem = new Lemmatizer(new Dictionary<(ulong, ulong), string>(), rules, lemmaWords);
        var exceptions = new Dictionary<(ulong, ulong), string>();
        foreach (var ((form, xpos), lc) in triples.OrderBy(p => p.Key.Form, StringComparer.Ordinal).ThenBy(p => p.Key.Xpos, StringComparer.Ordinal))
        {
            var lemma = lc.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
            if (lem.ApplyRules(form, xpos, FeatureHash.Of(xpos)) != lemma)
                exceptions[(FeatureHash.Exact(form), FeatureHash.Of(xpos))] = lemma;
        }
        return new Lemmatizer(exceptions, rules, lemmaWords);
    }
}
