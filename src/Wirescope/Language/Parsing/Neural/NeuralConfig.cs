namespace Wirescope.Language.Parsing.Neural;

/// <summary>Sizes of the biaffine parser's layers (written into the model file).</summary>
internal sealed record NeuralConfig(int WordDim = 100, int TagDim = 32, int SuffixDim = 32, int ShapeDim = 16,
    int Hidden = 128, int Layers = 1, int ArcDim = 128, int RelDim = 64)
{
    public int InputDim => WordDim + TagDim + SuffixDim + ShapeDim;

    /// <summary>Input width of LSTM layer l (the embeddings, then the previous layer's two directions).</summary>
    public int LayerInput(int l) => l == 0 ? InputDim : 2 * Hidden;

    /// <summary>Width of the MLP layer: arc-dependent, arc-head, relation-dependent, relation-head.</summary>
    public int MlpDim => 2 * ArcDim + 2 * RelDim;

    public void Write(BinaryWriter w)
    {
        foreach (var v in new[] { WordDim, TagDim, SuffixDim, ShapeDim, Hidden, Layers, ArcDim, RelDim }) w.Write(v);
    }

    public static NeuralConfig Read(BinaryReader r)
    {
        var v = new int[8];
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = r.ReadInt32();
            if (v[i] < 1 || v[i] > 4096) throw new InvalidDataException($"neural parser size {v[i]}");
        }
        if (v[5] > 4) throw new InvalidDataException($"neural parser with {v[5]} layers");
        return new NeuralConfig(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }
}
