using System.Diagnostics;
using Wirescope.Language.Models;

namespace Wirescope.Language.Parsing.Neural;

/// <summary>
/// Trains the biaffine parser from scratch on the treebanks (no pretrained vectors): shuffled
/// minibatches of sentences, arc and relation cross-entropy, Adam. Each minibatch is split
/// into two fixed halves computed on two threads into separate gradient buffers that are then
/// summed in a fixed order, and dropout draws from a random source seeded per sentence and
/// epoch: the same data and seed give the same weights bit for bit, on one core or two. After
/// every epoch a checkpoint (weights and Adam moments) is written, and a run restarts from it.
/// </summary>
public sealed class NeuralTrainer
{
    /// <summary>Training sentences longer than this are skipped (the arc table is quadratic; 0.3 % of sentences).</summary>
    public const int MaxTrainingWords = 100;

    public int BatchSentences { get; init; } = 32;
    /// <summary>Threads computing the shards (the weights do not depend on it).</summary>
    public int Threads { get; init; } = 2;

    /// <summary>Each minibatch is split into this many fixed shards whose gradients are summed in order.</summary>
    private const int Shards = 2;
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Epochs from this one on (0-based; 0: never) train at <see cref="AnnealFactor"/> times the
    /// learning rate: a short final anneal settles the weights once the dev curve is flat (the
    /// step decay alone leaves the rate at ~40 % of its start after 40 epochs).
    /// </summary>
    public int AnnealFrom { get; init; }
    public float AnnealFactor { get; init; } = 0.1f;
    internal NeuralConfig Config { get; init; } = new();

    /// <summary>A sentence as the network reads it: word hashes, tag hashes, gold heads (0-based, -1 root), relation strings.</summary>
    public sealed record Example(ulong[] Lower, ulong[] Tag, ulong[] Suffix, ulong[] Shape, int[] Heads, string[] Deprels)
    {
        public int Count => Lower.Length;

        /// <summary>From a treebank sentence and the tag strings the parser should see for it (jackknifed, or the tagger's).</summary>
        public static Example? From(TrainingSentence s, IReadOnlyList<string> tags, WordFeatures words)
        {
            int n = s.Count;
            words.Fill(s.Text, s.Starts, s.Ends);
            var heads = new int[n];
            for (int i = 0; i < n; i++)
            {
                if (s.Heads[i] < 0 || s.Heads[i] > n || s.Heads[i] == i + 1) return null;
                heads[i] = s.Heads[i] - 1;
            }
            return new Example(words.Lower[..n], tags.Select(FeatureHash.Of).ToArray(), words.Suffix3[..n], words.Shape[..n], heads, s.Deprels);
        }
    }

    internal static void Feed(NeuralPass pass, Example e)
    {
        pass.Prepare(e.Count);
        for (int i = 0; i < e.Count; i++) pass.SetWord(i, e.Lower[i], e.Tag[i], e.Suffix[i], e.Shape[i]);
    }

    /// <summary>
    /// Trains for <paramref name="epochs"/> epochs (resuming from <paramref name="checkpoint"/>
    /// when it holds an earlier epoch of the same run); after each epoch writes the model to
    /// <paramref name="outPath"/> and reports dev UAS/LAS on <paramref name="dev"/>.
    /// </summary>
    public NeuralParser Train(IReadOnlyList<Example> train, IReadOnlyList<Example> dev, int epochs, string outPath, string? checkpoint, TextWriter log)
    {
        var labels = train.SelectMany(e => e.Deprels).Append("root").Distinct().OrderBy(l => l, StringComparer.Ordinal).ToArray();
        var net = new NeuralNet(Config,
            HashVocab.Build(train.SelectMany(e => e.Lower), 2),
            HashVocab.Build(train.SelectMany(e => e.Tag), 1),
            HashVocab.Build(train.SelectMany(e => e.Suffix), 2),
            HashVocab.Build(train.SelectMany(e => e.Shape), 2),
            labels);
        net.Initialise(Seed);
        var adam = new Adam(net.Size);
        var labelId = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        int start = checkpoint is not null ? Checkpoint.TryRead(checkpoint, net, adam, Seed) : 0;
        log.WriteLine($"neural parser: {net.Size:N0} weights ({net.Words.Size} words, {net.Tags.Size} tags, {net.Suffixes.Size} suffixes, {net.Shapes.Size} shapes, {labels.Length} relations); {train.Count} sentences" + (start > 0 ? $"; resumed after epoch {start}" : ""));

        var usable = Enumerable.Range(0, train.Count).Where(i => train[i].Count <= MaxTrainingWords && train[i].Count > 0).ToArray();
        var passes = Enumerable.Range(0, Shards).Select(_ => new NeuralPass(net)).ToArray();
        var grads = Enumerable.Range(0, Shards).Select(_ => new float[net.Size]).ToArray();
        var labelBuf = Enumerable.Range(0, Shards).Select(_ => new int[MaxTrainingWords]).ToArray();
        var losses = new double[Shards];
        var parser = new NeuralParser(net);
        for (int epoch = start; epoch < epochs; epoch++)
        {
            var sw = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            adam.Scale = AnnealFrom > 0 && epoch >= AnnealFrom ? AnnealFactor : 1f;
            var order = (int[])usable.Clone();
            new Random(Seed * 7919 + epoch).Shuffle(order);
            double loss = 0;
            long tokens = 0;
            for (int b = 0; b < order.Length; b += BatchSentences)
            {
                int end = Math.Min(order.Length, b + BatchSentences);
                int batchTokens = 0;
                for (int q = b; q < end; q++) batchTokens += train[order[q]].Count;
                float scale = 1f / batchTokens;
                int per = (end - b + Shards - 1) / Shards;
                Parallel.For(0, Shards, new ParallelOptions { MaxDegreeOfParallelism = Threads }, th =>
                {
                    Array.Clear(grads[th]);
                    losses[th] = 0;
                    for (int q = b + th * per; q < Math.Min(end, b + (th + 1) * per); q++)
                    {
                        int idx = order[q];
                        var e = train[idx];
                        var pass = passes[th];
                        Feed(pass, e);
                        pass.Forward(new Random(unchecked(Seed * 1_000_003 + epoch * 7_919 + idx)));
                        pass.ScoreRelations(e.Heads);
                        for (int i = 0; i < e.Count; i++) labelBuf[th][i] = labelId[e.Deprels[i]];
                        losses[th] += pass.Backward(e.Heads, labelBuf[th].AsSpan(0, e.Count), scale, grads[th]);
                    }
                });
                for (int th = 1; th < Shards; th++) Kernels.Axpy(1f, grads[th], grads[0]);
                for (int th = 0; th < Shards; th++) loss += losses[th];
                tokens += batchTokens;
                adam.Step(net.W, grads[0]);
            }
            double seconds = sw.Elapsed.TotalSeconds, cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            parser.Save(outPath);
            if (checkpoint is not null) Checkpoint.Write(checkpoint, net, adam, Seed, epoch + 1);
            var (uas, las) = dev.Count > 0 ? Evaluate(parser, dev) : (0, 0);
            log.WriteLine($"neural epoch {epoch + 1}: loss/word {loss / tokens:F4}, {seconds:F0} s wall, {cpuSeconds:F0} s CPU; dev UAS {uas:P2} LAS {las:P2}");
        }
        return parser;
    }

    /// <summary>UAS and LAS of the parser alone on sentences with their tags.</summary>
    public static (double Uas, double Las) Evaluate(NeuralParser parser, IReadOnlyList<Example> dev)
    {
        var pass = parser.NewPass();
        var tree = new SpanningTree();
        long right = 0, labelled = 0, all = 0;
        var heads = new int[256]; var labels = new int[256];
        foreach (var e in dev)
        {
            if (e.Count == 0) continue;
            if (heads.Length < e.Count) { heads = new int[e.Count * 2]; labels = new int[e.Count * 2]; }
            Feed(pass, e);
            parser.Parse(pass, tree, e.Count, heads, labels);
            for (int i = 0; i < e.Count; i++)
            {
                all++;
                if (heads[i] != e.Heads[i]) continue;
                right++;
                if (parser.Labels[labels[i]] == e.Deprels[i]) labelled++;
            }
        }
        return ((double)right / Math.Max(1, all), (double)labelled / Math.Max(1, all));
    }
}
