using Wirescope.Language.Models;

namespace Wirescope.Language.Parsing.Neural;

/// <summary>
/// Graph-based parser: a BiLSTM over word, tag, suffix and shape embeddings, a biaffine arc
/// scorer (Dozat and Manning 2017) whose per-word log-probabilities over heads are decoded as
/// the maximum spanning tree (<see cref="SpanningTree"/>), and a relation classifier on the
/// chosen arcs. Read-only and shared; each thread brings its own <see cref="NeuralPass"/>.
/// </summary>
public sealed class NeuralParser
{
    internal const string Magic = "wirescope-neural-parser";

    /// <summary>Log-probabilities become integer arc scores at this scale (the decoder works in longs).</summary>
    internal const double Scale = 1 << 20;

    internal NeuralNet Net { get; }
    public string[] Labels => Net.Labels;
    private readonly int _rootLabel;

    internal NeuralParser(NeuralNet net)
    {
        Net = net;
        _rootLabel = Array.IndexOf(net.Labels, "root");
        if (_rootLabel < 0) throw new InvalidDataException("neural parser has no 'root' relation");
    }

    internal NeuralPass NewPass() => new(Net);

    /// <summary>Runs the network on the n words set in <paramref name="pass"/> (arc log-probabilities ready).</summary>
    internal void Score(NeuralPass pass) => pass.Forward(null);

    /// <summary>Adds weight × each arc's log-probability to the decoder's table (words 1..n, 0 = root).</summary>
    internal static void AddArcs(NeuralPass pass, SpanningTree tree, int n, double weight)
    {
        double s = weight * Scale;
        for (int d = 0; d < n; d++)
            for (int h = -1; h < n; h++)
                if (h != d) tree.Add(h + 1, d + 1, (long)(Math.Max(pass.ArcLog(d, h), -30f) * s));
    }

    /// <summary>Full parse: MST over the arc log-probabilities, then each arc's best relation (root only on the root arc).</summary>
    internal void Parse(NeuralPass pass, SpanningTree tree, int n, Span<int> heads, Span<int> labels)
    {
        Score(pass);
        // Every word's most probable head, when those make a one-root tree, is what the decoder would return.
        if (!ParserEnsemble.TryPlainCombined(pass.ArcLogProb, n, 1.0, [], 0, heads))
        {
            tree.Reset(n, 0);
            AddArcs(pass, tree, n, 1.0);
            Span<int> decoded = n < 256 ? stackalloc int[n + 1] : new int[n + 1];
            tree.Decode(decoded);
            for (int d = 0; d < n; d++) heads[d] = decoded[d + 1] - 1;
        }
        Label(pass, n, heads, labels);
    }

    /// <summary>The relation of every word for the given heads.</summary>
    internal void Label(NeuralPass pass, int n, ReadOnlySpan<int> heads, Span<int> labels)
    {
        pass.ScoreRelations(heads, normalise: false);
        for (int d = 0; d < n; d++)
        {
            if (heads[d] < 0) { labels[d] = _rootLabel; continue; }
            var row = pass.RelationLogProb(d);
            int best = -1;
            for (int l = 0; l < row.Length; l++)
                if (l != _rootLabel && (best < 0 || row[l] > row[best])) best = l;
            labels[d] = best;
        }
    }

    /// <summary>Writes the model; matrices quantised per row to <paramref name="bits"/> (8 or 16), vectors kept as floats.</summary>
    public void Save(string path, int bits = 8) => ModelFile.Write(path, Magic, w =>
    {
        Net.Config.Write(w);
        w.Write(Net.Labels.Length);
        foreach (var l in Net.Labels) w.Write(l);
        Net.Words.Write(w); Net.Tags.Write(w); Net.Suffixes.Write(w); Net.Shapes.Write(w);
        w.Write(bits);
        foreach (var (offset, rows, cols) in Net.Blocks)
        {
            var block = Net.W.AsSpan(offset, rows * cols);
            if (rows == 1) { foreach (var v in block) w.Write(v); continue; }
            for (int r = 0; r < rows; r++) Quantizer.WriteRow(w, block.Slice(r * cols, cols), bits);
        }
    });

    public static NeuralParser Load(string path) => ModelFile.Read(path, Magic, r =>
    {
        var config = NeuralConfig.Read(r);
        int nl = r.ReadInt32();
        if (nl < 1 || nl > 1000) throw new InvalidDataException($"{path}: {nl} relations");
        var labels = new string[nl];
        for (int i = 0; i < nl; i++) labels[i] = string.Intern(r.ReadString());
        var net = new NeuralNet(config, HashVocab.Read(r), HashVocab.Read(r), HashVocab.Read(r), HashVocab.Read(r), labels);
        int bits = r.ReadInt32();
        if (bits is not (8 or 16)) throw new InvalidDataException($"{path}: {bits}-bit weights");
        foreach (var (offset, rows, cols) in net.Blocks)
        {
            var block = net.W.AsSpan(offset, rows * cols);
            if (rows == 1) { for (int i = 0; i < cols; i++) block[i] = r.ReadSingle(); continue; }
            for (int q = 0; q < rows; q++) Quantizer.ReadRow(r, block.Slice(q * cols, cols), bits);
        }
        net.Freeze();
        return new NeuralParser(net);
    });
}
