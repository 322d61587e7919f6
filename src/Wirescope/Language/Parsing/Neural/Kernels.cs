using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
            s = Vector.Sum(acc0 + acc1);
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}
