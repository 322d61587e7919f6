using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Wirescope.Language.Parsing.Neural;

/// <summary>
/// A weight matrix as 16-bit integers, for products with vectors in (−1, 1): the LSTM's
/// recurrent step y += W_h · h, and the products that read LSTM outputs (the MLP, the input
/// of a second layer). The recurrent step cannot be batched over words (each state needs the
/// previous one), so each step streams the whole matrix: 256 KB as floats, more than half the
/// core's L2 cache with the other weights beside it. As integers it is half that, and one
/// multiply-add instruction does twice the work of a float FMA.
/// <para>
/// Exactness: the shipped model stores every matrix row as 8-bit integers times a row scale
/// (<see cref="Quantizer"/>), so its rows become integers of at most <see cref="WeightTop"/>
/// = 127 with no loss at all (rows from a 16-bit file or trained in memory are rounded to
/// 1/254 of their range). The vector is rounded to 1/<see cref="StateTop"/> = 1/32767. Each
/// 32-bit lane sums one product per column, at most 127 × 32767 each, below 2³¹ for up to
/// 512 columns, so nothing overflows.
/// </para>
/// <para>
/// Layout: rows in groups of 16; per group and per pair of columns (j, j+1), the 16 rows'
/// two weights side by side (32 shorts, one 512-bit vector). Broadcasting the vector's pair
/// (x_j, x_j+1) and one multiply-add of adjacent pairs gives all 16 rows' partial sums in
/// lanes, so no horizontal sums are needed.
/// </para>
/// </summary>
internal sealed class IntegerMatrix
{
    public const int WeightTop = 127;
    public const int StateTop = 32767;
    private const int Group = 16;

    /// <summary>Whether a rows × cols matrix can be held (whole groups of rows, pairs of columns, no overflow).</summary>
    public static bool Fits(int rows, int cols) => rows % Group == 0 && cols % 2 == 0 && cols <= 512;

    private readonly short[] _w;
    /// <summary>Per row: the weight scale over <see cref="StateTop"/> (integer sum → float).</summary>
    private readonly float[] _scale;
    private readonly int _rows, _cols;

    /// <summary>
    /// From columns [first, first + cols) of a rows × stride matrix (the recurrent columns of a
    /// gate matrix). The scale comes from the whole row, as in the model file, so that 8-bit
    /// rows stay exact.
    /// </summary>
    public IntegerMatrix(ReadOnlySpan<float> w, int stride, int rows, int first, int cols)
    {
        if (!Fits(rows, cols))
            throw new ArgumentException($"integer matrix {rows}×{cols}: rows must be a multiple of {Group}, columns even and at most 512");
        _rows = rows; _cols = cols;
        _w = new short[rows * cols];
        _scale = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            float max = 0;
            foreach (var v in w.Slice(r * stride, stride)) max = Math.Max(max, Math.Abs(v));
            var row = w.Slice(r * stride + first, cols);
            float step = max / WeightTop;
            _scale[r] = step / StateTop;
            int g = r / Group, lane = r % Group;
            for (int c = 0; c < cols; c++)
            {
                int q = step == 0 ? 0 : Math.Clamp((int)MathF.Round(row[c] / step), -WeightTop, WeightTop);
                _w[(g * (cols / 2) + c / 2) * 2 * Group + lane * 2 + (c & 1)] = (short)q;
            }
        }
    }

    /// <summary>q = x rounded to integers in units of 1/<see cref="StateTop"/> (x in (−1, 1); larger values saturate).</summary>
    public static void Quantize(ReadOnlySpan<float> x, Span<short> q)
    {
        int c = 0, n = x.Length;
        if (Avx512F.IsSupported)
        {
            var top = Vector512.Create((float)StateTop);
            ref float x0 = ref MemoryMarshal.GetReference(x);
            ref short q0 = ref MemoryMarshal.GetReference(q);
            // Rounded to nearest (the default mode), then narrowed with saturation.
            for (; c + 16 <= n; c += 16)
                Avx512F.ConvertToVector256Int16WithSaturation(Avx512F.ConvertToVector512Int32(Vector512.Min(Vector512.Max(Vector512.LoadUnsafe(ref x0, (nuint)c), -Vector512<float>.One), Vector512<float>.One) * top))
                    .StoreUnsafe(ref q0, (nuint)c);
        }
        else if (Avx2.IsSupported)
        {
            var top = Vector256.Create((float)StateTop);
            ref float x0 = ref MemoryMarshal.GetReference(x);
            ref short q0 = ref MemoryMarshal.GetReference(q);
            for (; c + 16 <= n; c += 16)
            {
                var lo = Avx.ConvertToVector256Int32(Vector256.Min(Vector256.Max(Vector256.LoadUnsafe(ref x0, (nuint)c), -Vector256<float>.One), Vector256<float>.One) * top);
                var hi = Avx.ConvertToVector256Int32(Vector256.Min(Vector256.Max(Vector256.LoadUnsafe(ref x0, (nuint)c + 8), -Vector256<float>.One), Vector256<float>.One) * top);
                // The pack works per 128-bit lane (lo0-3 hi0-3 lo4-7 hi4-7); the permute puts it back in order.
                Avx2.Permute4x64(Avx2.PackSignedSaturate(lo, hi).AsInt64(), 0b11_01_10_00).AsInt16().StoreUnsafe(ref q0, (nuint)c);
            }
        }
        for (; c < n; c++) q[c] = (short)Math.Clamp((int)MathF.Round(x[c] * StateTop), -StateTop, StateTop);
    }

    /// <summary>y[r] += W[r] · h for every row; <paramref name="scratch"/> holds at least cols shorts.</summary>
    public void AddTo(ReadOnlySpan<float> h, Span<float> y, Span<short> scratch)
    {
        var hq = scratch[.._cols];
        Quantize(h[.._cols], hq);
        AddQuantized(hq, y);
    }

    /// <summary>y[r] += W[r] · x for an already quantized x.</summary>
    private void AddQuantized(ReadOnlySpan<short> hq, Span<float> y)
    {
        var pairs = MemoryMarshal.Cast<short, int>(hq);
        if (Avx512BW.IsSupported) Add512(pairs, y);
        else if (Avx2.IsSupported) Add256(pairs, y);
        else AddScalar(hq, y);
    }

    /// <summary>
    /// y[t·yStride + r] = bias[r] + W[r] · x_t for t &lt; count, from vectors already quantized
    /// (<see cref="Quantize"/>) at xq[t·xStride ..]. Four vectors and two row groups per pass:
    /// eight accumulators fed by two weight loads and four broadcasts.
    /// </summary>
    public void Multiply(ReadOnlySpan<float> bias, ReadOnlySpan<short> xq, int xStride, int count, Span<float> y, int yStride)
    {
        if (!Avx512BW.IsSupported && Avx2.IsSupported && xStride % 2 == 0)
        {
            Multiply256(bias, xq, xStride, count, y, yStride);
            return;
        }
        if (!Avx512BW.IsSupported || xStride % 2 != 0)
        {
            for (int t = 0; t < count; t++)
            {
                var row = y.Slice(t * yStride, _rows);
                if (bias.IsEmpty) row.Clear(); else bias[.._rows].CopyTo(row);
                AddQuantized(xq.Slice(t * xStride, _cols), row);
            }
            return;
        }
        int np = _cols / 2, groups = _rows / Group, pStride = xStride / 2;
        ref short w0 = ref MemoryMarshal.GetArrayDataReference(_w);
        ref int p0 = ref Unsafe.As<short, int>(ref MemoryMarshal.GetReference(xq));
        for (int t = 0; t < count; t += 4)
        {
            // A last block of one to three vectors repeats its last one (computed, not stored).
            int live = Math.Min(4, count - t);
            ref int xa = ref Unsafe.Add(ref p0, t * pStride);
            ref int xb = ref Unsafe.Add(ref xa, live > 1 ? pStride : 0);
            ref int xc = ref Unsafe.Add(ref xb, live > 2 ? pStride : 0);
            ref int xd = ref Unsafe.Add(ref xc, live > 3 ? pStride : 0);
            for (int g = 0; g < groups; g += 2)
            {
                bool two = g + 1 < groups;
                ref short ga = ref Unsafe.Add(ref w0, g * np * 2 * Group);
                ref short gb = ref Unsafe.Add(ref ga, two ? np * 2 * Group : 0);
                var a0 = Vector512<int>.Zero; var a1 = a0; var b0 = a0; var b1 = a0; var c0 = a0; var c1 = a0; var d0 = a0; var d1 = a0;
                for (int j = 0; j < np; j++)
                {
                    nuint at = (nuint)(j * 2 * Group);
                    var wa = Vector512.LoadUnsafe(ref ga, at);
                    var wb = Vector512.LoadUnsafe(ref gb, at);
                    var va = Vector512.Create(Unsafe.Add(ref xa, j)).AsInt16();
                    a0 += Avx512BW.MultiplyAddAdjacent(wa, va); a1 += Avx512BW.MultiplyAddAdjacent(wb, va);
                    var vb = Vector512.Create(Unsafe.Add(ref xb, j)).AsInt16();
                    b0 += Avx512BW.MultiplyAddAdjacent(wa, vb); b1 += Avx512BW.MultiplyAddAdjacent(wb, vb);
                    var vc = Vector512.Create(Unsafe.Add(ref xc, j)).AsInt16();
                    c0 += Avx512BW.MultiplyAddAdjacent(wa, vc); c1 += Avx512BW.MultiplyAddAdjacent(wb, vc);
                    var vd = Vector512.Create(Unsafe.Add(ref xd, j)).AsInt16();
                    d0 += Avx512BW.MultiplyAddAdjacent(wa, vd); d1 += Avx512BW.MultiplyAddAdjacent(wb, vd);
                }
                int r0 = g * Group;
                Put(y.Slice(t * yStride, _rows), bias, r0, two, a0, a1);
                if (live > 1) Put(y.Slice((t + 1) * yStride, _rows), bias, r0, two, b0, b1);
                if (live > 2) Put(y.Slice((t + 2) * yStride, _rows), bias, r0, two, c0, c1);
                if (live > 3) Put(y.Slice((t + 3) * yStride, _rows), bias, r0, two, d0, d1);
            }
        }
    }

    /// <summary>
    /// <see cref="Multiply"/> with 256-bit vectors (no AVX-512): each group of 16 rows as two
    /// halves of 8, four vectors per pass, so the weights are still read once per four words.
    /// </summary>
    private void Multiply256(ReadOnlySpan<float> bias, ReadOnlySpan<short> xq, int xStride, int count, Span<float> y, int yStride)
    {
        int np = _cols / 2, groups = _rows / Group, pStride = xStride / 2;
        ref short w0 = ref MemoryMarshal.GetArrayDataReference(_w);
        ref int p0 = ref Unsafe.As<short, int>(ref MemoryMarshal.GetReference(xq));
        for (int t = 0; t < count; t += 4)
        {
            int live = Math.Min(4, count - t);
            ref int xa = ref Unsafe.Add(ref p0, t * pStride);
            ref int xb = ref Unsafe.Add(ref xa, live > 1 ? pStride : 0);
            ref int xc = ref Unsafe.Add(ref xb, live > 2 ? pStride : 0);
            ref int xd = ref Unsafe.Add(ref xc, live > 3 ? pStride : 0);
            for (int g = 0; g < groups; g++)
            {
                ref short wg = ref Unsafe.Add(ref w0, g * np * 2 * Group);
                var a0 = Vector256<int>.Zero; var a1 = a0; var b0 = a0; var b1 = a0; var c0 = a0; var c1 = a0; var d0 = a0; var d1 = a0;
                for (int j = 0; j < np; j++)
                {
                    nuint at = (nuint)(j * 2 * Group);
                    var lo = Vector256.LoadUnsafe(ref wg, at);
                    var hi = Vector256.LoadUnsafe(ref wg, at + 16);
                    var va = Vector256.Create(Unsafe.Add(ref xa, j)).AsInt16();
                    a0 += Avx2.MultiplyAddAdjacent(lo, va); a1 += Avx2.MultiplyAddAdjacent(hi, va);
                    var vb = Vector256.Create(Unsafe.Add(ref xb, j)).AsInt16();
                    b0 += Avx2.MultiplyAddAdjacent(lo, vb); b1 += Avx2.MultiplyAddAdjacent(hi, vb);
                    var vc = Vector256.Create(Unsafe.Add(ref xc, j)).AsInt16();
                    c0 += Avx2.MultiplyAddAdjacent(lo, vc); c1 += Avx2.MultiplyAddAdjacent(hi, vc);
                    var vd = Vector256.Create(Unsafe.Add(ref xd, j)).AsInt16();
                    d0 += Avx2.MultiplyAddAdjacent(lo, vd); d1 += Avx2.MultiplyAddAdjacent(hi, vd);
                }
                int r0 = g * Group;
                Put256(y.Slice(t * yStride, _rows), bias, r0, a0, a1);
                if (live > 1) Put256(y.Slice((t + 1) * yStride, _rows), bias, r0, b0, b1);
                if (live > 2) Put256(y.Slice((t + 2) * yStride, _rows), bias, r0, c0, c1);
                if (live > 3) Put256(y.Slice((t + 3) * yStride, _rows), bias, r0, d0, d1);
            }
        }
    }

    /// <summary>Rows r0..r0+15: bias + scale × the two halves' integer sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Put256(Span<float> row, ReadOnlySpan<float> bias, int r0, Vector256<int> low, Vector256<int> high)
    {
        ref float s0 = ref MemoryMarshal.GetArrayDataReference(_scale);
        ref float y0 = ref MemoryMarshal.GetReference(row);
        for (int k = 0; k < 2; k++)
        {
            nuint at = (nuint)(r0 + k * 8);
            var b = bias.IsEmpty ? Vector256<float>.Zero : Vector256.Create(bias.Slice((int)at, 8));
            Vector256.FusedMultiplyAdd(Vector256.ConvertToSingle(k == 0 ? low : high), Vector256.LoadUnsafe(ref s0, at), b).StoreUnsafe(ref y0, at);
        }
    }

    /// <summary>Row r0.. (and the next group): bias + scale × integer sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Put(Span<float> row, ReadOnlySpan<float> bias, int r0, bool two, Vector512<int> first, Vector512<int> second)
    {
        ref float s0 = ref MemoryMarshal.GetArrayDataReference(_scale);
        ref float y0 = ref MemoryMarshal.GetReference(row);
        for (int k = 0; k < (two ? 2 : 1); k++)
        {
            nuint at = (nuint)(r0 + k * Group);
            var b = bias.IsEmpty ? Vector512<float>.Zero : Vector512.Create(bias.Slice((int)at, Group));
            Vector512.FusedMultiplyAdd(Vector512.ConvertToSingle(k == 0 ? first : second), Vector512.LoadUnsafe(ref s0, at), b).StoreUnsafe(ref y0, at);
        }
    }

    private void Add512(ReadOnlySpan<int> pairs, Span<float> y)
    {
        int np = _cols / 2;
        ref short w0 = ref MemoryMarshal.GetArrayDataReference(_w);
        ref float s0 = ref MemoryMarshal.GetArrayDataReference(_scale);
        ref float y0 = ref MemoryMarshal.GetReference(y);
        ref int p0 = ref MemoryMarshal.GetReference(pairs);
        int g = 0, groups = _rows / Group;
        // Four groups (64 rows) per pass: each broadcast state pair feeds four accumulators.
        for (; g + 4 <= groups; g += 4)
        {
            ref short wa = ref Unsafe.Add(ref w0, g * np * 2 * Group);
            ref short wb = ref Unsafe.Add(ref wa, np * 2 * Group);
            ref short wc = ref Unsafe.Add(ref wb, np * 2 * Group);
            ref short wd = ref Unsafe.Add(ref wc, np * 2 * Group);
            var a = Vector512<int>.Zero; var b = a; var c = a; var d = a;
            for (int j = 0; j < np; j++)
            {
                var x = Vector512.Create(Unsafe.Add(ref p0, j)).AsInt16();
                nuint at = (nuint)(j * 2 * Group);
                a += Avx512BW.MultiplyAddAdjacent(Vector512.LoadUnsafe(ref wa, at), x);
                b += Avx512BW.MultiplyAddAdjacent(Vector512.LoadUnsafe(ref wb, at), x);
                c += Avx512BW.MultiplyAddAdjacent(Vector512.LoadUnsafe(ref wc, at), x);
                d += Avx512BW.MultiplyAddAdjacent(Vector512.LoadUnsafe(ref wd, at), x);
            }
            Finish(a, ref s0, ref y0, g * Group);
            Finish(b, ref s0, ref y0, (g + 1) * Group);
            Finish(c, ref s0, ref y0, (g + 2) * Group);
            Finish(d, ref s0, ref y0, (g + 3) * Group);
        }
        for (; g < groups; g++)
        {
            ref short wa = ref Unsafe.Add(ref w0, g * np * 2 * Group);
            var a = Vector512<int>.Zero;
            for (int j = 0; j < np; j++)
                a += Avx512BW.MultiplyAddAdjacent(Vector512.LoadUnsafe(ref wa, (nuint)(j * 2 * Group)), Vector512.Create(Unsafe.Add(ref p0, j)).AsInt16());
            Finish(a, ref s0, ref y0, g * Group);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish(Vector512<int> sum, ref float scale, ref float y, int row)
    {
        var r = Vector512.FusedMultiplyAdd(Vector512.ConvertToSingle(sum), Vector512.LoadUnsafe(ref scale, (nuint)row), Vector512.LoadUnsafe(ref y, (nuint)row));
        r.StoreUnsafe(ref y, (nuint)row);
    }

    private void Add256(ReadOnlySpan<int> pairs, Span<float> y)
    {
        int np = _cols / 2;
        ref short w0 = ref MemoryMarshal.GetArrayDataReference(_w);
        ref float s0 = ref MemoryMarshal.GetArrayDataReference(_scale);
        ref float y0 = ref MemoryMarshal.GetReference(y);
        ref int p0 = ref MemoryMarshal.GetReference(pairs);
        for (int g = 0; g < _rows / Group; g++)
        {
            ref short wg = ref Unsafe.Add(ref w0, g * np * 2 * Group);
            var lo = Vector256<int>.Zero; var hi = lo;
            for (int j = 0; j < np; j++)
            {
                var x = Vector256.Create(Unsafe.Add(ref p0, j)).AsInt16();
                nuint at = (nuint)(j * 2 * Group);
                lo += Avx2.MultiplyAddAdjacent(Vector256.LoadUnsafe(ref wg, at), x);
                hi += Avx2.MultiplyAddAdjacent(Vector256.LoadUnsafe(ref wg, at + 16), x);
            }
            for (int half = 0; half < 2; half++)
            {
                nuint row = (nuint)(g * Group + half * 8);
                var sum = Vector256.ConvertToSingle(half == 0 ? lo : hi);
                Vector256.FusedMultiplyAdd(sum, Vector256.LoadUnsafe(ref s0, row), Vector256.LoadUnsafe(ref y0, row)).StoreUnsafe(ref y0, row);
            }
        }
    }

    private void AddScalar(ReadOnlySpan<short> hq, Span<float> y)
    {
        int np = _cols / 2;
        for (int r = 0; r < _rows; r++)
        {
            int g = r / Group, lane = r % Group, sum = 0;
            for (int j = 0; j < np; j++)
            {
                int at = (g * np + j) * 2 * Group + lane * 2;
                sum += _w[at] * hq[2 * j] + _w[at + 1] * hq[2 * j + 1];
            }
            y[r] += sum * _scale[r];
        }
    }
}
