using System.IO.Compression;
using System.Text;

namespace Wirescope.Language.Ner;

/// <summary>
/// The trained sequence model: one weight row per hashed feature (a flat float array,
/// buckets × labels), label-transition weights, and exact Viterbi decoding under the BILOU
/// constraints (no I- or L- without a B- of the same type). Immutable; shared by all threads.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "WSNER";
    /// <summary>4 adds the POS flag after the lexicon; 3 (no POS features) still loads.</summary>
    private const int FormatVersion = 4;
    private const float Forbidden = -1e30f;

    private readonly float[] _weights;
    private readonly float[] _transitions;
    private readonly bool[] _allowed;
    private readonly bool[] _allowedLast;
    private readonly float[] _maskedTransitions;
    private readonly int[] _predStart;
    private readonly int[] _preds;

    internal NerModel(NerTags tags, NerFeaturizer featurizer, float[] weights, float[] transitions)
    {
        Tags = tags;
        Featurizer = featurizer;
        Labels = tags.Count;
        if (weights.Length != featurizer.Buckets * Labels) throw new ArgumentException("weights do not match buckets × labels", nameof(weights));
        if (transitions.Length != (Labels + 1) * Labels) throw new ArgumentException("transitions do not match labels", nameof(transitions));
        _weights = weights;
        _transitions = transitions;
        _allowed = new bool[(Labels + 1) * Labels];
        for (var p = -1; p < Labels; p++)
            for (var y = 0; y < Labels; y++)
                _allowed[(p + 1) * Labels + y] = NerTags.Allowed(p, y);
        _allowedLast = Enumerable.Range(0, Labels).Select(NerTags.AllowedLast).ToArray();
        // Legal predecessors of each label, flattened: BILOU allows 15 of 29 before O/B/U and
        // 2 before I/L, so Viterbi visits 253 pairs per word instead of 841.
        _predStart = new int[Labels + 1];
        var preds = new List<int>();
        for (var y = 0; y < Labels; y++)
        {
            _predStart[y] = preds.Count;
            for (var p = 0; p < Labels; p++) if (NerTags.Allowed(p, y)) preds.Add(p);
        }
        _predStart[Labels] = preds.Count;
        _preds = preds.ToArray();
        _maskedTransitions = new float[_transitions.Length];
        SyncTransitions();
    }

    public NerTags Tags { get; }
    public NerFeaturizer Featurizer { get; }
    public int Labels { get; }

    /// <summary>Stored on save: the SHA-256 of the tables at training time (may differ from the loaded gazetteer's).</summary>
    public string TrainedGazetteerSha256 { get; internal set; } = "";

    /// <summary>Copies the transition weights into the masked table Decode reads (the trainer calls it after each update).</summary>
    internal void SyncTransitions()
    {
        for (var i = 0; i < _transitions.Length; i++) _maskedTransitions[i] = _allowed[i] ? _transitions[i] : Forbidden;
    }

    internal float[] Weights => _weights;
    internal float[] Transitions => _transitions;

    /// <summary>
    /// Labels the featurized sentence of <paramref name="n"/> words (s.Rows / s.RowCounts)
    /// into s.Labels[0..n).
    /// </summary>
    public void Decode(NerScratch s, int n)
    {
        if (n == 0) return;
        var L = Labels;
        var scores = s.Scores;
        Emissions(s, n, L, _weights, scores);
        var v = s.Viterbi;
        var back = s.Back;
        for (var y = 0; y < L; y++)
        {
            v[y] = _allowed[y] ? scores[y] + _transitions[y] : Forbidden;
            back[y] = -1;
        }
        var trans = _maskedTransitions;
        for (var i = 1; i < n; i++)
        {
            var row = i * L;
            var prevRow = row - L;
            for (var y = 0; y < L; y++)
            {
                var best = float.NegativeInfinity;
                var arg = 0;
                // Only legal predecessors, in increasing order: the same argmax as scanning all
                // labels with forbidden transitions at -1e30.
                for (var k = _predStart[y]; k < _predStart[y + 1]; k++)
                {
                    var p = _preds[k];
                    var c = v[prevRow + p] + trans[(p + 1) * L + y];
                    if (c > best) { best = c; arg = p; }
                }
                v[row + y] = best + scores[row + y];
                back[row + y] = arg;
            }
        }
        var last = (n - 1) * L;
        var bestLast = 0;
        var bestScore = float.NegativeInfinity;
        for (var y = 0; y < L; y++)
            if (_allowedLast[y] && v[last + y] > bestScore) { bestScore = v[last + y]; bestLast = y; }
        s.Labels[n - 1] = bestLast;
        for (var i = n - 1; i > 0; i--) s.Labels[i - 1] = back[i * L + s.Labels[i]];
    }

    /// <summary>Sums the weight rows of each word's features into scores[i * labels + y].</summary>
    internal static void Emissions(NerScratch s, int n, int labels, float[] weights, float[] scores)
    {
        var width = System.Numerics.Vector<float>.Count;
        for (var i = 0; i < n; i++)
        {
            var dst = scores.AsSpan(i * labels, labels);
            dst.Clear();
            var rows = s.Rows.AsSpan(i * NerFeaturizer.MaxFeatures, s.RowCounts[i]);
            foreach (var r in rows)
            {
                var src = weights.AsSpan(r * labels, labels);
                var y = 0;
                for (; y + width <= labels; y += width)
                {
                    var sum = new System.Numerics.Vector<float>(dst[y..]) + new System.Numerics.Vector<float>(src[y..]);
                    sum.CopyTo(dst[y..]);
                }
                for (; y < labels; y++) dst[y] += src[y];
            }
        }
    }

    /// <summary>
    /// The second-stage model (stacking), or null: it re-labels each sentence reading this
    /// model's labels and how each word was labelled elsewhere in the document.
    /// </summary>
    public NerModel? Next { get; internal set; }

    /// <summary>Writes the model: header, label types, transitions, and the non-zero weight rows quantised to 16 bits, Brotli-compressed.</summary>
    public void Save(Stream stream)
    {
        using var brotli = new BrotliStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(brotli, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(NerFeaturizer.Version);
        w.Write(TrainedGazetteerSha256);
        w.Write(Tags.Types.Count);
        foreach (var t in Tags.Types) w.Write(t);
        Featurizer.Lexicon.Save(w);
        w.Write(Featurizer.UsePos);
        SaveWeights(w);
        w.Write(Next is not null);
        Next?.SaveWeights(w);
    }

    private void SaveWeights(BinaryWriter w)
    {
        w.Write(Featurizer.BucketBits);
        foreach (var t in _transitions) w.Write(t);
        var L = Labels;
        var max = 0f;
        foreach (var x in _weights) max = Math.Max(max, Math.Abs(x));
        var scale = max > 0 ? max / short.MaxValue : 1f;
        w.Write(scale);
        var buckets = Featurizer.Buckets;
        var previous = -1;
        var q = new short[L];
        for (var r = 0; r < buckets; r++)
        {
            var mask = 0u;
            for (var y = 0; y < L; y++)
            {
                q[y] = (short)Math.Round(_weights[r * L + y] / scale);
                if (q[y] != 0) mask |= 1u << y;
            }
            if (mask == 0) continue;
            w.Write7BitEncodedInt(r - previous);
            previous = r;
            w.Write(mask);
            for (var y = 0; y < L; y++) if (q[y] != 0) w.Write(q[y]);
        }
        w.Write7BitEncodedInt(0);
    }

    public static NerModel Load(Stream stream, Gazetteer gazetteer)
    {
        using var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(brotli, Encoding.UTF8, leaveOpen: true);
        if (r.ReadString() != Magic) throw new InvalidDataException("not a Wirescope NER model");
        var format = r.ReadInt32();
        if (format is not (3 or FormatVersion)) throw new InvalidDataException($"NER model format {format}, expected {FormatVersion}");
        var features = r.ReadInt32();
        if (features != NerFeaturizer.Version) throw new InvalidDataException($"NER model features v{features}, this build has v{NerFeaturizer.Version}: retrain");
        var sha = r.ReadString();
        var types = new string[r.ReadInt32()];
        for (var i = 0; i < types.Length; i++) types[i] = r.ReadString();
        var tags = new NerTags(types);
        var lexicon = NerLexicon.Load(r);
        var usePos = format >= 4 && r.ReadBoolean();
        var model = LoadWeights(r, tags, gazetteer, usePrior: false, lexicon, usePos);
        model.TrainedGazetteerSha256 = sha;
        if (r.ReadBoolean()) model.Next = LoadWeights(r, tags, gazetteer, usePrior: true, lexicon, usePos);
        return model;
    }

    private static NerModel LoadWeights(BinaryReader r, NerTags tags, Gazetteer gazetteer, bool usePrior, NerLexicon lexicon, bool usePos)
    {
        var bits = r.ReadInt32();
        if (bits is < 10 or > 24) throw new InvalidDataException($"NER model has 2^{bits} rows");
        var L = tags.Count;
        var transitions = new float[(L + 1) * L];
        for (var i = 0; i < transitions.Length; i++) transitions[i] = r.ReadSingle();
        var scale = r.ReadSingle();
        var featurizer = new NerFeaturizer(gazetteer, bits, usePrior, lexicon, usePos);
        var weights = new float[featurizer.Buckets * L];
        var row = -1;
        while (true)
        {
            var delta = r.Read7BitEncodedInt();
            if (delta == 0) break;
            row += delta;
            if ((uint)row >= (uint)featurizer.Buckets) throw new InvalidDataException("NER model row out of range");
            var mask = r.ReadUInt32();
            for (var y = 0; y < L; y++)
                if ((mask & (1u << y)) != 0) weights[row * L + y] = r.ReadInt16() * scale;
        }
        return new NerModel(tags, featurizer, weights, transitions);
    }

    public static NerModel Load(string path, Gazetteer gazetteer)
    {
        using var f = File.OpenRead(path);
        return Load(f, gazetteer);
    }
}
