namespace Wirescope.Language.Parsing.Neural;

/// <summary>
/// The weights of the biaffine parser (Dozat and Manning 2017) in one flat array, with the
/// offset of each block: four embedding tables, a BiLSTM (per layer and direction one gate
/// matrix over [input; previous state] and its bias), one MLP layer whose output splits into
/// arc-dependent, arc-head, relation-dependent and relation-head vectors, the biaffine arc
/// matrix U and head bias u, and the relation classifier over [dep; head; dep ⊙ head].
/// Gradients and Adam moments use the same layout.
/// </summary>
internal sealed class NeuralNet
{
    public NeuralConfig Config { get; }
    public HashVocab Words { get; }
    public HashVocab Tags { get; }
    public HashVocab Suffixes { get; }
    public HashVocab Shapes { get; }
    public string[] Labels { get; }
    public float[] W { get; }

    /// <summary>Every block: offset, rows, columns (a vector is one row).</summary>
    public List<(int Offset, int Rows, int Cols)> Blocks { get; } = new();

    public readonly int EWord, ETag, ESuffix, EShape;
    /// <summary>[layer * 2 + direction]: gate matrix (4H × (I + H)) and bias (4H).</summary>
    public readonly int[] Gates, GateBias;
    public readonly int Mlp, MlpBias, U, UBias, Rel, RelBias;

    public int Size { get; }

    /// <summary>The weights re-laid for run time (<see cref="Freeze"/>; null while training, when the weights change).</summary>
    public RunTimeWeights? RunTime { get; private set; }

    /// <summary>Fixes the weights for run time.</summary>
    public void Freeze() => RunTime = new RunTimeWeights(this);

    public NeuralNet(NeuralConfig c, HashVocab words, HashVocab tags, HashVocab suffixes, HashVocab shapes, string[] labels, float[]? weights = null)
    {
        Config = c; Words = words; Tags = tags; Suffixes = suffixes; Shapes = shapes; Labels = labels;
        int at = 0;
        int Block(int rows, int cols) { Blocks.Add((at, rows, cols)); int o = at; at += rows * cols; return o; }
        EWord = Block(words.Size, c.WordDim);
        ETag = Block(tags.Size, c.TagDim);
        ESuffix = Block(suffixes.Size, c.SuffixDim);
        EShape = Block(shapes.Size, c.ShapeDim);
        Gates = new int[c.Layers * 2];
        GateBias = new int[c.Layers * 2];
        for (int l = 0; l < c.Layers; l++)
            for (int d = 0; d < 2; d++)
            {
                Gates[l * 2 + d] = Block(4 * c.Hidden, c.LayerInput(l) + c.Hidden);
                GateBias[l * 2 + d] = Block(1, 4 * c.Hidden);
            }
        Mlp = Block(c.MlpDim, 2 * c.Hidden);
        MlpBias = Block(1, c.MlpDim);
        U = Block(c.ArcDim, c.ArcDim);
        UBias = Block(1, c.ArcDim);
        Rel = Block(labels.Length, 3 * c.RelDim);
        RelBias = Block(1, labels.Length);
        Size = at;
        if (weights is not null && weights.Length != at) throw new InvalidDataException($"neural parser: {weights.Length} weights for {at}");
        W = weights ?? new float[at];
    }

    /// <summary>Random start: uniform Glorot-scaled matrices, small embeddings, forget-gate bias 1, zero U (Dozat and Manning).</summary>
    public void Initialise(int seed)
    {
        var rng = new Random(seed);
        foreach (var (offset, rows, cols) in Blocks)
        {
            if (rows == 1 || offset == U) continue;
            bool embedding = offset == EWord || offset == ETag || offset == ESuffix || offset == EShape;
            float scale = embedding ? 0.1f : MathF.Sqrt(6f / (rows + cols));
            for (int i = 0; i < rows * cols; i++) W[offset + i] = (float)(rng.NextDouble() * 2 - 1) * scale;
        }
        int h = Config.Hidden;
        foreach (var b in GateBias) W.AsSpan(b + h, h).Fill(1f);
    }

    public int LabelIndex(string label) => Array.IndexOf(Labels, label);
}
