using Wirescope.Language.Models;

namespace Wirescope.Language.Parsing;

/// <summary>
/// Greedy arc-eager dependency parser: a transition classifier (shift, reduce, left-arc,
/// right-arc) and a relation classifier that labels each arc as it is made. One root per
/// sentence; words left without a head at the end attach to the root's dependent.
/// </summary>
public sealed class Parser
{
    internal const string Magic = "wirescope-parser";

    public string[] Labels { get; }
    internal int RootLabel { get; }
    internal LinearModel Transitions { get; }
    internal LinearModel Relations { get; }

    internal Parser(string[] labels, LinearModel transitions, LinearModel relations)
    {
        Labels = labels.Select(string.Intern).ToArray();
        RootLabel = Array.IndexOf(Labels, "root");
        if (RootLabel < 0) throw new InvalidDataException("parser model has no 'root' relation");
        Transitions = transitions;
        Relations = relations;
    }

    /// <summary>Reusable per-thread buffers for <see cref="Parse"/>.</summary>
    public sealed class Workspace
    {
        internal readonly ParserState State = new();
        internal readonly ParserFeatures.Inputs Inputs = new();
        internal readonly ulong[] Features = new ulong[Math.Max(ParserFeatures.TransitionCount, ParserFeatures.LabelCount)];
        internal int[] Scores = new int[64];

        /// <summary>Sets word i (0-based) of the next sentence: lower-case word, tag and suffix hashes.</summary>
        public void Prepare(int n)
        {
            Inputs.Init(n);
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
        var st = ws.State;
        st.Init(n);
        if (ws.Scores.Length < Math.Max(4, Labels.Length)) ws.Scores = new int[Math.Max(4, Labels.Length)];
        var feats = ws.Features.AsSpan(0, ParserFeatures.TransitionCount);
        while (!st.BufferEmpty)
        {
            ParserFeatures.Transition(st, ws.Inputs, feats);
            var scores = ws.Scores.AsSpan(0, 4);
            scores.Clear();
            Transitions.Score(feats, scores);
            int best = -1;
            for (int t = 0; t < 4; t++)
                if (st.IsValid(t) && (best < 0 || scores[t] > scores[best])) best = t;
            int label = ParserState.NoLabel;
            if (best == ParserState.LeftArc) label = Relate(ws, st.B, st.S0);
            else if (best == ParserState.RightArc) label = Relate(ws, st.S0, st.B);
            st.Apply(best, label);
        }
        int root = -1;
        for (int i = 1; i <= n; i++) if (st.Head[i] == 0) { root = i; break; }
        for (int i = 1; i <= n; i++)
        {
            if (st.Head[i] >= 0) continue;
            if (root < 0) { st.AddArc(0, i, RootLabel); root = i; continue; }
            st.AddArc(root, i, Relate(ws, root, i));
        }
        for (int i = 1; i <= n; i++)
        {
            heads[i - 1] = st.Head[i] - 1;
            labels[i - 1] = st.Label[i];
        }
    }

    internal int Relate(Workspace ws, int h, int d)
    {
        if (h == 0) return RootLabel;
        var feats = ws.Features.AsSpan(0, ParserFeatures.LabelCount);
        ParserFeatures.Relation(ws.State, ws.Inputs, h, d, feats);
        var scores = ws.Scores.AsSpan(0, Labels.Length);
        scores.Clear();
        Relations.Score(feats, scores);
        int best = -1;
        for (int c = 0; c < scores.Length; c++)
            if (c != RootLabel && (best < 0 || scores[c] > scores[best])) best = c;
        return best;
    }

    public void Save(string path) => ModelFile.Write(path, Magic, w =>
    {
        w.Write(Labels.Length);
        foreach (var l in Labels) w.Write(l);
        Transitions.Save(w);
        Relations.Save(w);
    });

    public static Parser Load(string path) => ModelFile.Read(path, Magic, r =>
    {
        int n = r.ReadInt32();
        var labels = new string[n];
        for (int i = 0; i < n; i++) labels[i] = r.ReadString();
        var t = LinearModel.Load(r);
        var rel = LinearModel.Load(r);
        return new Parser(labels, t, rel);
    });
}
