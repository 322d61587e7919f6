using Wirescope.Language.Parsing.Neural;
using Xunit;

namespace Wirescope.Tests.Language;

/// <summary>
/// The run-time kernels of the neural parser against plain loops: panel matrices, 16-bit
/// recurrent weights, the fused LSTM cell and the small vector helpers. Sizes are chosen so
/// that both the vector body and the leftovers (partial blocks, odd panels) are exercised.
/// </summary>
public class NeuralKernelTests
{
    private static float[] Random(int n, int seed, float scale = 1f)
    {
        var rng = new Random(seed);
        var v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float)(rng.NextDouble() * 2 - 1) * scale;
        return v;
    }

    [Theory]
    [InlineData(48, 37, 1, true)]   // three panels: a pair and a lone one; one vector
    [InlineData(32, 256, 7, false)] // the MLP's width; a block of four and one of three
    [InlineData(40, 20, 9, true)]   // rows not a multiple of 16: a padded last panel
    [InlineData(51, 192, 5, true)]  // the relation classifier's shape
    [InlineData(16, 128, 4, true)]
    public void PanelMatrixIsTheMatrixProduct(int rows, int cols, int count, bool withBias)
    {
        var w = Random(rows * cols, 1);
        var bias = withBias ? Random(rows, 2) : [];
        int xStride = cols + 3, yStride = rows + 5;
        var x = Random(count * xStride, 3);
        var y = new float[count * yStride];
        Array.Fill(y, float.NaN);
        new PanelMatrix(w, rows, cols).Multiply(bias, x, xStride, count, y, yStride);
        for (int t = 0; t < count; t++)
        {
            for (int r = 0; r < rows; r++)
            {
                double expected = withBias ? bias[r] : 0;
                for (int c = 0; c < cols; c++) expected += (double)w[r * cols + c] * x[t * xStride + c];
                Assert.True(Math.Abs(expected - y[t * yStride + r]) < 1e-4, $"t {t} r {r}: {expected} vs {y[t * yStride + r]}");
            }
            for (int r = rows; r < yStride; r++) Assert.True(float.IsNaN(y[t * yStride + r]), "wrote past the rows");
        }
    }

    /// <summary>
    /// Rows stored as 8-bit integers times a row scale (as in the model file) come through
    /// exactly; the only error is the state's rounding to 1/32767, so the result is within
    /// Σ|w|/65534 of the float product.
    /// </summary>
    [Theory]
    [InlineData(64, 32, 18)]
    [InlineData(80, 128, 100)]
    [InlineData(16, 2, 0)]
    public void IntegerMatrixMatchTheFloatProduct(int rows, int cols, int first)
    {
        int stride = first + cols;
        var w = Random(rows * stride, 4, 0.5f);
        for (int r = 0; r < rows; r++)
        {
            var row = w.AsSpan(r * stride, stride);
            float max = 0;
            foreach (var v in row) max = Math.Max(max, Math.Abs(v));
            for (int c = 0; c < stride; c++) row[c] = max / 127 * MathF.Round(row[c] / (max / 127));
        }
        var h = Random(cols, 5, 0.999f);
        var y = Random(rows, 6);
        var expected = (float[])y.Clone();
        new IntegerMatrix(w, stride, rows, first, cols).AddTo(h, y, new short[cols]);
        for (int r = 0; r < rows; r++)
        {
            double sum = 0, bound = 1e-5;
            for (int c = 0; c < cols; c++)
            {
                sum += (double)w[r * stride + first + c] * h[c];
                bound += Math.Abs(w[r * stride + first + c]) / 65534.0;
            }
            Assert.True(Math.Abs(expected[r] + sum - y[r]) <= bound, $"row {r}: {expected[r] + sum} vs {y[r]} (bound {bound})");
        }
    }

    /// <summary>
    /// The blocked product (four vectors per pass, the MLP's and the second layer's shape)
    /// agrees with plain sums over the same integers, for full and partial last blocks.
    /// </summary>
    [Theory]
    [InlineData(48, 32, 1, true)]
    [InlineData(384, 256, 7, true)]
    [InlineData(32, 2, 9, false)]
    public void IntegerMatrixBlockedProductIsThePlainOne(int rows, int cols, int count, bool withBias)
    {
        var w = Random(rows * cols, 14, 0.3f);
        var bias = withBias ? Random(rows, 15) : [];
        var x = Random(count * cols, 16, 0.999f);
        var xq = new short[x.Length];
        IntegerMatrix.Quantize(x, xq);
        for (int i = 0; i < x.Length; i++) Assert.Equal((int)MathF.Round(Math.Clamp(x[i], -1f, 1f) * IntegerMatrix.StateTop), xq[i]);
        var matrix = new IntegerMatrix(w, cols, rows, 0, cols);
        int yStride = rows + 3;
        var y = new float[count * yStride];
        matrix.Multiply(bias, xq, cols, count, y, yStride);
        for (int t = 0; t < count; t++)
        {
            var one = withBias ? bias.ToArray() : new float[rows];
            matrix.AddTo(x.AsSpan(t * cols, cols), one, new short[cols]);
            for (int r = 0; r < rows; r++) Assert.Equal(one[r], y[t * yStride + r], 1e-4f);
        }
    }

    [Theory]
    [InlineData(16, 1, 32, 3)]   // rows must come in sixteens
    [InlineData(32, 3, 32, 3)]   // columns in pairs
    [InlineData(32, 514, 600, 0)] // wider than the 32-bit sums allow
    public void IntegerMatrixRefuseSizesTheyCannotHold(int rows, int cols, int stride, int first)
    {
        Assert.False(IntegerMatrix.Fits(rows, cols));
        Assert.Throws<ArgumentException>(() => new IntegerMatrix(new float[rows * stride], stride, rows, first, cols));
    }

    [Theory]
    [InlineData(128, true)]
    [InlineData(128, false)]
    [InlineData(21, true)] // a vector body and a scalar tail
    public void LstmCellIsTheTextbookCell(int h, bool withPrevious)
    {
        var g = Random(4 * h, 7, 6f);
        var prev = Random(h, 8, 2f);
        var cell = new float[h];
        var output = new float[h];
        var gates = (float[])g.Clone();
        BlockKernels.LstmCell(gates, withPrevious ? prev : default, cell, output);
        static float Sigma(float v) => 1f / (1f + MathF.Exp(-v));
        for (int u = 0; u < h; u++)
        {
            float i = Sigma(g[u]), f = Sigma(g[h + u]), z = MathF.Tanh(g[2 * h + u]), o = Sigma(g[3 * h + u]);
            float c = i * z + (withPrevious ? f * prev[u] : 0f);
            Assert.Equal(c, cell[u], 1e-5f);
            Assert.Equal(o * MathF.Tanh(c), output[u], 1e-5f);
            Assert.Equal(i, gates[u], 1e-5f);
            Assert.Equal(f, gates[h + u], 1e-5f);
            Assert.Equal(z, gates[2 * h + u], 1e-5f);
            Assert.Equal(o, gates[3 * h + u], 1e-5f);
        }
    }

    [Fact]
    public void LeakyReluAndSum5()
    {
        float[] x = [-2f, -0.5f, 0f, 0.25f, 3f, -1f, 1f, -8f, 8f, -0.1f, 5f];
        var expected = x.Select(v => v > 0 ? v : 0.1f * v).ToArray();
        BlockKernels.LeakyRelu(x, 0.1f);
        for (int i = 0; i < x.Length; i++) Assert.Equal(expected[i], x[i], 1e-6f);

        int n = 37;
        var a = Random(n, 9); var b = Random(n, 10); var c = Random(n, 11); var d = Random(n, 12); var e = Random(n, 13);
        var y = new float[n];
        BlockKernels.Sum5(a, b, c, d, e, y);
        for (int i = 0; i < n; i++) Assert.Equal((((a[i] + b[i]) + c[i]) + d[i]) + e[i], y[i]);
    }
}
