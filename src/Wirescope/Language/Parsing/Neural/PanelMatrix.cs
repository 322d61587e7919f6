using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Wirescope.Language.Parsing.Neural;

/// <summary>
/// A weight matrix (rows × cols) re-laid for run time as panels of 16 rows: per panel and
/// column, the 16 rows' weights side by side, so that one broadcast input value times one
/// panel column adds into 16 outputs at once, with no horizontal sums (which cost as much as
/// the multiply-adds for rows of 128 to 256). The last panel is padded with zero rows.
/// </summary>
internal sealed class PanelMatrix
{
    private const int Panel = 16;
    private readonly float[] _p;
    /// <summary>Without 512-bit vectors: the rows as they were, for <see cref="BlockKernels.Gemm"/>'s 256-bit row products.</summary>
    private readonly float[]? _rowMajor;
    public int Rows { get; }
    public int Cols { get; }

    /// <summary>From the first <paramref name="cols"/> columns of each row of w (row r at r · stride; stride 0: cols).</summary>
    public PanelMatrix(ReadOnlySpan<float> w, int rows, int cols, int stride = 0)
    {
        Rows = rows; Cols = cols;
        if (stride == 0) stride = cols;
        int panels = (rows + Panel - 1) / Panel;
        _p = new float[panels * cols * Panel];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) _p[((r / Panel) * cols + c) * Panel + r % Panel] = w[r * stride + c];
        if (Vector512.IsHardwareAccelerated) return;
        _rowMajor = new float[rows * cols];
        for (int r = 0; r < rows; r++) w.Slice(r * stride, cols).CopyTo(_rowMajor.AsSpan(r * cols));
    }

    /// <summary>
    /// y[t·yStride + r] = bias[r] + Σ_c W[r, c] · x[t·xStride + c] for t &lt; count, r &lt; Rows.
    /// Four vectors and two panels per pass: eight accumulators, six loads per eight multiply-adds.
    /// </summary>
    public void Multiply(ReadOnlySpan<float> bias, ReadOnlySpan<float> x, int xStride, int count, Span<float> y, int yStride)
    {
        if (_rowMajor is not null)
        {
            BlockKernels.Gemm(_rowMajor, Cols, Rows, bias, x, xStride, Cols, count, y, yStride);
            return;
        }
        int cols = Cols, panels = (Rows + Panel - 1) / Panel;
        ref float p0 = ref MemoryMarshal.GetArrayDataReference(_p);
        ref float x0 = ref MemoryMarshal.GetReference(x);
        for (int t = 0; t < count; t += 4)
        {
            // A last block of one to three vectors repeats its last one (computed, not stored).
            int live = Math.Min(4, count - t);
            ref float xa = ref Unsafe.Add(ref x0, t * xStride);
            ref float xb = ref Unsafe.Add(ref xa, live > 1 ? xStride : 0);
            ref float xc = ref Unsafe.Add(ref xb, live > 2 ? xStride : 0);
            ref float xd = ref Unsafe.Add(ref xc, live > 3 ? xStride : 0);
            for (int q = 0; q < panels; q += 2)
            {
                bool two = q + 1 < panels;
                ref float pa = ref Unsafe.Add(ref p0, q * cols * Panel);
                ref float pb = ref Unsafe.Add(ref pa, two ? cols * Panel : 0);
                var a0 = Vector512<float>.Zero; var a1 = a0; var b0 = a0; var b1 = a0; var c0 = a0; var c1 = a0; var d0 = a0; var d1 = a0;
                for (int c = 0; c < cols; c++)
                {
                    var wa = Vector512.LoadUnsafe(ref pa, (nuint)(c * Panel));
                    var wb = Vector512.LoadUnsafe(ref pb, (nuint)(c * Panel));
                    var va = Vector512.Create(Unsafe.Add(ref xa, c));
                    a0 = Vector512.FusedMultiplyAdd(wa, va, a0); a1 = Vector512.FusedMultiplyAdd(wb, va, a1);
                    var vb = Vector512.Create(Unsafe.Add(ref xb, c));
                    b0 = Vector512.FusedMultiplyAdd(wa, vb, b0); b1 = Vector512.FusedMultiplyAdd(wb, vb, b1);
                    var vc = Vector512.Create(Unsafe.Add(ref xc, c));
                    c0 = Vector512.FusedMultiplyAdd(wa, vc, c0); c1 = Vector512.FusedMultiplyAdd(wb, vc, c1);
                    var vd = Vector512.Create(Unsafe.Add(ref xd, c));
                    d0 = Vector512.FusedMultiplyAdd(wa, vd, d0); d1 = Vector512.FusedMultiplyAdd(wb, vd, d1);
                }
                int r0 = q * Panel;
                Store(y.Slice(t * yStride, Rows), bias, r0, two, a0, a1);
                if (live > 1) Store(y.Slice((t + 1) * yStride, Rows), bias, r0, two, b0, b1);
                if (live > 2) Store(y.Slice((t + 2) * yStride, Rows), bias, r0, two, c0, c1);
                if (live > 3) Store(y.Slice((t + 3) * yStride, Rows), bias, r0, two, d0, d1);
            }
        }
    }

    /// <summary>Writes one or two panels' sums plus bias into the output row (a padded panel lane by lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Span<float> row, ReadOnlySpan<float> bias, int r0, bool two, Vector512<float> first, Vector512<float> second)
    {
        Put(row, bias, r0, first);
        if (two) Put(row, bias, r0 + Panel, second);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put(Span<float> row, ReadOnlySpan<float> bias, int r0, Vector512<float> sum)
    {
        if (r0 + Panel <= row.Length)
        {
            if (!bias.IsEmpty) sum += Vector512.Create(bias.Slice(r0, Panel));
            sum.CopyTo(row[r0..]);
            return;
        }
        for (int i = 0; r0 + i < row.Length; i++) row[r0 + i] = sum.GetElement(i) + (bias.IsEmpty ? 0f : bias[r0 + i]);
    }
}
