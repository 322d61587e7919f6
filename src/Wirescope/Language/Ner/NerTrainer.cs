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

    public static NerModel Train(IReadOnlyList<NerSentence> data, Gazetteer gazetteer, NerTrainOptions options, Action<string>? log = null,
        IEnumerable<IEnumerable<string>>? unlabelled = null)
    {
        var tags = new NerTags(options.Types);
        var lexicon = NerLexicon.Build(data.Select(s => (IEnumerable<string>)s.Forms).Concat(unlabelled ?? []));
        log?.Invoke($"ner: lexicon of {lexicon.Count} lower-case words");
        var first = TrainAveraged(data, new NerFeaturizer(gazetteer, options.BucketBits, lexicon: lexicon, usePos: options.Pos), tags, options, null, log);
        first.TrainedGazetteerSha256 = gazetteer.Sha256;
        if (options.StackFolds < 2) return first;

        // Stacking: the second stage must see first-stage labels as noisy as at run time, so
        // each document's labels come from a first stage trained without that document
        // (jackknife over StackFolds folds of whole documents).
        var docs = DocumentRanges(data);
        var prior = new int[data.Count][];
        for (var fold = 0; fold < options.StackFolds; fold++)
        {
            var train = new List<NerSentence>();
            var held = new List<(int Start, int End)>();
            for (var d = 0; d < docs.Count; d++)
            {
                if (d % options.StackFolds == fold) held.Add(docs[d]);
                else for (var i = docs[d].Start; i < docs[d].End; i++) train.Add(data[i]);
            }
            var foldModel = TrainStage(train, new NerFeaturizer(gazetteer, options.BucketBits, lexicon: lexicon, usePos: options.Pos), tags, options, null, null);
            foreach (var (a, b) in held) Predict(foldModel, data, a, b, prior);
            log?.Invoke($"ner: stacking fold {fold + 1}/{options.StackFolds} done");
        }
        first.Next = TrainAveraged(data, new NerFeaturizer(gazetteer, options.BucketBits, usePrior: true, lexicon: lexicon, usePos: options.Pos), tags, options, prior, log);
        return first;
    }

    /// <summary>
    /// Trains <see cref="NerTrainOptions.Runs"/> models on shuffles seeded seed, seed+1, ... and
    /// averages their weights: one model of the same size whose result depends less on the
    /// luck of one sentence order.
    /// </summary>
    private static NerModel TrainAveraged(IReadOnlyList<NerSentence> data, NerFeaturizer featurizer, NerTags tags, NerTrainOptions options,
        int[][]? prior, Action<string>? log)
    {
        var model = TrainStage(data, featurizer, tags, options, prior, log);
        if (options.Runs < 2) return model;
        for (var run = 1; run < options.Runs; run++)
        {
            var other = TrainStage(data, featurizer, tags, options with { Seed = options.Seed + run }, prior, log);
            for (var i = 0; i < model.Weights.Length; i++) model.Weights[i] += other.Weights[i];
            for (var i = 0; i < model.Transitions.Length; i++) model.Transitions[i] += other.Transitions[i];
        }
        for (var i = 0; i < model.Weights.Length; i++) model.Weights[i] /= options.Runs;
        for (var i = 0; i < model.Transitions.Length; i++) model.Transitions[i] /= options.Runs;
        model.SyncTransitions();
        return model;
    }

    private static List<(int Start, int End)> DocumentRanges(IReadOnlyList<NerSentence> data)
    {
        var result = new List<(int, int)>();
        var start = 0;
        while (start < data.Count)
        {
            var end = start + 1;
            while (end < data.Count && data[end].DocId == data[start].DocId) end++;
            result.Add((start, end));
            start = end;
        }
        return result;
    }

    /// <summary>First-stage labels for the sentences [start, end) of one document.</summary>
    private static void Predict(NerModel model, IReadOnlyList<NerSentence> data, int start, int end, int[][] output)
    {
        var scratch = new NerScratch();
        NerDocumentFeatures.Prepare(model.Featurizer, scratch, data, start, end);
        var offset = 0;
        for (var si = start; si < end; si++)
        {
            var n = data[si].Forms.Length;
            model.Featurizer.Featurize(scratch, offset, offset + n, model.Labels);
            model.Decode(scratch, n);
            output[si] = scratch.Labels.AsSpan(0, n).ToArray();
            offset += n;
        }
    }

    private static NerModel TrainStage(IReadOnlyList<NerSentence> data, NerFeaturizer featurizer, NerTags tags, NerTrainOptions options,
        int[][]? prior, Action<string>? log)
    {
        var L = tags.Count;
        var examples = Featurize(data, featurizer, tags, prior);
        if (options.MinFeatureCount > 1) Prune(examples, featurizer.Buckets, options.MinFeatureCount);
        log?.Invoke($"ner: {(prior is null ? "stage 1" : "stage 2")}: {examples.Count} sentences, {examples.Sum(e => e.Gold.Length)} words, {L} labels, 2^{featurizer.BucketBits} rows");

        var weights = new float[featurizer.Buckets * L];
        var transitions = new float[(L + 1) * L];
        var weightSums = new double[weights.Length];
        var transitionSums = new double[transitions.Length];
        var model = new NerModel(tags, featurizer, weights, transitions);
        var scratch = new NerScratch();
        var maxLen = examples.Count == 0 ? 1 : examples.Max(e => e.Gold.Length);
        scratch.EnsureSentence(maxLen, L);

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
                var size = options.PaC > 0 ? PassiveAggressiveStep(ex, pred, scratch.Scores, transitions, L, options.PaC) : 1f;
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
                            Update(weights, weightSums, r * L + g, size, step);
                            Update(weights, weightSums, r * L + p, -size, step);
                        }
                    }
                    if (g != p || gPrev != pPrev)
                    {
                        Update(transitions, transitionSums, (gPrev + 1) * L + g, size, step);
                        Update(transitions, transitionSums, (pPrev + 1) * L + p, -size, step);
                    }
                }
                step++;
            }
            log?.Invoke($"ner: epoch {epoch}: word errors {errors}/{words} ({100.0 * errors / Math.Max(1, words):F2}%)");
        }

        // Averaged weights: w_avg = w - (Σ step·Δ) / steps.
        for (var i = 0; i < weights.Length; i++) weights[i] = (float)(weights[i] - weightSums[i] / step);
        for (var i = 0; i < transitions.Length; i++) transitions[i] = (float)(transitions[i] - transitionSums[i] / step);
        return new NerModel(tags, featurizer, weights, transitions);
    }

    /// <summary>
    /// Step size of a structured passive-aggressive update (PA-I, Crammer et al. 2006): just
    /// large enough that the gold path outscores the predicted one by its Hamming loss, capped
    /// at <paramref name="c"/>. A sentence with one wrong word among many features moves the
    /// weights less than the perceptron's fixed step; one far off moves them more.
    /// </summary>
    private static float PassiveAggressiveStep(Example ex, int[] pred, float[] emissions, float[] transitions, int L, float c)
    {
        double margin = 0;
        int loss = 0;
        long normSq = 0;
        for (var i = 0; i < ex.Gold.Length; i++)
        {
            int g = ex.Gold[i], p = pred[i];
            int gPrev = i > 0 ? ex.Gold[i - 1] : -1, pPrev = i > 0 ? pred[i - 1] : -1;
            margin += emissions[i * L + p] - emissions[i * L + g]
                + transitions[(pPrev + 1) * L + p] - transitions[(gPrev + 1) * L + g];
            if (g != p) { loss++; normSq += 2L * ex.Counts[i]; }
            if (g != p || gPrev != pPrev) normSq += 2;
        }
        if (loss == 0 || normSq == 0) return 0f;
        return (float)Math.Min(c, (margin + loss) / normSq);
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

    private static List<Example> Featurize(IReadOnlyList<NerSentence> data, NerFeaturizer featurizer, NerTags tags, int[][]? prior)
    {
        var result = new List<Example>(data.Count);
        var scratch = new NerScratch();
        foreach (var (start, end) in DocumentRanges(data))
        {
            NerDocumentFeatures.Prepare(featurizer, scratch, data, start, end);
            var offset = 0;
            if (prior is not null)
            {
                for (var si = start; si < end; si++)
                {
                    Array.Copy(prior[si], 0, scratch.Prior, offset, prior[si].Length);
                    offset += prior[si].Length;
                }
                NerFeaturizer.ComputePriorDoc(scratch, offset);
                offset = 0;
            }
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
        }
        return result;
    }
}
