using Wirescope.Language.Models;
using Wirescope.Language.Parsing.Neural;

namespace Wirescope.Language.Parsing;

/// <summary>
/// One or more greedy parsers whose trees are combined by voting (Sagae and Lavie 2006):
/// each member's arcs add its weight to an arc table and the maximum spanning tree of that
/// table is the parse. Members that read the sentence in opposite directions err on different
/// arcs, so where two of three agree the vote usually fixes the third. Each arc takes the
/// relation most of its proposers gave it. A single member is parsed as it is.
/// </summary>
public sealed class ParserEnsemble
{
    internal const string Magic = "wirescope-parsers";

    /// <summary>Longer sentences take the first member's tree (the decoder is cubic at worst).</summary>
    internal const int MaxVotedWords = 250;

    /// <summary>
    /// Vote of member k: <see cref="Vote"/> - k. Two members outvote one, and a tie between
    /// single proposals goes to the earlier member (the first is the best single parser).
    /// </summary>
    internal const long Vote = 1000;

    public Parser[] Members { get; }
    public string[] Labels => Members[0].Labels;
    public int BeamWidth => Members[0].BeamWidth;

    /// <summary>Per member: its relation ids as ids of <see cref="Labels"/> (members trained on mirrored sentences met the relations in another order).</summary>
    private readonly int[][] _labelOf;

    /// <summary>The BiLSTM + biaffine parser whose arc log-probabilities join the vote (null: perceptrons only).</summary>
    public NeuralParser? Neural { get; }

    /// <summary>
    /// Weight of the neural log-probabilities against the votes: an arc's score is the sum of
    /// its proposers' votes (about 1 each) plus this times its neural log-probability; +∞: the
    /// neural parser alone (the perceptrons are not run).
    /// </summary>
    public double NeuralWeight { get; }

    /// <summary>The neural parser's relation ids as ids of <see cref="Labels"/>.</summary>
    private readonly int[] _neuralLabelOf = [];

    public ParserEnsemble(Parser[] members, NeuralParser? neural, double neuralWeight) : this(members)
    {
        Neural = neural;
        NeuralWeight = neuralWeight;
        if (neural is not null)
            _neuralLabelOf = neural.Labels.Select(l => Array.IndexOf(members[0].Labels, l) is var i and >= 0 ? i : members[0].FallbackLabel).ToArray();
    }

    /// <summary>These parsers with a neural parser joined at the given weight (null: without one).</summary>
    public ParserEnsemble WithNeural(NeuralParser? neural, double weight) => new(Members, neural, weight);

    public ParserEnsemble(params Parser[] members)
    {
        if (members.Length == 0) throw new ArgumentException("an ensemble needs a parser", nameof(members));
        Members = members;
        var first = members[0];
        _labelOf = members.Select(m => m.Labels.Select(l => Array.IndexOf(first.Labels, l) is var i and >= 0 ? i : first.FallbackLabel).ToArray()).ToArray();
    }

    public static implicit operator ParserEnsemble(Parser p) => new(p);

    public ParserEnsemble WithBeam(int beamWidth) => new(Members.Select(m => m.WithBeam(beamWidth)).ToArray(), Neural, NeuralWeight);

    /// <summary>
    /// The first <paramref name="count"/> members (0 or more than there are: all). One member is
    /// the first parser alone, the best single one: about 2.5x faster, about 0.45 UAS/LAS lower.
    /// </summary>
    public ParserEnsemble WithMembers(int count) => count <= 0 || count >= Members.Length ? this : new(Members[..count]);

    /// <summary>Parses the n words prepared in <paramref name="ws"/>; heads are 0-based word indexes, -1 for the root.</summary>
    public void Parse(Parser.Workspace ws, int n, Span<int> heads, Span<int> labels)
    {
        if (Neural is not null && n >= 1 && n <= MaxVotedWords)
        {
            ParseWithNeural(ws, n, heads, labels);
            return;
        }
        if (Members.Length == 1 || n > MaxVotedWords || n <= 1)
        {
            Members[0].Parse(ws, n, heads, labels);
            return;
        }
        int k = Members.Length;
        if (ws.MemberHeads.Length < k || ws.MemberHeads[0].Length < n + 1)
        {
            int size = Math.Max(64, (n + 1) * 2);
            ws.MemberHeads = Enumerable.Range(0, k).Select(_ => new int[size]).ToArray();
            ws.MemberLabels = Enumerable.Range(0, k).Select(_ => new int[size]).ToArray();
        }
        bool agree = true;
        long votesLeft = 0;
        for (int m = 0; m < k; m++) votesLeft += Vote - m;
        long votesIn = 0;
        var first = ws.MemberHeads[0].AsSpan(0, n);
        for (int m = 0; m < k; m++)
        {
            var h = ws.MemberHeads[m].AsSpan(0, n);
            Members[m].Parse(ws, n, h, ws.MemberLabels[m].AsSpan(0, n));
            votesIn += Vote - m;
            votesLeft -= Vote - m;
            agree = agree && (m == 0 || SameTree(m, n, ws));
            // The members so far gave one labelled tree and outweigh the rest on every arc: the
            // rest cannot change the vote, so they are not run (most sentences).
            if (agree && votesIn > votesLeft)
            {
                first.CopyTo(heads);
                for (int d = 0; d < n; d++) labels[d] = _labelOf[0][ws.MemberLabels[0][d]];
                return;
            }
        }
        Span<int> voted = n < 256 ? stackalloc int[n + 1] : new int[n + 1];
        if (!TryPlainVote(ws, k, n, voted))
        {
            var tree = ws.Tree;
            tree.Reset(n, 0);
            for (int m = 0; m < k; m++)
                for (int d = 0; d < n; d++) tree.Add(ws.MemberHeads[m][d] + 1, d + 1, Vote - m);
            tree.Decode(voted);
        }
        for (int d = 0; d < n; d++)
        {
            int h = voted[d + 1] - 1;
            heads[d] = h;
            labels[d] = -1;
            // The relation most of the arc's proposers gave it; a tie goes to the earlier member.
            int bestVotes = 0;
            for (int m = 0; m < k; m++)
            {
                if (ws.MemberHeads[m][d] != h) continue;
                int l = _labelOf[m][ws.MemberLabels[m][d]], votes = 0;
                for (int o = m; o < k; o++)
                    if (ws.MemberHeads[o][d] == h && _labelOf[o][ws.MemberLabels[o][d]] == l) votes++;
                if (votes > bestVotes) { bestVotes = votes; labels[d] = l; }
            }
            // An arc no member made (the single-root rule can force one): the first member's
            // relation for the word, unless that was root.
            if (labels[d] < 0) labels[d] = h < 0 ? Members[0].RootLabel : ws.MemberLabels[0][d] != Members[0].RootLabel ? ws.MemberLabels[0][d] : Members[0].FallbackLabel;
        }
    }

    /// <summary>
    /// The neural parser alone, or the maximum spanning tree of every member's votes plus the
    /// weighted neural arc log-probabilities. Relations come from the neural classifier (on GUM
    /// dev +0.18 LAS over voting them among the arc's proposers with the neural one first).
    /// </summary>
    private void ParseWithNeural(Parser.Workspace ws, int n, Span<int> heads, Span<int> labels)
    {
        var neural = Neural!;
        var pass = ws.Neural ??= neural.NewPass();
        pass.Prepare(n);
        for (int i = 0; i < n; i++) pass.SetWord(i, ws.Inputs.Word[i + 1], ws.Inputs.Tag[i + 1], ws.Inputs.Suffix[i + 1], ws.Shape[i]);
        if (double.IsPositiveInfinity(NeuralWeight))
        {
            neural.Parse(pass, ws.Tree, n, heads, labels);
            for (int d = 0; d < n; d++) labels[d] = _neuralLabelOf[labels[d]];
            return;
        }
        neural.Score(pass);
        int k = Members.Length;
        if (ws.MemberHeads.Length < k || ws.MemberHeads[0].Length < n + 1)
        {
            int size = Math.Max(64, (n + 1) * 2);
            ws.MemberHeads = Enumerable.Range(0, k).Select(_ => new int[size]).ToArray();
            ws.MemberLabels = Enumerable.Range(0, k).Select(_ => new int[size]).ToArray();
        }
        for (int m = 0; m < k; m++) Members[m].Parse(ws, n, ws.MemberHeads[m].AsSpan(0, n), ws.MemberLabels[m].AsSpan(0, n));
        if (!TryPlainCombined(pass.ArcLogProb, n, NeuralWeight, ws.MemberHeads, k, heads))
        {
            var tree = ws.Tree;
            tree.Reset(n, 0);
            for (int m = 0; m < k; m++)
                for (int d = 0; d < n; d++) tree.Add(ws.MemberHeads[m][d] + 1, d + 1, MemberVote(m));
            NeuralParser.AddArcs(pass, tree, n, NeuralWeight);
            Span<int> voted = n < 256 ? stackalloc int[n + 1] : new int[n + 1];
            tree.Decode(voted);
            for (int d = 0; d < n; d++) heads[d] = voted[d + 1] - 1;
        }
        neural.Label(pass, n, heads, labels);
        for (int d = 0; d < n; d++) labels[d] = _neuralLabelOf[labels[d]];
    }

    /// <summary>Member m's vote in the decoder's units when neural log-probabilities join (one vote ≈ log-probability 1).</summary>
    internal static long MemberVote(int m) => (long)(NeuralParser.Scale * (Vote - m) / Vote);

    /// <summary>
    /// The decoder's tree without decoding for the combined scores, as <see cref="TryPlainVote"/>
    /// for votes alone: every word's best head by the same integer arc scores the decoder
    /// would get (weighted neural log-probability plus the votes of the members that chose it);
    /// when each best is strict and they make a tree with one root child, no other tree scores
    /// higher. False sends the sentence to the decoder. With no members (k = 0) it is the
    /// neural parser's own check.
    /// </summary>
    internal static bool TryPlainCombined(ReadOnlySpan<float> arcLogProb, int n, double neuralWeight, int[][] memberHeads, int k, Span<int> heads)
    {
        double scale = neuralWeight * NeuralParser.Scale;
        int t = n + 1;
        int roots = 0;
        for (int d = 0; d < n; d++)
        {
            long best = long.MinValue, second = long.MinValue;
            int bestHead = 0;
            for (int h = -1; h < n; h++)
            {
                if (h == d) continue;
                long score = (long)(Math.Max(arcLogProb[(d + 1) * t + h + 1], -30f) * scale);
                for (int m = 0; m < k; m++)
                    if (memberHeads[m][d] == h) score += MemberVote(m);
                if (score > best) { second = best; best = score; bestHead = h; }
                else if (score > second) second = score;
            }
            if (best == second) return false;
            heads[d] = bestHead;
            if (bestHead < 0 && ++roots > 1) return false;
        }
        return roots == 1 && SpanningTree.IsTree(heads[..n]);
    }

    /// <summary>
    /// The decoder's tree without decoding, when the vote is plain: if every word's most voted
    /// head wins outright and those heads make a tree with one root child, that tree outscores
    /// every other (any other tree gives some word a head of fewer votes), so it is the one
    /// maximum the decoder returns. Fills <paramref name="voted"/> as <see cref="SpanningTree.Decode"/>
    /// does (voted[d + 1] = head + 1); false when a tie, a cycle or a second root child needs
    /// the decoder (which took a tenth of the parse time, mostly on trees that were already plain).
    /// </summary>
    internal static bool TryPlainVote(Parser.Workspace ws, int k, int n, Span<int> voted)
    {
        int roots = 0;
        for (int d = 0; d < n; d++)
        {
            long best = -1, second = -1;
            int bestHead = 0;
            for (int m = 0; m < k; m++)
            {
                int h = ws.MemberHeads[m][d];
                bool counted = false;
                for (int o = 0; o < m && !counted; o++) counted = ws.MemberHeads[o][d] == h;
                if (counted) continue;
                long votes = 0;
                for (int o = m; o < k; o++)
                    if (ws.MemberHeads[o][d] == h) votes += Vote - o;
                if (votes > best) { second = best; best = votes; bestHead = h; }
                else if (votes > second) second = votes;
            }
            if (best == second) return false;
            voted[d + 1] = bestHead + 1;
            if (bestHead < 0) roots++;
        }
        if (roots != 1) return false;
        // Every word must reach the root: walk up, marking the walk; meeting the walk again is a cycle.
        Span<int> mark = n < 256 ? stackalloc int[n + 1] : new int[n + 1];
        mark.Clear();
        for (int start = 1; start <= n; start++)
        {
            int x = start;
            while (x > 0 && mark[x] == 0) { mark[x] = start; x = voted[x]; }
            if (x > 0 && mark[x] == start) return false;
        }
        return true;
    }

    /// <summary>Member m gave the first member's heads and relations.</summary>
    private bool SameTree(int m, int n, Parser.Workspace ws)
    {
        if (!ws.MemberHeads[m].AsSpan(0, n).SequenceEqual(ws.MemberHeads[0].AsSpan(0, n))) return false;
        for (int d = 0; d < n; d++)
            if (_labelOf[m][ws.MemberLabels[m][d]] != _labelOf[0][ws.MemberLabels[0][d]]) return false;
        return true;
    }

    public void Save(string path) => ModelFile.Write(path, Magic, w =>
    {
        w.Write(Members.Length);
        foreach (var m in Members) m.Write(w);
    });

    /// <summary>
    /// Loads the ensemble, or only its first <paramref name="maxMembers"/> members (the rest of
    /// the file is not decompressed: each member is about 0.08 CPU-s and 60 MB of heap).
    /// </summary>
    public static ParserEnsemble Load(string path, int maxMembers = int.MaxValue) => ModelFile.Read(path, Magic, r =>
    {
        int k = r.ReadInt32();
        if (k < 1 || k > 16) throw new InvalidDataException($"{path}: {k} parsers");
        var members = new Parser[Math.Clamp(maxMembers, 1, k)];
        for (int i = 0; i < members.Length; i++) members[i] = Parser.Read(r);
        return new ParserEnsemble(members);
    });
}
