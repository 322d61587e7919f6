using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Wirescope.Language.Parsing.Neural;

/// <summary>
/// The few vector operations the network needs (dot, y += a·x, matrix-vector both ways), on
/// spans with <see cref="Vector{T}"/>. The order of additions is fixed, so results are the
/// same bit for bit on every run of the same machine.
/// </summary>
internal static class Kernels
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int n = a.Length, i = 0;
        float s = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count * 2)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b[..n]);
            var acc0 = Vector<float>.Zero;
            var acc1 = Vector<float>.Zero;
            int k = 0;
            for (; k + 1 < va.Length; k += 2)
            {
                acc0 = Vector.FusedMultiplyAdd(va[k], vb[k], acc0);
                acc1 = Vector.FusedMultiplyAdd(va[k + 1], vb[k + 1], acc1);
            }
            if (k < va.Length) acc0 = Vector.FusedMultiplyAdd(va[k], vb[k], acc0);
            s = Sum(acc0 + acc1);
            i = va.Length * Vector<float>.Count;
        }
        for (; i < n; i++) s += a[i] * b[i];
        return s;
    }

    /// <summary>y += a * x.</summary>
    public static void Axpy(float a, ReadOnlySpan<float> x, Span<float> y)
    {
        int n = x.Length, i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count)
        {
            var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
            var vy = MemoryMarshal.Cast<float, Vector<float>>(y[..n]);
            var va = new Vector<float>(a);
            for (int k = 0; k < vx.Length; k++) vy[k] = Vector.FusedMultiplyAdd(va, vx[k], vy[k]);
            i = vx.Length * Vector<float>.Count;
        }
        for (; i < n; i++) y[i] += a * x[i];
    }

    /// <summary>y = W x + b for W of y.Length rows of x.Length (row-major).</summary>
    public static void MatVec(ReadOnlySpan<float> w, ReadOnlySpan<float> b, ReadOnlySpan<float> x, Span<float> y)
    {
        int cols = x.Length;
        for (int r = 0; r < y.Length; r++) y[r] = b[r] + Dot(w.Slice(r * cols, cols), x);
    }

    /// <summary>dx += Wᵀ dy and dW += dy ⊗ x (the backward pass of <see cref="MatVec"/>; db is added by the caller).</summary>
    public static void MatVecBack(ReadOnlySpan<float> w, Span<float> dw, ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx)
    {
        int cols = x.Length;
        for (int r = 0; r < dy.Length; r++)
        {
            float g = dy[r];
            if (g == 0) continue;
            Axpy(g, w.Slice(r * cols, cols), dx);
            Axpy(g, x, dw.Slice(r * cols, cols));
        }
    }

    /// <summary>
    /// The lanes added in a fixed order. Not <c>Vector.Sum</c>: its JIT expansion adds in
    /// another order than its fallback, and a method runs as both while tiered compilation
    /// warms it up, so training results depended on timing (measured: two runs of one epoch
    /// differed in the fourth decimal of the loss).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Vector<float> v)
    {
        float s = 0;
        for (int i = 0; i < Vector<float>.Count; i++) s += v[i];
        return s;
    }

    /// <summary>The eight lanes added in a fixed order (see <see cref="Sum(Vector{float})"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Vector256<float> v)
    {
        var h = v.GetLower() + v.GetUpper();
        return (h.GetElement(0) + h.GetElement(1)) + (h.GetElement(2) + h.GetElement(3));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}

/// <summary>
/// Inference kernels: a matrix times a block of vectors, four vectors per pass over each
/// weight row (the row is read from cache once for four words instead of once per word), and
/// the gate nonlinearities on whole vectors.
/// </summary>
internal static class BlockKernels
{
    /// <summary>
    /// y[t·yStride + r] = bias[r] + w[r·wStride ..][..cols] · x[t·xStride ..][..cols] for t &lt; count, r &lt; rows
    /// (bias empty: none).
    /// </summary>
    public static void Gemm(ReadOnlySpan<float> w, int wStride, int rows, ReadOnlySpan<float> bias, ReadOnlySpan<float> x, int xStride, int cols, int count, Span<float> y, int yStride)
    {
        if (Vector512.IsHardwareAccelerated && cols >= 16)
        {
            Gemm512(w, wStride, rows, bias, x, xStride, cols, count, y, yStride);
            return;
        }
        ref float w0 = ref MemoryMarshal.GetReference(w);
        ref float x0 = ref MemoryMarshal.GetReference(x);
        int vec = cols & ~7;
        int t = 0;
        for (; t + 4 <= count; t += 4)
        {
            ref float xa = ref Unsafe.Add(ref x0, t * xStride);
            ref float xb = ref Unsafe.Add(ref xa, xStride);
            ref float xc = ref Unsafe.Add(ref xb, xStride);
            ref float xd = ref Unsafe.Add(ref xc, xStride);
            for (int r = 0; r < rows; r++)
            {
                ref float wr = ref Unsafe.Add(ref w0, r * wStride);
                var a = Vector256<float>.Zero; var b = a; var c = a; var d = a;
                int k = 0;
                for (; k < vec; k += 8)
                {
                    var wv = Vector256.LoadUnsafe(ref wr, (nuint)k);
                    a = Vector256.FusedMultiplyAdd(wv, Vector256.LoadUnsafe(ref xa, (nuint)k), a);
                    b = Vector256.FusedMultiplyAdd(wv, Vector256.LoadUnsafe(ref xb, (nuint)k), b);
                    c = Vector256.FusedMultiplyAdd(wv, Vector256.LoadUnsafe(ref xc, (nuint)k), c);
                    d = Vector256.FusedMultiplyAdd(wv, Vector256.LoadUnsafe(ref xd, (nuint)k), d);
                }
                float sa = Kernels.Sum(a), sb = Kernels.Sum(b), sc = Kernels.Sum(c), sd = Kernels.Sum(d);
                for (; k < cols; k++)
                {
                    float wk = Unsafe.Add(ref wr, k);
                    sa += wk * Unsafe.Add(ref xa, k); sb += wk * Unsafe.Add(ref xb, k);
                    sc += wk * Unsafe.Add(ref xc, k); sd += wk * Unsafe.Add(ref xd, k);
                }
                float bb = bias.IsEmpty ? 0f : bias[r];
                y[t * yStride + r] = sa + bb; y[(t + 1) * yStride + r] = sb + bb;
                y[(t + 2) * yStride + r] = sc + bb; y[(t + 3) * yStride + r] = sd + bb;
            }
        }
        for (; t < count; t++)
            for (int r = 0; r < rows; r++)
                y[t * yStride + r] = (bias.IsEmpty ? 0f : bias[r]) + Kernels.Dot(w.Slice(r * wStride, cols), x.Slice(t * xStride, cols));
    }

    /// <summary>
    /// <see cref="Gemm"/> with 512-bit vectors (twice the multiply-adds per instruction where the
    /// core has full-width AVX-512): same function, lanes summed in another fixed order.
    /// </summary>
    private static void Gemm512(ReadOnlySpan<float> w, int wStride, int rows, ReadOnlySpan<float> bias, ReadOnlySpan<float> x, int xStride, int cols, int count, Span<float> y, int yStride)
    {
        ref float w0 = ref MemoryMarshal.GetReference(w);
        ref float x0 = ref MemoryMarshal.GetReference(x);
        int vec = cols & ~15;
        for (int t = 0; t < count; t += 4)
        {
            // A last block of one to three vectors repeats its last vector in the empty places
            // (computed, not stored): streaming the weights once for four is no dearer than for one.
            int live = Math.Min(4, count - t);
            ref float xa = ref Unsafe.Add(ref x0, t * xStride);
            ref float xb = ref Unsafe.Add(ref xa, live > 1 ? xStride : 0);
            ref float xc = ref Unsafe.Add(ref xb, live > 2 ? xStride : 0);
            ref float xd = ref Unsafe.Add(ref xc, live > 3 ? xStride : 0);
            for (int r = 0; r < rows; r++)
            {
                ref float wr = ref Unsafe.Add(ref w0, r * wStride);
                var a = Vector512<float>.Zero; var b = a; var c = a; var d = a;
                int k = 0;
                for (; k < vec; k += 16)
                {
                    var wv = Vector512.LoadUnsafe(ref wr, (nuint)k);
                    a = Vector512.FusedMultiplyAdd(wv, Vector512.LoadUnsafe(ref xa, (nuint)k), a);
                    b = Vector512.FusedMultiplyAdd(wv, Vector512.LoadUnsafe(ref xb, (nuint)k), b);
                    c = Vector512.FusedMultiplyAdd(wv, Vector512.LoadUnsafe(ref xc, (nuint)k), c);
                    d = Vector512.FusedMultiplyAdd(wv, Vector512.LoadUnsafe(ref xd, (nuint)k), d);
                }
                float sa = Sum(a), sb = Sum(b), sc = Sum(c), sd = Sum(d);
                for (; k < cols; k++)
                {
                    float wk = Unsafe.Add(ref wr, k);
                    sa += wk * Unsafe.Add(ref xa, k); sb += wk * Unsafe.Add(ref xb, k);
                    sc += wk * Unsafe.Add(ref xc, k); sd += wk * Unsafe.Add(ref xd, k);
                }
                float bb = bias.IsEmpty ? 0f : bias[r];
                y[t * yStride + r] = sa + bb;
                if (live > 1) y[(t + 1) * yStride + r] = sb + bb;
                if (live > 2) y[(t + 2) * yStride + r] = sc + bb;
                if (live > 3) y[(t + 3) * yStride + r] = sd + bb;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Sum(Vector512<float> v) => Kernels.Sum(v.GetLower() + v.GetUpper());

    /// <summary>y[r] += w[r·wStride ..][..cols] · x for r &lt; y.Length (the recurrent step).</summary>
    public static void AddMatVec(ReadOnlySpan<float> w, int wStride, ReadOnlySpan<float> x, Span<float> y)
    {
        int cols = x.Length;
        ref float w0 = ref MemoryMarshal.GetReference(w);
        ref float xr = ref MemoryMarshal.GetReference(x);
        int vec = cols & ~7;
        int r = 0;
        // Four rows at a time: four independent accumulator chains share each load of x.
        for (; r + 4 <= y.Length; r += 4)
        {
            ref float wa = ref Unsafe.Add(ref w0, r * wStride);
            ref float wb = ref Unsafe.Add(ref wa, wStride);
            ref float wc = ref Unsafe.Add(ref wb, wStride);
            ref float wd = ref Unsafe.Add(ref wc, wStride);
            var a = Vector256<float>.Zero; var b = a; var c = a; var d = a;
            int k = 0;
            for (; k < vec; k += 8)
            {
                var xv = Vector256.LoadUnsafe(ref xr, (nuint)k);
                a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref wa, (nuint)k), xv, a);
                b = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref wb, (nuint)k), xv, b);
                c = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref wc, (nuint)k), xv, c);
                d = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref wd, (nuint)k), xv, d);
            }
            float sa = Kernels.Sum(a), sb = Kernels.Sum(b), sc = Kernels.Sum(c), sd = Kernels.Sum(d);
            for (; k < cols; k++)
            {
                float xk = x[k];
                sa += Unsafe.Add(ref wa, k) * xk; sb += Unsafe.Add(ref wb, k) * xk;
                sc += Unsafe.Add(ref wc, k) * xk; sd += Unsafe.Add(ref wd, k) * xk;
            }
            y[r] += sa; y[r + 1] += sb; y[r + 2] += sc; y[r + 3] += sd;
        }
        for (; r < y.Length; r++) y[r] += Kernels.Dot(w.Slice(r * wStride, cols), x);
    }

    /// <summary>
    /// One LSTM cell from its gate pre-activations g = [i; f; c̃; o] (each H wide):
    /// c = σ(i) ⊙ tanh(c̃) + σ(f) ⊙ c_prev (c_prev empty at the first step), h = σ(o) ⊙ tanh(c).
    /// The gates are left activated in g. One pass of 512-bit vectors where the core has them.
    /// </summary>
    public static void LstmCell(Span<float> g, ReadOnlySpan<float> cellPrev, Span<float> cell, Span<float> h)
    {
        int n = cell.Length, u = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            ref float g0 = ref MemoryMarshal.GetReference(g);
            ref float c0 = ref MemoryMarshal.GetReference(cell);
            ref float h0 = ref MemoryMarshal.GetReference(h);
            ref float p0 = ref MemoryMarshal.GetReference(cellPrev);
            var one = Vector512<float>.One;
            var two = Vector512.Create(2f);
            for (; u + 16 <= n; u += 16)
            {
                nuint at = (nuint)u;
                var i = one / (one + Vector512.Exp(-Vector512.LoadUnsafe(ref g0, at)));
                var f = one / (one + Vector512.Exp(-Vector512.LoadUnsafe(ref g0, at + (nuint)n)));
                var z = two / (one + Vector512.Exp(-two * Vector512.LoadUnsafe(ref g0, at + (nuint)(2 * n)))) - one;
                var o = one / (one + Vector512.Exp(-Vector512.LoadUnsafe(ref g0, at + (nuint)(3 * n))));
                var c = i * z;
                if (!cellPrev.IsEmpty) c = Vector512.FusedMultiplyAdd(f, Vector512.LoadUnsafe(ref p0, at), c);
                c.StoreUnsafe(ref c0, at);
                (o * (two / (one + Vector512.Exp(-two * c)) - one)).StoreUnsafe(ref h0, at);
                i.StoreUnsafe(ref g0, at); f.StoreUnsafe(ref g0, at + (nuint)n);
                z.StoreUnsafe(ref g0, at + (nuint)(2 * n)); o.StoreUnsafe(ref g0, at + (nuint)(3 * n));
            }
        }
        else
        {
            // 256-bit vectors: the gates by kind, then the cell.
            Sigmoid(g[..(2 * n)]);
            Tanh(g.Slice(2 * n, n));
            Sigmoid(g[(3 * n)..]);
            for (int k = 0; k < n; k++) cell[k] = g[k] * g[2 * n + k] + (cellPrev.IsEmpty ? 0f : g[n + k] * cellPrev[k]);
            cell.CopyTo(h);
            Tanh(h);
            for (int k = 0; k < n; k++) h[k] *= g[3 * n + k];
            return;
        }
        for (; u < n; u++)
        {
            g[u] = Kernels.Sigmoid(g[u]); g[n + u] = Kernels.Sigmoid(g[n + u]);
            g[2 * n + u] = MathF.Tanh(g[2 * n + u]); g[3 * n + u] = Kernels.Sigmoid(g[3 * n + u]);
            float c = g[u] * g[2 * n + u] + (cellPrev.IsEmpty ? 0f : g[n + u] * cellPrev[u]);
            cell[u] = c;
            h[u] = g[3 * n + u] * MathF.Tanh(c);
        }
    }

    /// <summary>y = a + b + c + d + e, added in that order (one pass instead of a copy and four y += x).</summary>
    public static void Sum5(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, ReadOnlySpan<float> d, ReadOnlySpan<float> e, Span<float> y)
    {
        int n = y.Length, i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            ref float a0 = ref MemoryMarshal.GetReference(a); ref float b0 = ref MemoryMarshal.GetReference(b);
            ref float c0 = ref MemoryMarshal.GetReference(c); ref float d0 = ref MemoryMarshal.GetReference(d);
            ref float e0 = ref MemoryMarshal.GetReference(e); ref float y0 = ref MemoryMarshal.GetReference(y);
            for (; i + 16 <= n; i += 16)
            {
                nuint k = (nuint)i;
                ((((Vector512.LoadUnsafe(ref a0, k) + Vector512.LoadUnsafe(ref b0, k)) + Vector512.LoadUnsafe(ref c0, k))
                    + Vector512.LoadUnsafe(ref d0, k)) + Vector512.LoadUnsafe(ref e0, k)).StoreUnsafe(ref y0, k);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            ref float a0 = ref MemoryMarshal.GetReference(a); ref float b0 = ref MemoryMarshal.GetReference(b);
            ref float c0 = ref MemoryMarshal.GetReference(c); ref float d0 = ref MemoryMarshal.GetReference(d);
            ref float e0 = ref MemoryMarshal.GetReference(e); ref float y0 = ref MemoryMarshal.GetReference(y);
            for (; i + 8 <= n; i += 8)
            {
                nuint k = (nuint)i;
                ((((Vector256.LoadUnsafe(ref a0, k) + Vector256.LoadUnsafe(ref b0, k)) + Vector256.LoadUnsafe(ref c0, k))
                    + Vector256.LoadUnsafe(ref d0, k)) + Vector256.LoadUnsafe(ref e0, k)).StoreUnsafe(ref y0, k);
            }
        }
        for (; i < n; i++) y[i] = (((a[i] + b[i]) + c[i]) + d[i]) + e[i];
    }

    /// <summary>In place: x = max(x, slope·x) for 0 ≤ slope &lt; 1, without branches (signs are a coin toss).</summary>
    public static void LeakyRelu(Span<float> x, float slope)
    {
        int i = 0;
        ref float r = ref MemoryMarshal.GetReference(x);
        var s = Vector256.Create(slope);
        for (; i + 8 <= x.Length; i += 8)
        {
            var v = Vector256.LoadUnsafe(ref r, (nuint)i);
            Vector256.Max(v, v * s).StoreUnsafe(ref r, (nuint)i);
        }
        for (; i < x.Length; i++) x[i] = Math.Max(x[i], slope * x[i]);
    }

    /// <summary>In place: x = 1 / (1 + e^-x).</summary>
    public static void Sigmoid(Span<float> x)
    {
        int i = 0;
        ref float r = ref MemoryMarshal.GetReference(x);
        for (; i + 8 <= x.Length; i += 8)
        {
            var v = Vector256.LoadUnsafe(ref r, (nuint)i);
            (Vector256<float>.One / (Vector256<float>.One + Vector256.Exp(-v))).StoreUnsafe(ref r, (nuint)i);
        }
        for (; i < x.Length; i++) x[i] = Kernels.Sigmoid(x[i]);
    }

    /// <summary>In place: x = tanh(x) = 2σ(2x) − 1.</summary>
    public static void Tanh(Span<float> x)
    {
        int i = 0;
        ref float r = ref MemoryMarshal.GetReference(x);
        var two = Vector256.Create(2f);
        for (; i + 8 <= x.Length; i += 8)
        {
            var v = Vector256.LoadUnsafe(ref r, (nuint)i);
            (two / (Vector256<float>.One + Vector256.Exp(-two * v)) - Vector256<float>.One).StoreUnsafe(ref r, (nuint)i);
        }
        for (; i < x.Length; i++) x[i] = MathF.Tanh(x[i]);
    }
}
