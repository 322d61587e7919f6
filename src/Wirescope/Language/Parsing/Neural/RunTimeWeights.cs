namespace Wirescope.Language.Parsing.Neural;

/// <summary>
/// The network's weights re-laid once, at load, for the run-time forward pass
/// (<see cref="NeuralPass"/>): the first layer's input term as table rows, products over
/// LSTM outputs (values in (−1, 1)) as 16-bit integers, the others as float panels. The
/// training path keeps reading <see cref="NeuralNet.W"/> directly.
/// </summary>
internal sealed class RunTimeWeights
{
    /// <summary>The first layer's input term per embedding row.</summary>
    public InputProjection Inputs { get; }

    /// <summary>[layer * 2 + direction]: the recurrent columns of the gate matrix (null: sizes the integers do not take).</summary>
    public IntegerMatrix?[] Recurrent { get; }

    /// <summary>[layer * 2 + direction]: the input columns of the gate matrices of layers after the first (null for the first).</summary>
    public OutputProduct?[] LayerInputs { get; }

    /// <summary>The MLP over the last layer's outputs.</summary>
    public OutputProduct Mlp { get; }

    /// <summary>The biaffine matrix and the relation classifier (their inputs are MLP outputs, unbounded: floats).</summary>
    public PanelMatrix U { get; }
    public PanelMatrix Rel { get; }

    public RunTimeWeights(NeuralNet net)
    {
        var c = net.Config;
        int h = c.Hidden, h2 = 2 * h;
        Inputs = new InputProjection(net);
        Recurrent = new IntegerMatrix?[net.Gates.Length];
        LayerInputs = new OutputProduct?[net.Gates.Length];
        for (int k = 0; k < net.Gates.Length; k++)
        {
            int inDim = c.LayerInput(k / 2), zc = inDim + h;
            var gates = net.W.AsSpan(net.Gates[k], 4 * h * zc);
            if (IntegerMatrix.Fits(4 * h, h)) Recurrent[k] = new IntegerMatrix(gates, zc, 4 * h, inDim, h);
            if (k >= 2) LayerInputs[k] = new OutputProduct(gates, zc, 4 * h, inDim);
        }
        Mlp = new OutputProduct(net.W.AsSpan(net.Mlp, c.MlpDim * h2), h2, c.MlpDim, h2);
        U = new PanelMatrix(net.W.AsSpan(net.U, c.ArcDim * c.ArcDim), c.ArcDim, c.ArcDim);
        Rel = new PanelMatrix(net.W.AsSpan(net.Rel, net.Labels.Length * 3 * c.RelDim), net.Labels.Length, 3 * c.RelDim);
    }
}

/// <summary>
/// A product over LSTM outputs, values in (−1, 1): 16-bit integers (<see cref="IntegerMatrix"/>,
/// twice the multiply-adds per instruction) where the sizes fit, else float panels.
/// </summary>
internal sealed class OutputProduct
{
    private readonly IntegerMatrix? _integer;
    private readonly PanelMatrix? _float;

    /// <summary>From the first <paramref name="cols"/> columns of rows × stride weights.</summary>
    public OutputProduct(ReadOnlySpan<float> w, int stride, int rows, int cols)
    {
        if (IntegerMatrix.Fits(rows, cols)) _integer = new IntegerMatrix(w, stride, rows, 0, cols);
        else _float = new PanelMatrix(w, rows, cols, stride);
    }

    /// <summary>
    /// y[t·yStride + r] = bias[r] + W[r] · x_t for t &lt; count, reading the float vectors x or
    /// their quantized copy xq (<see cref="IntegerMatrix.Quantize"/>, same layout).
    /// </summary>
    public void Multiply(ReadOnlySpan<float> bias, ReadOnlySpan<float> x, ReadOnlySpan<short> xq, int xStride, int count, Span<float> y, int yStride)
    {
        if (_integer is not null) _integer.Multiply(bias, xq, xStride, count, y, yStride);
        else _float!.Multiply(bias, x, xStride, count, y, yStride);
    }
}
