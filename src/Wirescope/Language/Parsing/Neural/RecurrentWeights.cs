using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Wirescope.Language.Parsing.Neural;

/// <summary>
/// One direction's recurrent gate matrix (4H × H) as 16-bit integers for the run-time step
/// y += W_h · h. The step is the one part of the network that cannot be batched over words
/// (each state needs the previous one), so each step streams the whole matrix: 256 KB as
/// floats, more than half the core's L2 cache with the other weights beside it. As integers
/// it is half that, and one multiply-add instruction does twice the work of a float FMA.
/// <para>
/// Exactness: the shipped model stores every matrix row as 8-bit integers times a row scale
/// (<see cref="Quantizer"/>), so a row becomes integers of at most <see cref="WeightTop"/>
/// (16 × 127) with no loss at all; rows trained in memory lose under 1/4000 of their range.
/// The state h lies in (−1, 1) and is rounded to 1/<see cref="StateTop"/>. Each 32-bit lane
/// sums 2·H/2 = H products of at most 2032 × 4095, below 2³¹ for H ≤ 256, so nothing overflows.
/// </para>
/// <para>
/// Layout: rows in groups of 16; per group and per pair of columns (j, j+1), the 16 rows'
/// two weights side by side (32 shorts, one 512-bit vector). Broadcasting the state pair
/// (h_j, h_j+1) and one multiply-add of adjacent pairs gives all 16 rows' partial sums in
/// lanes, so no horizontal sums are needed.
/// </para>
/// </summary>
internal sealed class RecurrentWeights
{
    public const int WeightTop = 127 * 16;
    public const int StateTop = 4095;
    private const int Group = 16;

    /// <summary>Whether a rows × cols matrix can be held (whole groups of rows, pairs of columns, no overflow).</summary>
    public static bool Fits(int rows, int cols) => rows % Group == 0 && cols % 2 == 0 && cols <= 256;

    private readonly short[] _w;
    /// <summary>Per row: the weight scale over <see cref="StateTop"/> (integer sum → float).</summary>
    private readonly float[] _scale;
    private readonly int _rows, _cols;

    /// <summary>
    /// From columns [first, first + cols) of a rows × stride matrix (the recurrent columns of a
    /// gate matrix). The scale comes from the whole row, as in the model file, so that 8-bit
    /// rows stay exact.
    /// </summary>
    public RecurrentWeights(ReadOnlySpan<float> w, int stride, int rows, int first, int cols)
    {
        if (!Fits(rows, cols))
            throw new ArgumentException($"recurrent matrix {rows}×{cols}: rows must be a multiple of {Group}, columns even and at most 256");
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

    /// <summary>y[r] += W[r] · h for every row; <paramref name="scratch"/> holds at least cols shorts.</summary>
    public void AddTo(ReadOnlySpan<float> h, Span<float> y, Span<short> scratch)
    {
        var hq = scratch[.._cols];
        int c = 0;
        if (Avx512F.IsSupported)
        {
            var top = Vector512.Create((float)StateTop);
            ref float h0 = ref MemoryMarshal.GetReference(h);
            ref short q0 = ref MemoryMarshal.GetReference(hq);
            // Rounded to nearest (the default mode), then narrowed with saturation; |h| < 1 keeps it in ±StateTop.
            for (; c + 16 <= _cols; c += 16)
                Avx512F.ConvertToVector256Int16WithSaturation(Avx512F.ConvertToVector512Int32(Vector512.LoadUnsafe(ref h0, (nuint)c) * top))
                    .StoreUnsafe(ref q0, (nuint)c);
        }
        for (; c < _cols; c++) hq[c] = (short)Math.Clamp((int)MathF.Round(h[c] * StateTop), -StateTop, StateTop);
        var pairs = MemoryMarshal.Cast<short, int>(hq);
        if (Avx512BW.IsSupported) Add512(pairs, y);
        else if (Avx2.IsSupported) Add256(pairs, y);
        else AddScalar(hq, y);
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
