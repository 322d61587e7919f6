using Wirescope.Language.Parsing;
using Wirescope.Language.Parsing.Neural;
using Xunit;

namespace Wirescope.Tests.Language;

public class NeuralParserTests
{
    /// <summary>A small random net; hidden 4 and arc width 16 give the sizes the run-time integer and panel kernels take.</summary>
    private static NeuralNet TinyNet(int layers, int seed, int hidden = 3, int arcDim = 4)
    {
        var vocab = new HashVocab([10UL, 20UL, 30UL]);
        var net = new NeuralNet(new NeuralConfig(WordDim: 4, TagDim: 3, SuffixDim: 2, ShapeDim: 2, Hidden: hidden, Layers: layers, ArcDim: arcDim, RelDim: 3),
            vocab, vocab, vocab, vocab, ["nsubj", "obj", "root", "punct"]);
        var rng = new Random(seed);
        for (int i = 0; i < net.Size; i++) net.W[i] = (float)(rng.NextDouble() * 2 - 1) * 0.6f;
        return net;
    }

    /// <summary>Every matrix row as 8-bit integers times the row's scale, as the model file stores them.</summary>
    private static void RoundRowsTo8Bits(NeuralNet net)
    {
        foreach (var (offset, rows, cols) in net.Blocks)
        {
            if (rows == 1) continue;
            for (int r = 0; r < rows; r++)
            {
                var row = net.W.AsSpan(offset + r * cols, cols);
                float max = 0;
                foreach (var v in row) max = Math.Max(max, Math.Abs(v));
                for (int c = 0; c < cols && max > 0; c++) row[c] = max / 127 * MathF.Round(row[c] / (max / 127));
            }
        }
    }

    private static readonly int[] Heads = [1, -1, 1, 4, 1];
    private static readonly int[] Rels = [0, 2, 1, 3, 3];

    private static double Loss(NeuralNet net, NeuralPass pass, float[] grad)
    {
        pass.Prepare(Heads.Length);
        ulong[] keys = [10, 20, 30, 99, 20];
        for (int i = 0; i < Heads.Length; i++) pass.SetWord(i, keys[i], keys[(i + 1) % 5], keys[(i + 2) % 5], keys[(i + 3) % 5]);
        pass.Exact = true;
        pass.Forward(null);
        pass.ScoreRelations(Heads);
        Array.Clear(grad);
        return pass.Backward(Heads, Rels, 1f, grad);
    }

    /// <summary>Backpropagation through the biaffine scorer, the relation classifier and both LSTM directions agrees with finite differences.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void GradientsMatchFiniteDifferences(int layers)
    {
        var net = TinyNet(layers, 7);
        var pass = new NeuralPass(net);
        var grad = new float[net.Size];
        var scratch = new float[net.Size];
        Loss(net, pass, grad);
        var analytic = (float[])grad.Clone();
        int checkedCount = 0;
        foreach (var (offset, rows, cols) in net.Blocks)
        {
            for (int k = 0; k < Math.Min(rows * cols, 12); k++)
            {
                int i = offset + (k * 7919) % (rows * cols);
                float keep = net.W[i];
                const float eps = 1e-2f;
                net.W[i] = keep + eps; double up = Loss(net, pass, scratch);
                net.W[i] = keep - eps; double down = Loss(net, pass, scratch);
                net.W[i] = keep;
                double numeric = (up - down) / (2 * eps);
                Assert.True(Math.Abs(numeric - analytic[i]) <= 2e-3 + 2e-2 * Math.Abs(numeric), $"weight {i} (block at {offset}): numeric {numeric:G5}, backprop {analytic[i]:G5}");
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 50);
    }

    /// <summary>
    /// The run-time forward pass (block kernels; frozen: the load-time tables, panels and, at
    /// hidden 4, the 16-bit integer products) gives the training path's arc log-probabilities,
    /// to float rounding, or to the integers' rounding of weights to 1/254 of a row's range.
    /// </summary>
    [Theory]
    [InlineData(1, 3, false, 3)]
    [InlineData(2, 11, false, 3)]
    [InlineData(1, 9, true, 3)]
    [InlineData(2, 5, true, 3)]
    [InlineData(1, 13, true, 4)]
    [InlineData(2, 13, true, 4)]
    public void FastForwardMatchesTrainingForward(int layers, int n, bool frozen, int hidden)
    {
        var net = TinyNet(layers, 9, hidden, hidden == 4 ? 16 : 4);
        if (hidden == 4) RoundRowsTo8Bits(net);
        if (frozen) net.Freeze();
        Assert.Equal(frozen && hidden == 4, net.RunTime?.Recurrent[0] is not null);
        // The integer products' only rounding is then the states' (1/32767).
        float tolerance = frozen && hidden == 4 ? 1e-3f : 1e-4f;
        var pass = new NeuralPass(net);
        pass.Prepare(n);
        for (int i = 0; i < n; i++) pass.SetWord(i, (ulong)(10 * (1 + i % 4)), 20, 30, (ulong)(10 + i));
        pass.Exact = true;
        pass.Forward(null);
        var exact = pass.ArcLogProb.AsSpan(0, (n + 1) * (n + 1)).ToArray();
        pass.Exact = false;
        pass.Forward(null);
        for (int i = n + 1; i < exact.Length; i++)
            if (float.IsFinite(exact[i])) Assert.True(Math.Abs(exact[i] - pass.ArcLogProb[i]) < tolerance, $"{i}: {exact[i]} vs {pass.ArcLogProb[i]}");
            else Assert.Equal(exact[i], pass.ArcLogProb[i]);
    }

    /// <summary>The decoded tree is a tree with one root, and a trained-to-memorise parser finds the gold one.</summary>
    [Fact]
    public void TrainingOnOneSentenceLearnsItsTree()
    {
        var ex = new NeuralTrainer.Example([10, 20, 30, 99, 20], [1, 2, 3, 4, 5], [10, 20, 30, 10, 20], [1, 1, 1, 1, 1], Heads, ["nsubj", "root", "obj", "punct", "punct"]);
        var dir = Directory.CreateTempSubdirectory("neural");
        try
        {
            var trainer = new NeuralTrainer { Seed = 3, BatchSentences = 2, Threads = 2, Config = SmallConfig };
            var parser = trainer.Train([ex, ex, ex, ex], [], 200, Path.Combine(dir.FullName, "m.bin.gz"), null, TextWriter.Null);
            var (uas, las) = NeuralTrainer.Evaluate(parser, [ex]);
            Assert.Equal(1.0, uas);
            Assert.Equal(1.0, las);
            // The saved (8-bit) model parses the same.
            var loaded = NeuralParser.Load(Path.Combine(dir.FullName, "m.bin.gz"));
            Assert.Equal(1.0, NeuralTrainer.Evaluate(loaded, [ex]).Uas);
        }
        finally { dir.Delete(true); }
    }

    /// <summary>Two small training sentences and a small net, for the training-run tests.</summary>
    private static readonly NeuralTrainer.Example Ex1 = new([10, 20, 30, 99, 20], [1, 2, 3, 4, 5], [10, 20, 30, 10, 20], [1, 1, 1, 1, 1], Heads, ["nsubj", "root", "obj", "punct", "punct"]);
    private static readonly NeuralTrainer.Example Ex2 = new([30, 20, 10], [3, 2, 1], [30, 20, 10], [1, 1, 1], [1, -1, 1], ["nsubj", "root", "obj"]);
    private static NeuralConfig SmallConfig => new(WordDim: 8, TagDim: 4, SuffixDim: 4, ShapeDim: 2, Hidden: 8, ArcDim: 8, RelDim: 4);

    [Fact]
    public void TrainingIsReproducible()
    {
        var dir = Directory.CreateTempSubdirectory("neural");
        try
        {
            byte[] Run(int threads, string name)
            {
                var trainer = new NeuralTrainer { Seed = 5, BatchSentences = 3, Threads = threads, Config = SmallConfig };
                var path = Path.Combine(dir.FullName, name);
                trainer.Train([Ex1, Ex2, Ex1, Ex2, Ex2], [], 3, path, null, TextWriter.Null);
                return File.ReadAllBytes(path);
            }
            Assert.Equal(Run(2, "a.bin.gz"), Run(1, "b.bin.gz"));
        }
        finally { dir.Delete(true); }
    }

    /// <summary>
    /// The final anneal changes the weights from its epoch on, and a run resumed from a
    /// checkpoint before the anneal ends in the same bytes as one run straight through (the
    /// shipped model was trained that way: 40 epochs, then the annealed ones).
    /// </summary>
    [Fact]
    public void AnnealedTrainingResumesToTheSameBytes()
    {
        var dir = Directory.CreateTempSubdirectory("neural");
        try
        {
            byte[] Run(string name, int annealFrom, params int[] epochs)
            {
                var trainer = new NeuralTrainer { Seed = 5, BatchSentences = 2, Threads = 2, AnnealFrom = annealFrom, Config = SmallConfig };
                var path = Path.Combine(dir.FullName, name);
                foreach (var e in epochs) trainer.Train([Ex1, Ex2, Ex1, Ex2, Ex2], [], e, path, path + ".ckpt", TextWriter.Null);
                return File.ReadAllBytes(path);
            }
            var straight = Run("a.bin.gz", 2, 4);
            Assert.Equal(straight, Run("b.bin.gz", 2, 2, 4));
            Assert.NotEqual(straight, Run("c.bin.gz", 0, 4));
        }
        finally { dir.Delete(true); }
    }
}
