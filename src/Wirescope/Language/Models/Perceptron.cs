namespace Wirescope.Language.Models;

/// <summary>
/// Averaged perceptron over hashed features, for training only. A feature gets a row of
/// weights the first time an update touches it (features never updated cost nothing).
/// Averaging uses the "accumulated timestamped update" trick: avg = w - u / t.
/// Single-threaded and order-deterministic, so a seed reproduces a model bit for bit.
/// </summary>
public sealed class Perceptron
{
    private readonly Dictionary<ulong, int> _rowOf = new();
    private readonly List<ulong> _keys = new();
    private float[] _w;
    private float[] _u;
    private int[] _updates;
    private long _t = 1;

    public int Classes { get; }

    public Perceptron(int classes)
    {
        Classes = classes;
        _w = new float[classes * 1024];
        _u = new float[classes * 1024];
        _updates = new int[1024];
    }

    /// <summary>Advance the averaging clock (call once per training example).</summary>
    public void Tick() => _t++;

    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        int n = Classes;
        foreach (var f in features)
        {
            if (!_rowOf.TryGetValue(f | 1UL, out var r)) continue;
            var row = _w.AsSpan(r * n, n);
            for (int c = 0; c < n; c++) scores[c] += row[c];
        }
    }

    /// <summary>Best class among those allowed (null = all).</summary>
    public int Predict(ReadOnlySpan<ulong> features, Span<float> scratch, ReadOnlySpan<bool> allowed = default)
    {
        scratch.Clear();
        Score(features, scratch);
        int best = -1;
        for (int c = 0; c < Classes; c++)
        {
            if (!allowed.IsEmpty && !allowed[c]) continue;
            if (best < 0 || scratch[c] > scratch[best]) best = c;
        }
        return best;
    }

    public void Update(ReadOnlySpan<ulong> features, int truth, int guess)
    {
        if (truth == guess) return;
        int n = Classes;
        foreach (var f0 in features)
        {
            int r = RowFor(f0);
            _updates[r]++;
            _w[r * n + truth] += 1f; _u[r * n + truth] += _t;
            if (guess >= 0) { _w[r * n + guess] -= 1f; _u[r * n + guess] -= _t; }
        }
    }

    /// <summary>Adds <paramref name="delta"/> to one class's weights of the features (global, structured updates).</summary>
    public void Add(ReadOnlySpan<ulong> features, int cls, float delta)
    {
        int n = Classes;
        foreach (var f0 in features)
        {
            int r = RowFor(f0);
            _updates[r]++;
            _w[r * n + cls] += delta; _u[r * n + cls] += _t * delta;
        }
    }

    private int RowFor(ulong f0)
    {
        ulong f = f0 | 1UL;
        if (_rowOf.TryGetValue(f, out var r)) return r;
        r = _keys.Count;
        _rowOf[f] = r;
        _keys.Add(f);
        int n = Classes;
        if ((r + 1) * n > _w.Length)
        {
            Array.Resize(ref _w, _w.Length * 2);
            Array.Resize(ref _u, _u.Length * 2);
            Array.Resize(ref _updates, _updates.Length * 2);
        }
        return r;
    }

    /// <summary>
    /// The averaged, pruned, 16-bit model. Features updated fewer than <paramref name="minUpdates"/>
    /// times are dropped (they are mostly one-off words and cost size, not accuracy).
    /// </summary>
    public LinearModel Freeze(int minUpdates = 1)
    {
        int n = Classes;
        var keep = new List<int>();
        float maxAbs = 1e-6f;
        var avg = new float[_keys.Count * n];
        for (int r = 0; r < _keys.Count; r++)
        {
            if (_updates[r] < minUpdates) continue;
            bool nonzero = false;
            for (int c = 0; c < n; c++)
            {
                float a = _w[r * n + c] - _u[r * n + c] / _t;
                avg[r * n + c] = a;
                if (Math.Abs(a) > 1e-4f) nonzero = true;
                maxAbs = Math.Max(maxAbs, Math.Abs(a));
            }
            if (nonzero) keep.Add(r);
        }
        float scale = maxAbs / 32000f;
        var keys = new ulong[keep.Count];
        var weights = new short[keep.Count * n];
        for (int i = 0; i < keep.Count; i++)
        {
            int r = keep[i];
            keys[i] = _keys[r];
            for (int c = 0; c < n; c++)
                weights[i * n + c] = (short)Math.Round(avg[r * n + c] / scale);
        }
        return new LinearModel(n, keys, weights, scale);
    }
}
