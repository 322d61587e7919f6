using Wirescope.Language.Models;

namespace Wirescope.Language.Morphology;

/// <summary>
/// Builds the <see cref="FeatsModel"/> from gold (form, XPOS, tree, FEATS): the lexicon and
/// the per-XPOS lists by counting, then the averaged perceptron over the words whose list
/// holds more than one string (trained on gold tags and trees). Single-threaded, ordinal
/// sorts and a seeded shuffle: the same data and seed give the same bytes.
/// </summary>
public static class FeatsTrainer
{
    /// <summary>A word enters the lexicon when seen this often with one XPOS; rarer words are judged as unseen ones are.</summary>
    private const int MinLexiconCount = 2;
    /// <summary>A FEATS string joins a candidate list with at least this many words and this share of them (fewer: annotation noise).</summary>
    private const int MinCandidateCount = 2;
    private const double MinCandidateShare = 0.02;
    private const int MaxCandidates = 8;
    /// <summary>A word seen fewer times than this keeps its tag's candidates too.</summary>
    private const int MinTrustedCount = 20;
    /// <summary>An XPOS's list for unseen words comes from its words seen once, when it has this many; else from all its words.</summary>
    private const int MinRareWords = 20;

    /// <summary>FEATS as a model should learn them: without Typo=Yes (a misspelling is not predictable from the word's context).</summary>
    internal static string Clean(string feats)
    {
        if (string.IsNullOrEmpty(feats) || feats == "_") return "_";
        if (!feats.Contains("Typo=", StringComparison.Ordinal)) return feats;
        var kept = feats.Split('|').Where(p => !p.StartsWith("Typo=", StringComparison.Ordinal)).ToArray();
        return kept.Length == 0 ? "_" : string.Join('|', kept);
    }

    public static FeatsModel Train(IReadOnlyList<TrainingSentence> data, int iterations, int seed, TextWriter? log = null, int minUpdates = 2)
    {
        // 1. Counts per (word, XPOS) and per XPOS.
        var perWord = new Dictionary<(string Word, string Xpos), Dictionary<string, int>>();
        foreach (var s in data)
        {
            if (s.Feats is null) continue;
            for (int i = 0; i < s.Count; i++)
            {
                var key = (s.Form(i).ToLowerInvariant(), s.Xpos[i]);
                if (!perWord.TryGetValue(key, out var c)) perWord[key] = c = new Dictionary<string, int>(StringComparer.Ordinal);
                var f = Clean(s.Feats[i]);
                c[f] = c.GetValueOrDefault(f) + 1;
            }
        }
        var rare = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var all = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var ((_, xpos), c) in perWord)
        {
            bool once = c.Values.Sum() < MinLexiconCount;
            foreach (var (f, n) in c)
            {
                Add(all, xpos, f, n);
                if (once) Add(rare, xpos, f, n);
            }
        }

        // 2. Candidate lists: per XPOS for unseen words, per word where it differs.
        var lists = new List<string[]>();
        var listIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        int ListId(string[] list)
        {
            var key = string.Join('\n', list);
            if (!listIndex.TryGetValue(key, out var id)) { listIndex[key] = id = lists.Count; lists.Add(list); }
            return id;
        }
        var fallback = new List<(string Xpos, string[] List)>();
        foreach (var xpos in all.Keys.Order(StringComparer.Ordinal))
        {
            var counts = rare.TryGetValue(xpos, out var r) && r.Values.Sum() >= MinRareWords ? r : all[xpos];
            fallback.Add((xpos, Candidates(counts)));
        }
        var fallbackOf = fallback.ToDictionary(e => e.Xpos, e => e.List, StringComparer.Ordinal);
        var lexicon = new List<(string Word, string Xpos, string[] List)>();
        foreach (var ((word, xpos), c) in perWord.OrderBy(p => p.Key.Word, StringComparer.Ordinal).ThenBy(p => p.Key.Xpos, StringComparer.Ordinal))
        {
            if (c.Values.Sum() < MinLexiconCount) continue;
            var list = Candidates(c);
            // A word seen a few times has not shown every agreement its tag allows ("entered"
            // only after "he"): it may also take its tag's strings, the classifier decides.
            if (c.Values.Sum() < MinTrustedCount) list = list.Concat(fallbackOf[xpos].Except(list, StringComparer.Ordinal)).ToArray();
            // Same list as an unseen word of its tag gets: the entry would change nothing.
            if (list.SequenceEqual(fallbackOf[xpos], StringComparer.Ordinal)) continue;
            lexicon.Add((word, xpos, list));
        }

        // 3. Class indexes in ordinal order; lists as indexes.
        var classes = lexicon.SelectMany(e => e.List).Concat(fallback.SelectMany(e => e.List)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var classOf = classes.Select((c, k) => (c, k)).ToDictionary(p => p.c, p => p.k, StringComparer.Ordinal);
        var lexiconEntries = lexicon.Select(e => (e.Word, e.Xpos, ListId(e.List))).ToArray();
        var fallbackEntries = fallback.Select(e => (e.Xpos, ListId(e.List))).ToArray();
        var start = new int[lists.Count + 1];
        var pool = new List<int>();
        for (int l = 0; l < lists.Count; l++) { pool.AddRange(lists[l].Select(c => classOf[c])); start[l + 1] = pool.Count; }
        var candidatesOnly = new FeatsModel(classes, pool.ToArray(), start, lexiconEntries, fallbackEntries, new FeatsWeights([]));

        // 4. The perceptron, over the words with a choice to make.
        var examples = Examples(data, candidatesOnly, classOf);
        var weights = TrainWeights(examples, candidatesOnly, iterations, seed, log, minUpdates);
        log?.WriteLine($"feats: {classes.Length} FEATS strings, {lexiconEntries.Length} lexicon words, {fallbackEntries.Length} tags, {examples.Count} ambiguous training words, {weights.Count} weights");
        return new FeatsModel(classes, pool.ToArray(), start, lexiconEntries, fallbackEntries, weights);
    }

    private static void Add(Dictionary<string, Dictionary<string, int>> into, string key, string f, int n)
    {
        if (!into.TryGetValue(key, out var c)) into[key] = c = new Dictionary<string, int>(StringComparer.Ordinal);
        c[f] = c.GetValueOrDefault(f) + n;
    }

    /// <summary>The FEATS strings frequent enough to be a choice, most frequent first (always at least the top one).</summary>
    private static string[] Candidates(Dictionary<string, int> counts)
    {
        int total = counts.Values.Sum();
        var sorted = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        return sorted.Where((p, k) => k == 0 || (p.Value >= MinCandidateCount && p.Value >= MinCandidateShare * total))
            .Take(MaxCandidates).Select(p => p.Key).ToArray();
    }

    private readonly record struct Example(ulong[] Features, int List, int Gold);

    private static List<Example> Examples(IReadOnlyList<TrainingSentence> data, FeatsModel model, Dictionary<string, int> classOf)
    {
        var examples = new List<Example>();
        var words = new WordFeatures();
        var sentence = new FeatsSentence();
        var bare = new FeatsSentence();
        Span<ulong> buffer = stackalloc ulong[FeatsFeatures.Max];
        foreach (var s in data)
        {
            if (s.Feats is null || s.Count == 0) continue;
            words.Fill(s.Text, s.Starts, s.Ends);
            sentence.Reset(words, s.Count);
            for (int i = 0; i < s.Count; i++)
            {
                sentence.Xpos[i] = FeatureHash.Of(s.Xpos[i]);
                int h = s.Heads[i];
                sentence.Head[i] = h >= 1 && h <= s.Count ? h - 1 : -1;
                if (h >= 0) sentence.Deprel[i] = FeatureHash.Of(s.Deprels[i]);
            }
            sentence.Prepare();
            // The same words without a tree: the parser's trees are wrong in places (15 % of
            // heads), and a model that only ever saw gold trees trusts a wrong "obj" over
            // the words around it. Each word is also learnt without its tree.
            bare.Reset(words, s.Count);
            sentence.Xpos.AsSpan(0, s.Count).CopyTo(bare.Xpos);
            bare.Prepare();
            for (int i = 0; i < s.Count; i++)
            {
                int list = model.ListOf(words.Lower[i], sentence.Xpos[i]);
                var candidates = model.Candidates(list);
                if (candidates.Length < 2 || !classOf.TryGetValue(Clean(s.Feats[i]), out var gold) || !candidates.Contains(gold)) continue;
                int n = FeatsFeatures.Extract(sentence, i, buffer);
                examples.Add(new Example(buffer[..n].ToArray(), list, gold));
                n = FeatsFeatures.Extract(bare, i, buffer);
                examples.Add(new Example(buffer[..n].ToArray(), list, gold));
            }
        }
        return examples;
    }

    /// <summary>Averaged perceptron (w - u / t) over (feature, class) keys; keys updated fewer than <paramref name="minUpdates"/> times are dropped.</summary>
    private static FeatsWeights TrainWeights(List<Example> examples, FeatsModel model, int iterations, int seed, TextWriter? log, int minUpdates)
    {
        var index = new Dictionary<(ulong Feature, int Class), int>();
        var keys = new List<(ulong Feature, int Class)>();
        var w = new List<float>();
        var u = new List<double>();
        var updates = new List<int>();
        long t = 1;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(seed);
        for (int it = 0; it < iterations; it++)
        {
            for (int k = order.Length - 1; k > 0; k--) { int j = random.Next(k + 1); (order[k], order[j]) = (order[j], order[k]); }
            int wrong = 0;
            foreach (var e in order.Select(o => examples[o]))
            {
                t++;
                var candidates = model.Candidates(e.List);
                int guess = candidates[0];
                double bestScore = double.NegativeInfinity;
                foreach (var c in candidates)
                {
                    double score = 0;
                    foreach (var f in e.Features)
                        if (index.TryGetValue((f, c), out var at)) score += w[at];
                    if (score > bestScore) { bestScore = score; guess = c; }
                }
                if (guess == e.Gold) continue;
                wrong++;
                foreach (var f in e.Features)
                {
                    Update((f, e.Gold), 1);
                    Update((f, guess), -1);
                }
            }
            log?.WriteLine($"feats: pass {it + 1}: {wrong} of {examples.Count} wrong");
        }

        var keptKeys = new List<(ulong Feature, int Class)>();
        var kept = new List<float>();
        float maxAbs = 1e-6f;
        for (int r = 0; r < keys.Count; r++)
        {
            if (updates[r] < minUpdates) continue;
            float a = (float)(w[r] - u[r] / t);
            if (Math.Abs(a) < 1e-6f) continue;
            keptKeys.Add(keys[r]);
            kept.Add(a);
            maxAbs = Math.Max(maxAbs, Math.Abs(a));
        }
        float scale = maxAbs / 32000f;
        var final = new List<(ulong, int, short)>();
        for (int r = 0; r < kept.Count; r++)
        {
            var q = (short)Math.Round(kept[r] / scale);
            if (q != 0) final.Add((keptKeys[r].Feature, keptKeys[r].Class, q));
        }
        return new FeatsWeights(final);

        void Update((ulong Feature, int Class) key, int delta)
        {
            if (!index.TryGetValue(key, out var at))
            {
                at = keys.Count;
                index[key] = at;
                keys.Add(key); w.Add(0); u.Add(0); updates.Add(0);
            }
            w[at] += delta;
            u[at] += (double)t * delta;
            updates[at]++;
        }
    }
}
