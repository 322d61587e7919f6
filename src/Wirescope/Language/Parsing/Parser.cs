using Wirescope.Language.Models;

namespace Wirescope.Language.Parsing;

/// <summary>
/// Greedy arc-eager dependency parser: a transition classifier (shift, reduce, left-arc,
/// right-arc) and a relation classifier that labels each arc as it is made. One root per
/// sentence; words left without a head at the end attach to the root's dependent.
/// A reversed parser reads the sentence right to left (trained on reversed sentences): it
/// makes different mistakes, which is what <see cref="ParserEnsemble"/> votes on.
/// </summary>
public sealed class Parser
{
    public string[] Labels { get; }
    /// <summary>Reads the sentence from its last word to its first.</summary>
    public bool Reversed { get; }
    internal int RootLabel { get; }
    /// <summary>The relation for an arc no classifier labelled ("dep", else the first non-root one).</summary>
    internal int FallbackLabel { get; }
    internal LinearModel Transitions { get; }
    internal LinearModel Relations { get; }

    /// <summary>Beam width the transition model was trained for (1 = greedy).</summary>
    public int BeamWidth { get; }

    internal Parser(string[] labels, LinearModel transitions, LinearModel relations, int beamWidth = 1, bool reversed = false)
    {
        Reversed = reversed;
        BeamWidth = Math.Max(1, beamWidth);
        Labels = labels.Select(string.Intern).ToArray();
        RootLabel = Array.IndexOf(Labels, "root");
        if (RootLabel < 0) throw new InvalidDataException("parser model has no 'root' relation");
        FallbackLabel = Array.IndexOf(Labels, "dep");
        if (FallbackLabel < 0) FallbackLabel = RootLabel == 0 && Labels.Length > 1 ? 1 : 0;
        // Compact keys: a quarter off the file size, same scores (LinearModel.CompactShift).
        Transitions = transitions.Compact();
        Relations = relations.Compact();
    }

    /// <summary>The same weights decoded with another beam width (1 = greedy: faster, a little less accurate).</summary>
    public Parser WithBeam(int beamWidth) => beamWidth == BeamWidth ? this : new Parser(Labels, Transitions, Relations, beamWidth, Reversed);

    /// <summary>Reusable per-thread buffers for <see cref="Parse"/>.</summary>
    public sealed class Workspace
    {
        internal readonly ParserState State = new();
        internal readonly ParserFeatures.Inputs Inputs = new();
        internal readonly ulong[] Features = new ulong[Math.Max(ParserFeatures.TransitionCount, ParserFeatures.LabelCount)];
        internal int[] Scores = new int[64];
        internal ParserState[] Pool = [];
        internal readonly List<(int Parent, int Transition, long Score)> Candidates = new();
        internal long[] BeamScores = new long[16];
        internal int[] BeamStates = new int[16];
        /// <summary>The ensemble's per-member trees and its arc-vote decoder.</summary>
        internal int[][] MemberHeads = [];
        internal int[][] MemberLabels = [];
        internal readonly SpanningTree Tree = new();

        /// <summary>Sets word i (0-based) of the next sentence: lower-case word, tag and suffix hashes.</summary>
        public void Prepare(int n)
        {
            Inputs.Init(n);
        }

        /// <summary>The neural parser's per-thread buffers (made on first use).</summary>
        internal Neural.NeuralPass? Neural;
        /// <summary>Word shapes of the sentence (read only by the neural parser).</summary>
        internal ulong[] Shape = new ulong[64];

        /// <summary>Sets word i as <see cref="SetWord(int, ulong, ulong, ulong)"/> plus its shape hash (for the neural parser).</summary>
        public void SetWord(int i, ulong word, ulong tag, ulong suffix, ulong shape)
        {
            SetWord(i, word, tag, suffix);
            if (Shape.Length <= i) Array.Resize(ref Shape, Math.Max(64, (i + 1) * 2));
            Shape[i] = shape;
        }

        public void SetWord(int i, ulong word, ulong tag, ulong suffix)
        {
            Inputs.Word[i + 1] = word;
            Inputs.Tag[i + 1] = tag;
            Inputs.Suffix[i + 1] = suffix;
        }
    }

    /// <summary>Parses the n words prepared in <paramref name="ws"/>; heads are 0-based word indexes, -1 for the root.</summary>
    public void Parse(Workspace ws, int n, Span<int> heads, Span<int> labels)
    {
        if (!Reversed)
        {
            ParseInOrder(ws, n, heads, labels);
            return;
        }
        // Parse the mirrored sentence, then mirror the inputs back and the heads into place.
        ws.Inputs.Reverse(n);
        ws.Inputs.Reversed = true;
        try { ParseInOrder(ws, n, heads, labels); }
        finally { ws.Inputs.Reverse(n); ws.Inputs.Reversed = false; }
        Mirror(heads[..n], labels[..n]);
    }

    /// <summary>Maps a tree over the mirrored sentence (word i is word n-1-i) back onto the sentence.</summary>
    internal static void Mirror(Span<int> heads, Span<int> labels)
    {
        int n = heads.Length;
        heads.Reverse();
        labels.Reverse();
        for (int i = 0; i < n; i++) if (heads[i] >= 0) heads[i] = n - 1 - heads[i];
    }

    private void ParseInOrder(Workspace ws, int n, Span<int> heads, Span<int> labels)
    {
        if (ws.Scores.Length < Math.Max(4, Labels.Length)) ws.Scores = new int[Math.Max(4, Labels.Length)];
        var st = BeamWidth > 1 ? Beam(ws, n) : Greedy(ws, n);
        int root = -1;
        for (int i = 1; i <= n; i++) if (st.Head[i] == st.Root) { root = i; break; }
        for (int i = 1; i <= n; i++)
        {
            if (st.Head[i] >= 0) continue;
            if (root < 0) { st.AddArc(st.Root, i, RootLabel); root = i; continue; }
            st.AddArc(root, i, Relate(ws, st, root, i));
        }
        for (int i = 1; i <= n; i++)
        {
            heads[i - 1] = st.Head[i] == st.Root ? -1 : st.Head[i] - 1;
            labels[i - 1] = st.Label[i];
        }
    }

    private ParserState Greedy(Workspace ws, int n)
    {
        var st = ws.State;
        st.Init(n);
        var feats = ws.Features.AsSpan(0, ParserFeatures.TransitionCount);
        while (!st.Done)
        {
            ParserFeatures.Transition(st, ws.Inputs, feats);
            var scores = ws.Scores.AsSpan(0, 4);
            scores.Clear();
            Transitions.Score(feats, scores);
            int best = -1;
            for (int t = 0; t < 4; t++)
                if (st.IsValid(t) && (best < 0 || scores[t] > scores[best])) best = t;
            ApplyLabelled(ws, st, best);
        }
        return st;
    }

    /// <summary>Applies a transition, labelling the arc it makes with the relation classifier.</summary>
    internal void ApplyLabelled(Workspace ws, ParserState st, int t)
    {
        int label = ParserState.NoLabel;
        if (t == ParserState.LeftArc) label = Relate(ws, st, st.B, st.S0);
        else if (t == ParserState.RightArc) label = Relate(ws, st, st.S0, st.B);
        st.Apply(t, label);
    }

    /// <summary>Beam search over transition sequences (scores summed); finished states wait in the beam.</summary>
    private ParserState Beam(Workspace ws, int n)
    {
        int k = BeamWidth;
        if (ws.Pool.Length < 2 * k) ws.Pool = Enumerable.Range(0, 2 * k).Select(_ => new ParserState()).ToArray();
        if (ws.BeamScores.Length < 2 * k) { ws.BeamScores = new long[2 * k]; ws.BeamStates = new int[2 * k]; }
        var pool = ws.Pool;
        var feats = ws.Features.AsSpan(0, ParserFeatures.TransitionCount);
        var cands = ws.Candidates;
        pool[0].Init(n);
        int count = 1, half = 0;
        ws.BeamStates[0] = 0;
        ws.BeamScores[0] = 0;
        while (true)
        {
            cands.Clear();
            bool open = false;
            for (int b = 0; b < count; b++)
            {
                var st = pool[ws.BeamStates[b]];
                long baseScore = ws.BeamScores[b];
                if (st.Done) { cands.Add((b, -1, baseScore)); continue; }
                open = true;
                ParserFeatures.Transition(st, ws.Inputs, feats);
                var scores = ws.Scores.AsSpan(0, 4);
                scores.Clear();
                Transitions.Score(feats, scores);
                for (int t = 0; t < 4; t++)
                    if (st.IsValid(t)) cands.Add((b, t, baseScore + scores[t]));
            }
            if (!open) break;
            int keep = SelectTop(cands, k);
            int nextHalf = 1 - half;
            for (int c = 0; c < keep; c++)
            {
                var (parent, t, score) = cands[c];
                int slot = nextHalf * k + c;
                var st = pool[slot];
                st.CopyFrom(pool[ws.BeamStates[parent]]);
                if (t >= 0) ApplyLabelled(ws, st, t);
                ws.BeamScores[k + c] = score; // staged, copied below
                ws.BeamStates[k + c] = slot;
            }
            for (int c = 0; c < keep; c++) { ws.BeamScores[c] = ws.BeamScores[k + c]; ws.BeamStates[c] = ws.BeamStates[k + c]; }
            count = keep;
            half = nextHalf;
        }
        return pool[ws.BeamStates[0]];
    }

    /// <summary>Moves the best <paramref name="k"/> candidates (score, then order) to the front; returns how many.</summary>
    internal static int SelectTop<T>(List<(int Parent, int Transition, T Score)> cands, int k) where T : IComparable<T>
    {
        int keep = Math.Min(k, cands.Count);
        for (int i = 0; i < keep; i++)
        {
            int best = i;
            for (int j = i + 1; j < cands.Count; j++)
                if (cands[j].Score.CompareTo(cands[best].Score) > 0) best = j;
            if (best != i)
            {
                var tmp = cands[best];
                cands.RemoveAt(best);
                cands.Insert(i, tmp);
            }
        }
        return keep;
    }

    internal int Relate(Workspace ws, ParserState st, int h, int d)
    {
        if (h > st.N) return RootLabel;
        var feats = ws.Features.AsSpan(0, ParserFeatures.LabelCount);
        ParserFeatures.Relation(st, ws.Inputs, h, d, feats);
        var scores = ws.Scores.AsSpan(0, Labels.Length);
        scores.Clear();
        Relations.Score(feats, scores);
        int best = -1;
        for (int c = 0; c < scores.Length; c++)
            if (c != RootLabel && (best < 0 || scores[c] > scores[best])) best = c;
        return best;
    }

    /// <summary>Writes this parser as one member of a model file (<see cref="ParserEnsemble.Save"/>).</summary>
    internal void Write(BinaryWriter w)
    {
        w.Write(Reversed);
        w.Write(BeamWidth);
        w.Write(Labels.Length);
        foreach (var l in Labels) w.Write(l);
        Transitions.Save(w);
        Relations.Save(w);
    }

    internal static Parser Read(BinaryReader r)
    {
        bool reversed = r.ReadBoolean();
        int beam = r.ReadInt32();
        int n = r.ReadInt32();
        var labels = new string[n];
        for (int i = 0; i < n; i++) labels[i] = r.ReadString();
        var t = LinearModel.Load(r);
        var rel = LinearModel.Load(r);
        return new Parser(labels, t, rel, beam, reversed);
    }
}
