namespace Wirescope.Language.Parsing.Neural;

/// <summary>
/// One sentence through the network, forward and (when training) backward, with every
/// intermediate kept in buffers that grow to the longest sentence seen and are reused: one
/// per thread, nothing allocated per word. Position 0 is the root token, words are 1..n.
/// </summary>
internal sealed class NeuralPass
{
    private const float LeakySlope = 0.1f;

    private readonly NeuralNet _net;
    private readonly NeuralConfig _c;
    private int _cap;

    /// <summary>Positions of the sentence (words + root).</summary>
    public int T { get; private set; }

    // Inputs (row ids), embeddings after dropout and the dropout masks (1/(1-p) or 0).
    public int[] Word = [], Tag = [], Suffix = [], Shape = [];
    private float[] _x0 = [], _mask0 = [];
    // Per layer and direction: [input; previous state], gate activations (i, f, g, o), cell, tanh(cell).
    private float[][] _z, _gate, _cell, _tanhCell;
    // Per layer: output of both directions, its dropout mask, and the dropped output (next input).
    private float[][] _out, _outMask, _in;
    /// <summary>Per layer at run time: the output rounded to integers for the integer products.</summary>
    private short[][] _outQ;
    private float[] _mlpPre = [], _mlp = [], _mlpMask = [];
    private float[] _v = [], _headBias = [];
    /// <summary>Arc log-probabilities: row i (dependent 1..n) over heads j (0..n), T per row.</summary>
    public float[] ArcLogProb = [];
    private float[] _relZ = [], _relLogProb = [];
    private int[] _relHead = [];
    /// <summary>The previous state rounded to integers for <see cref="IntegerMatrix"/>.</summary>
    private readonly short[] _state;

    // Gradient buffers (training only).
    private float[] _dx0 = [], _dMlp = [], _dV = [], _dHeadBias = [], _dz = [], _dpre = [], _dh = [], _dc = [];
    private float[][] _dIn, _dOut;
    /// <summary>The last forward pass applied dropout masks (training).</summary>
    private bool _masked;

    public NeuralPass(NeuralNet net)
    {
        _net = net;
        _c = net.Config;
        int k = _c.Layers * 2;
        _z = new float[k][]; _gate = new float[k][]; _cell = new float[k][]; _tanhCell = new float[k][];
        _out = new float[_c.Layers][]; _outMask = new float[_c.Layers][]; _in = new float[_c.Layers][]; _outQ = new short[_c.Layers][];
        _dIn = new float[_c.Layers][]; _dOut = new float[_c.Layers][];
        _state = new short[_c.Hidden];
        Grow(64);
    }

    /// <summary>Sizes the buffers for n words.</summary>
    public void Prepare(int n)
    {
        T = n + 1;
        if (T > _cap) Grow(Math.Max(T, _cap * 2));
    }

    private void Grow(int cap)
    {
        _cap = cap;
        int h = _c.Hidden;
        Word = new int[cap]; Tag = new int[cap]; Suffix = new int[cap]; Shape = new int[cap];
        _x0 = new float[cap * _c.InputDim]; _mask0 = new float[cap * _c.InputDim];
        for (int l = 0; l < _c.Layers; l++)
        {
            for (int d = 0; d < 2; d++)
            {
                int k = l * 2 + d;
                _z[k] = new float[cap * (_c.LayerInput(l) + h)];
                _gate[k] = new float[cap * 4 * h];
                _cell[k] = new float[cap * h];
                _tanhCell[k] = new float[cap * h];
            }
            _out[l] = new float[cap * 2 * h]; _outMask[l] = new float[cap * 2 * h]; _in[l] = new float[cap * 2 * h];
            _outQ[l] = new short[cap * 2 * h];
            _dIn[l] = []; _dOut[l] = [];
        }
        _mlpPre = new float[cap * _c.MlpDim]; _mlp = new float[cap * _c.MlpDim]; _mlpMask = new float[cap * _c.MlpDim];
        _v = new float[cap * _c.ArcDim]; _headBias = new float[cap];
        ArcLogProb = new float[cap * cap];
        _relZ = new float[cap * 3 * _c.RelDim]; _relLogProb = new float[cap * _net.Labels.Length]; _relHead = new int[cap];
        _dx0 = [];
    }

    /// <summary>Fills <see cref="Word"/> etc. of word i (0-based) from its hashes; the root row is set here too.</summary>
    public void SetWord(int i, ulong lower, ulong tag, ulong suffix, ulong shape)
    {
        Word[i + 1] = _net.Words.Id(lower);
        Tag[i + 1] = _net.Tags.Id(tag);
        Suffix[i + 1] = _net.Suffixes.Id(suffix);
        Shape[i + 1] = _net.Shapes.Id(shape);
        Word[0] = Tag[0] = Suffix[0] = Shape[0] = HashVocab.Root;
    }

    /// <summary>
    /// Runs the encoder and the arc scorer, leaving <see cref="ArcLogProb"/> filled. With a
    /// random source, trains: word and tag dropout to the unknown row and dropout on the
    /// embeddings, every LSTM layer's output and the MLP (the masks are kept for backward).
    /// </summary>
    public void Forward(Random? dropout, float wordDrop = 0.25f, float tagDrop = 0.1f, float drop = 0.33f)
    {
        if (dropout is null && !Exact)
        {
            Infer();
            return;
        }
        var w = _net.W;
        int din = _c.InputDim;
        _masked = dropout is not null;
        for (int t = 0; t < T; t++)
        {
            if (dropout is not null && t > 0)
            {
                if (dropout.NextSingle() < wordDrop) Word[t] = HashVocab.Unknown;
                if (dropout.NextSingle() < tagDrop) Tag[t] = HashVocab.Unknown;
            }
            var x = _x0.AsSpan(t * din, din);
            w.AsSpan(_net.EWord + Word[t] * _c.WordDim, _c.WordDim).CopyTo(x);
            w.AsSpan(_net.ETag + Tag[t] * _c.TagDim, _c.TagDim).CopyTo(x[_c.WordDim..]);
            w.AsSpan(_net.ESuffix + Suffix[t] * _c.SuffixDim, _c.SuffixDim).CopyTo(x[(_c.WordDim + _c.TagDim)..]);
            w.AsSpan(_net.EShape + Shape[t] * _c.ShapeDim, _c.ShapeDim).CopyTo(x[(_c.WordDim + _c.TagDim + _c.SuffixDim)..]);
        }
        if (dropout is not null) Drop(_x0, _mask0, T * din, dropout, drop);

        int h2 = 2 * _c.Hidden;
        for (int l = 0; l < _c.Layers; l++)
        {
            var input = l == 0 ? _x0 : _in[l - 1];
            for (int d = 0; d < 2; d++) LstmForward(l, d, input);
            _out[l].AsSpan(0, T * h2).CopyTo(_in[l]);
            if (dropout is not null) Drop(_in[l], _outMask[l], T * h2, dropout, drop);
        }

        int k = _c.MlpDim;
        var enc = _in[_c.Layers - 1];
        for (int t = 0; t < T; t++)
        {
            var pre = _mlpPre.AsSpan(t * k, k);
            Kernels.MatVec(w.AsSpan(_net.Mlp, k * h2), w.AsSpan(_net.MlpBias, k), enc.AsSpan(t * h2, h2), pre);
            var m = _mlp.AsSpan(t * k, k);
            for (int i = 0; i < k; i++) m[i] = pre[i] > 0 ? pre[i] : LeakySlope * pre[i];
        }
        if (dropout is not null) Drop(_mlp, _mlpMask, T * k, dropout, drop);

        // Arc scores s(i, j) = dep_i · (U head_j) + u · head_j, then a softmax over heads j.
        int a = _c.ArcDim;
        var uMat = w.AsSpan(_net.U, a * a);
        var uVec = w.AsSpan(_net.UBias, a);
        for (int j = 0; j < T; j++)
        {
            var head = _mlp.AsSpan(j * k + a, a);
            var v = _v.AsSpan(j * a, a);
            for (int r = 0; r < a; r++) v[r] = Kernels.Dot(uMat.Slice(r * a, a), head);
            _headBias[j] = Kernels.Dot(uVec, head);
        }
        for (int i = 1; i < T; i++)
        {
            var dep = _mlp.AsSpan(i * k, a);
            var row = ArcLogProb.AsSpan(i * T, T);
            float max = float.NegativeInfinity;
            for (int j = 0; j < T; j++)
            {
                row[j] = j == i ? float.NegativeInfinity : Kernels.Dot(dep, _v.AsSpan(j * a, a)) + _headBias[j];
                if (row[j] > max) max = row[j];
            }
            LogSoftmax(row, max);
        }
    }

    /// <summary>Forward without dropout through the training code path (gradient checks; slower than <see cref="Infer"/>).</summary>
    public bool Exact { get; set; }

    /// <summary>
    /// The forward pass at run time: the same function as the training path, computed with
    /// block kernels (input projections and MLPs for four words per pass over the weights,
    /// vector nonlinearities); no training caches kept beyond what the relation scorer reads.
    /// </summary>
    private void Infer()
    {
        _masked = false;
        var w = _net.W;
        int din = _c.InputDim;
        var run = _net.RunTime;
        for (int t = 0; t < T && run is null; t++)
        {
            var x = _x0.AsSpan(t * din, din);
            w.AsSpan(_net.EWord + Word[t] * _c.WordDim, _c.WordDim).CopyTo(x);
            w.AsSpan(_net.ETag + Tag[t] * _c.TagDim, _c.TagDim).CopyTo(x[_c.WordDim..]);
            w.AsSpan(_net.ESuffix + Suffix[t] * _c.SuffixDim, _c.SuffixDim).CopyTo(x[(_c.WordDim + _c.TagDim)..]);
            w.AsSpan(_net.EShape + Shape[t] * _c.ShapeDim, _c.ShapeDim).CopyTo(x[(_c.WordDim + _c.TagDim + _c.SuffixDim)..]);
        }
        int h = _c.Hidden, h2 = 2 * h;
        for (int l = 0; l < _c.Layers; l++)
        {
            var input = l == 0 ? _x0 : _out[l - 1];
            int inDim = _c.LayerInput(l), zc = inDim + h;
            for (int d = 0; d < 2; d++)
            {
                int kk = l * 2 + d;
                var bias = w.AsSpan(_net.GateBias[kk], 4 * h);
                var gates = w.AsSpan(_net.Gates[kk], 4 * h * zc);
                var g = _gate[kk]; var cell = _cell[kk]; var output = _out[l];
                if (run is not null && l == 0)
                    for (int t = 0; t < T; t++) run.Inputs.Fill(d, Word[t], Tag[t], Suffix[t], Shape[t], bias, g.AsSpan(t * 4 * h, 4 * h));
                else if (run?.LayerInputs[kk] is { } product) product.Multiply(bias, input, _outQ[l - 1], inDim, T, g, 4 * h);
                else BlockKernels.Gemm(gates, zc, 4 * h, bias, input, inDim, inDim, T, g, 4 * h);
                var recurrent = gates[inDim..];
                for (int s = 0; s < T; s++)
                {
                    int t = d == 0 ? s : T - 1 - s, prev = d == 0 ? t - 1 : t + 1;
                    var gt = g.AsSpan(t * 4 * h, 4 * h);
                    if (s > 0)
                    {
                        if (run?.Recurrent[kk] is { } integer) integer.AddTo(output.AsSpan(prev * h2 + d * h, h), gt, _state);
                        else BlockKernels.AddMatVec(recurrent, zc, output.AsSpan(prev * h2 + d * h, h), gt);
                    }
                    BlockKernels.LstmCell(gt, s == 0 ? default : cell.AsSpan(prev * h, h), cell.AsSpan(t * h, h), output.AsSpan(t * h2 + d * h, h));
                }
            }
            // The integer products (next layer, MLP) read the outputs rounded once.
            if (run is not null) IntegerMatrix.Quantize(_out[l].AsSpan(0, T * h2), _outQ[l].AsSpan(0, T * h2));
        }
        int k = _c.MlpDim, a = _c.ArcDim;
        var enc = _out[_c.Layers - 1];
        if (run is not null) run.Mlp.Multiply(w.AsSpan(_net.MlpBias, k), enc, _outQ[_c.Layers - 1], h2, T, _mlp, k);
        else BlockKernels.Gemm(w.AsSpan(_net.Mlp, k * h2), h2, k, w.AsSpan(_net.MlpBias, k), enc, h2, h2, T, _mlp, k);
        BlockKernels.LeakyRelu(_mlp.AsSpan(0, T * k), LeakySlope);
        if (run is not null) run.U.Multiply(default, _mlp.AsSpan(a), k, T, _v, a);
        else BlockKernels.Gemm(w.AsSpan(_net.U, a * a), a, a, default, _mlp.AsSpan(a), k, a, T, _v, a);
        var uVec = w.AsSpan(_net.UBias, a);
        for (int j = 0; j < T; j++) _headBias[j] = Kernels.Dot(uVec, _mlp.AsSpan(j * k + a, a));
        BlockKernels.Gemm(_v, a, T, _headBias, _mlp.AsSpan(k), k, a, T - 1, ArcLogProb.AsSpan(T), T);
        for (int i = 1; i < T; i++)
        {
            var row = ArcLogProb.AsSpan(i * T, T);
            row[i] = float.NegativeInfinity;
            float max = float.NegativeInfinity;
            foreach (var v in row) max = Math.Max(max, v);
            LogSoftmax(row, max);
        }
    }

    private static void LogSoftmax(Span<float> row, float max)
    {
        float sum = 0;
        for (int j = 0; j < row.Length; j++) sum += MathF.Exp(row[j] - max);
        float log = max + MathF.Log(sum);
        for (int j = 0; j < row.Length; j++) row[j] -= log;
    }

    private static void Drop(float[] x, float[] mask, int count, Random rng, float p)
    {
        float keep = 1f / (1f - p);
        for (int i = 0; i < count; i++)
        {
            mask[i] = rng.NextSingle() < p ? 0f : keep;
            x[i] *= mask[i];
        }
    }

    private void LstmForward(int l, int d, float[] input)
    {
        int h = _c.Hidden, inDim = _c.LayerInput(l), zc = inDim + h, kk = l * 2 + d;
        var w = _net.W;
        var gates = w.AsSpan(_net.Gates[kk], 4 * h * zc);
        var bias = w.AsSpan(_net.GateBias[kk], 4 * h);
        var z = _z[kk]; var g = _gate[kk]; var cell = _cell[kk]; var tc = _tanhCell[kk]; var output = _out[l];
        for (int s = 0; s < T; s++)
        {
            int t = d == 0 ? s : T - 1 - s, prev = d == 0 ? t - 1 : t + 1;
            var zt = z.AsSpan(t * zc, zc);
            input.AsSpan(t * inDim, inDim).CopyTo(zt);
            if (s == 0) zt[inDim..].Clear();
            else output.AsSpan(prev * 2 * h + d * h, h).CopyTo(zt[inDim..]);
            var gt = g.AsSpan(t * 4 * h, 4 * h);
            Kernels.MatVec(gates, bias, zt, gt);
            for (int u = 0; u < h; u++)
            {
                float ig = Kernels.Sigmoid(gt[u]), fg = Kernels.Sigmoid(gt[h + u]), cg = MathF.Tanh(gt[2 * h + u]), og = Kernels.Sigmoid(gt[3 * h + u]);
                gt[u] = ig; gt[h + u] = fg; gt[2 * h + u] = cg; gt[3 * h + u] = og;
                float c = ig * cg + (s == 0 ? 0f : fg * cell[prev * h + u]);
                cell[t * h + u] = c;
                float th = MathF.Tanh(c);
                tc[t * h + u] = th;
                output[t * 2 * h + d * h + u] = og * th;
            }
        }
    }

    /// <summary>
    /// Relation log-probabilities for each word given its head (0-based word index, -1 root):
    /// from [dep; head; dep ⊙ head] of the relation MLP vectors. Returns the row of word i.
    /// </summary>
    public void ScoreRelations(ReadOnlySpan<int> heads, bool normalise = true)
    {
        int k = _c.MlpDim, r = _c.RelDim, a = _c.ArcDim, nl = _net.Labels.Length;
        var w = _net.W;
        for (int i = 1; i < T; i++)
        {
            int hd = heads[i - 1] + 1;
            _relHead[i] = hd;
            var dep = _mlp.AsSpan(i * k + 2 * a, r);
            var head = _mlp.AsSpan(hd * k + 2 * a + r, r);
            var z = _relZ.AsSpan(i * 3 * r, 3 * r);
            dep.CopyTo(z);
            head.CopyTo(z[r..]);
            for (int q = 0; q < r; q++) z[2 * r + q] = dep[q] * head[q];
            if (_net.RunTime is null) Kernels.MatVec(w.AsSpan(_net.Rel, nl * 3 * r), w.AsSpan(_net.RelBias, nl), z, _relLogProb.AsSpan(i * nl, nl));
        }
        _net.RunTime?.Rel.Multiply(w.AsSpan(_net.RelBias, nl), _relZ.AsSpan(3 * r), 3 * r, T - 1, _relLogProb.AsSpan(nl), nl);
        if (!normalise) return;
        for (int i = 1; i < T; i++)
        {
            var row = _relLogProb.AsSpan(i * nl, nl);
            float max = float.NegativeInfinity;
            foreach (var v in row) max = Math.Max(max, v);
            LogSoftmax(row, max);
        }
    }

    /// <summary>Relation log-probabilities of word i (0-based), after <see cref="ScoreRelations"/>.</summary>
    public ReadOnlySpan<float> RelationLogProb(int i) => _relLogProb.AsSpan((i + 1) * _net.Labels.Length, _net.Labels.Length);

    /// <summary>Log-probability of head j (0-based word, -1 root) for word i (0-based).</summary>
    public float ArcLog(int i, int j) => ArcLogProb[(i + 1) * T + j + 1];

    /// <summary>
    /// Loss of the gold tree (arc and relation cross-entropy, times <paramref name="scale"/>)
    /// after <see cref="Forward"/> and <see cref="ScoreRelations"/> on the gold heads; adds the
    /// gradient into <paramref name="grad"/>. Gold heads: 0-based, -1 root; relations: label ids.
    /// </summary>
    public double Backward(ReadOnlySpan<int> goldHeads, ReadOnlySpan<int> goldLabels, float scale, float[] grad)
    {
        int k = _c.MlpDim, a = _c.ArcDim, r = _c.RelDim, h = _c.Hidden, h2 = 2 * h, nl = _net.Labels.Length, din = _c.InputDim;
        var w = _net.W;
        EnsureGradBuffers();
        _dMlp.AsSpan(0, T * k).Clear();
        double loss = 0;

        // Relations.
        var dl = _dpre.AsSpan(0, nl);
        var dz = _dz.AsSpan(0, 3 * r);
        for (int i = 1; i < T; i++)
        {
            var row = _relLogProb.AsSpan(i * nl, nl);
            int gold = goldLabels[i - 1];
            loss -= row[gold];
            for (int q = 0; q < nl; q++) dl[q] = MathF.Exp(row[q]) * scale;
            dl[gold] -= scale;
            Kernels.Axpy(1f, dl, grad.AsSpan(_net.RelBias, nl));
            dz.Clear();
            var z = _relZ.AsSpan(i * 3 * r, 3 * r);
            Kernels.MatVecBack(w.AsSpan(_net.Rel, nl * 3 * r), grad.AsSpan(_net.Rel, nl * 3 * r), z, dl, dz);
            int hd = _relHead[i];
            var dDep = _dMlp.AsSpan(i * k + 2 * a, r);
            var dHead = _dMlp.AsSpan(hd * k + 2 * a + r, r);
            var dep = _mlp.AsSpan(i * k + 2 * a, r);
            var head = _mlp.AsSpan(hd * k + 2 * a + r, r);
            for (int q = 0; q < r; q++)
            {
                dDep[q] += dz[q] + dz[2 * r + q] * head[q];
                dHead[q] += dz[r + q] + dz[2 * r + q] * dep[q];
            }
        }

        // Arcs.
        _dV.AsSpan(0, T * a).Clear();
        _dHeadBias.AsSpan(0, T).Clear();
        for (int i = 1; i < T; i++)
        {
            var row = ArcLogProb.AsSpan(i * T, T);
            int gold = goldHeads[i - 1] + 1;
            loss -= row[gold];
            var dep = _mlp.AsSpan(i * k, a);
            var dDep = _dMlp.AsSpan(i * k, a);
            for (int j = 0; j < T; j++)
            {
                if (j == i) continue;
                float ds = MathF.Exp(row[j]) * scale - (j == gold ? scale : 0f);
                if (ds == 0) continue;
                Kernels.Axpy(ds, _v.AsSpan(j * a, a), dDep);
                Kernels.Axpy(ds, dep, _dV.AsSpan(j * a, a));
                _dHeadBias[j] += ds;
            }
        }
        var uMat = w.AsSpan(_net.U, a * a);
        var uVec = w.AsSpan(_net.UBias, a);
        for (int j = 0; j < T; j++)
        {
            var head = _mlp.AsSpan(j * k + a, a);
            var dHead = _dMlp.AsSpan(j * k + a, a);
            Kernels.MatVecBack(uMat, grad.AsSpan(_net.U, a * a), head, _dV.AsSpan(j * a, a), dHead);
            Kernels.Axpy(_dHeadBias[j], uVec, dHead);
            Kernels.Axpy(_dHeadBias[j], head, grad.AsSpan(_net.UBias, a));
        }

        // MLP (dropout mask, leaky ReLU) into the encoder's output.
        int last = _c.Layers - 1;
        var enc = _in[last];
        var dEnc = _dIn[last];
        dEnc.AsSpan(0, T * h2).Clear();
        for (int t = 0; t < T; t++)
        {
            var dm = _dMlp.AsSpan(t * k, k);
            var pre = _mlpPre.AsSpan(t * k, k);
            for (int q = 0; q < k; q++) dm[q] *= (_masked ? _mlpMask[t * k + q] : 1f) * (pre[q] > 0 ? 1f : LeakySlope);
            Kernels.Axpy(1f, dm, grad.AsSpan(_net.MlpBias, k));
            Kernels.MatVecBack(w.AsSpan(_net.Mlp, k * h2), grad.AsSpan(_net.Mlp, k * h2), enc.AsSpan(t * h2, h2), dm, dEnc.AsSpan(t * h2, h2));
        }

        for (int l = last; l >= 0; l--)
        {
            var dOut = _dOut[l];
            for (int q = 0; q < T * h2; q++) dOut[q] = _masked ? _dIn[l][q] * _outMask[l][q] : _dIn[l][q];
            float[] dInput = l == 0 ? _dx0 : _dIn[l - 1];
            int inDim = _c.LayerInput(l);
            dInput.AsSpan(0, T * inDim).Clear();
            for (int d = 0; d < 2; d++) LstmBackward(l, d, dOut, dInput, grad);
        }

        // Embeddings.
        for (int t = 0; t < T; t++)
        {
            var dx = _dx0.AsSpan(t * din, din);
            if (_masked) for (int q = 0; q < din; q++) dx[q] *= _mask0[t * din + q];
            Kernels.Axpy(1f, dx[.._c.WordDim], grad.AsSpan(_net.EWord + Word[t] * _c.WordDim, _c.WordDim));
            Kernels.Axpy(1f, dx.Slice(_c.WordDim, _c.TagDim), grad.AsSpan(_net.ETag + Tag[t] * _c.TagDim, _c.TagDim));
            Kernels.Axpy(1f, dx.Slice(_c.WordDim + _c.TagDim, _c.SuffixDim), grad.AsSpan(_net.ESuffix + Suffix[t] * _c.SuffixDim, _c.SuffixDim));
            Kernels.Axpy(1f, dx.Slice(_c.WordDim + _c.TagDim + _c.SuffixDim, _c.ShapeDim), grad.AsSpan(_net.EShape + Shape[t] * _c.ShapeDim, _c.ShapeDim));
        }
        return loss;
    }

    private void LstmBackward(int l, int d, float[] dOut, float[] dInput, float[] grad)
    {
        int h = _c.Hidden, inDim = _c.LayerInput(l), zc = inDim + h, kk = l * 2 + d;
        var w = _net.W;
        var gates = w.AsSpan(_net.Gates[kk], 4 * h * zc);
        var dGates = grad.AsSpan(_net.Gates[kk], 4 * h * zc);
        var dBias = grad.AsSpan(_net.GateBias[kk], 4 * h);
        var z = _z[kk]; var g = _gate[kk]; var cell = _cell[kk]; var tc = _tanhCell[kk];
        var dhRec = _dh.AsSpan(0, h);
        var dcRec = _dc.AsSpan(0, h);
        var dpre = _dpre.AsSpan(0, 4 * h);
        var dz = _dz.AsSpan(0, zc);
        dhRec.Clear();
        dcRec.Clear();
        for (int s = T - 1; s >= 0; s--)
        {
            int t = d == 0 ? s : T - 1 - s, prev = d == 0 ? t - 1 : t + 1;
            var gt = g.AsSpan(t * 4 * h, 4 * h);
            for (int u = 0; u < h; u++)
            {
                float ig = gt[u], fg = gt[h + u], cg = gt[2 * h + u], og = gt[3 * h + u], th = tc[t * h + u];
                float dh = dOut[t * 2 * h + d * h + u] + dhRec[u];
                float dc = dcRec[u] + dh * og * (1 - th * th);
                float cPrev = s == 0 ? 0f : cell[prev * h + u];
                dpre[u] = dc * cg * ig * (1 - ig);
                dpre[h + u] = dc * cPrev * fg * (1 - fg);
                dpre[2 * h + u] = dc * ig * (1 - cg * cg);
                dpre[3 * h + u] = dh * th * og * (1 - og);
                dcRec[u] = dc * fg;
            }
            Kernels.Axpy(1f, dpre, dBias);
            dz.Clear();
            Kernels.MatVecBack(gates, dGates, z.AsSpan(t * zc, zc), dpre, dz);
            Kernels.Axpy(1f, dz[..inDim], dInput.AsSpan(t * inDim, inDim));
            dz[inDim..].CopyTo(dhRec);
        }
    }

    private void EnsureGradBuffers()
    {
        int h2 = 2 * _c.Hidden;
        if (_dx0.Length == _cap * _c.InputDim) return;
        _dx0 = new float[_cap * _c.InputDim];
        _dMlp = new float[_cap * _c.MlpDim];
        _dV = new float[_cap * _c.ArcDim];
        _dHeadBias = new float[_cap];
        int widest = Math.Max(Math.Max(4 * _c.Hidden, _net.Labels.Length), Math.Max(3 * _c.RelDim, _c.LayerInput(0) + _c.Hidden));
        widest = Math.Max(widest, 2 * _c.Hidden + _c.Hidden);
        _dz = new float[widest]; _dpre = new float[widest]; _dh = new float[_c.Hidden]; _dc = new float[_c.Hidden];
        for (int l = 0; l < _c.Layers; l++) { _dIn[l] = new float[_cap * h2]; _dOut[l] = new float[_cap * h2]; }
    }
}
