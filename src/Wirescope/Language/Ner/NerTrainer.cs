namespace Wirescope.Language.Ner;

/// <summary>
/// Averaged structured perceptron (Collins 2002) over the Viterbi decoder of
/// <see cref="NerModel"/>: decode each sentence with the current weights and, where the best
/// path differs from gold, add the gold path's features and subtract the predicted ones.
/// The averaged weights are what ships. Deterministic for a seed: the only randomness is
/// the sentence order, from System.Random(seed), and every sum runs in a fixed order.
/// </summary>
public static class NerTrainer
{
    private sealed record Example(int[] Rows, int[] Counts, int[] Gold);

    public static NerModel Train(IReadOnlyList<NerSentence> data, Gazetteer gazetteer, NerTrainOptions options, Action<string>? log = null)
    {
        var tags = new NerTags(options.Types);
        var featurizer = new NerFeaturizer(gazetteer, options.BucketBits);
        var L = tags.Count;
        var examples = Featurize(data, featurizer, tags);
        if (options.MinFeatureCount > 1) Prune(examples, featurizer.Buckets, options.MinFeatureCount);
        log?.Invoke($"ner: {examples.Count} sentences, {examples.Sum(e => e.Gold.Length)} words, {L} labels, 2^{options.BucketBits} rows");

        var weights = new float[featurizer.Buckets * L];
        var transitions = new float[(L + 1) * L];
        var weightSums = new double[weights.Length];
        var transitionSums = new double[transitions.Length];
        var model = new NerModel(tags, featurizer, weights, transitions);
        var scratch = new NerScratch();
        var maxLen = examples.Count == 0 ? 1 : examples.Max(e => e.Gold.Length);
        scratch.EnsureSentence(maxLen, L);
        var scoresBackup = (scratch.Rows, scratch.RowCounts);

        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(options.Seed);
        double step = 1;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            long errors = 0, words = 0;
            foreach (var index in order)
            {
                var ex = examples[index];
                var n = ex.Gold.Length;
                scratch.Rows = ex.Rows;
                scratch.RowCounts = ex.Counts;
                model.SyncTransitions();
                model.Decode(scratch, n);
                var pred = scratch.Labels;
                words += n;
                for (var i = 0; i < n; i++)
                {
                    int g = ex.Gold[i], p = pred[i];
                    int gPrev = i > 0 ? ex.Gold[i - 1] : -1, pPrev = i > 0 ? pred[i - 1] : -1;
                    if (g != p)
                    {
                        errors++;
                        var rows = ex.Rows.AsSpan(i * NerFeaturizer.MaxFeatures, ex.Counts[i]);
                        foreach (var r in rows)
                        {
                            Update(weights, weightSums, r * L + g, 1, step);
                            Update(weights, weightSums, r * L + p, -1, step);
                        }
                    }
                    if (g != p || gPrev != pPrev)
                    {
                        Update(transitions, transitionSums, (gPrev + 1) * L + g, 1, step);
                        Update(transitions, transitionSums, (pPrev + 1) * L + p, -1, step);
                    }
                }
                step++;
            }
            log?.Invoke($"ner: epoch {epoch}: word errors {errors}/{words} ({100.0 * errors / Math.Max(1, words):F2}%)");
        }
        (scratch.Rows, scratch.RowCounts) = scoresBackup;

        // Averaged weights: w_avg = w - (Σ step·Δ) / steps.
        for (var i = 0; i < weights.Length; i++) weights[i] = (float)(weights[i] - weightSums[i] / step);
        for (var i = 0; i < transitions.Length; i++) transitions[i] = (float)(transitions[i] - transitionSums[i] / step);
        return new NerModel(tags, featurizer, weights, transitions) { TrainedGazetteerSha256 = gazetteer.Sha256 };
    }

    /// <summary>
    /// Drops feature rows seen fewer than <paramref name="min"/> times in training: a word seen
    /// once would otherwise be learnt by heart, and the perceptron then leaves the features
    /// that generalise (shape, affixes, gazetteer) under-trained.
    /// </summary>
    private static void Prune(List<Example> examples, int buckets, int min)
    {
        var counts = new int[buckets];
        foreach (var ex in examples)
            for (var i = 0; i < ex.Counts.Length; i++)
                foreach (var r in ex.Rows.AsSpan(i * NerFeaturizer.MaxFeatures, ex.Counts[i])) counts[r]++;
        foreach (var ex in examples)
            for (var i = 0; i < ex.Counts.Length; i++)
            {
                var rows = ex.Rows.AsSpan(i * NerFeaturizer.MaxFeatures, ex.Counts[i]);
                var k = 0;
                foreach (var r in rows) if (counts[r] >= min) rows[k++] = r;
                ex.Counts[i] = k;
            }
    }

    private static void Update(float[] w, double[] sums, int index, float delta, double step)
    {
        w[index] += delta;
        sums[index] += step * delta;
    }

    private static List<Example> Featurize(IReadOnlyList<NerSentence> data, NerFeaturizer featurizer, NerTags tags)
    {
        var result = new List<Example>(data.Count);
        var scratch = new NerScratch();
        var start = 0;
        while (start < data.Count)
        {
            var end = start + 1;
            while (end < data.Count && data[end].DocId == data[start].DocId) end++;
            NerDocumentFeatures.Prepare(featurizer, scratch, data, start, end);
            var offset = 0;
            for (var si = start; si < end; si++)
            {
                var sent = data[si];
                var n = sent.Forms.Length;
                featurizer.Featurize(scratch, offset, offset + n, tags.Count);
                var rows = scratch.Rows.AsSpan(0, n * NerFeaturizer.MaxFeatures).ToArray();
                var counts = scratch.RowCounts.AsSpan(0, n).ToArray();
                var gold = new int[n];
                tags.FromBio(sent.Tags, gold);
                result.Add(new Example(rows, counts, gold));
                offset += n;
            }
            start = end;
        }
        return result;
    }
}
