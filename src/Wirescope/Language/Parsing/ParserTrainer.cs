using Wirescope.Language.Models;

namespace Wirescope.Language.Parsing;

/// <summary>
/// Trains the arc-eager parser with Goldberg and Nivre's (2012) dynamic oracle and error
/// exploration: from the second iteration the parser follows its own (possibly wrong)
/// prediction with probability <see cref="ExploreProbability"/>, learning to recover.
/// Single-threaded, seeded: the same data and seed give the same model bit for bit.
/// </summary>
public static class ParserTrainer
{
    private const double ExploreProbability = 0.9;

    /// <summary>
    /// Trains on the sentences; <paramref name="tags"/> gives each sentence's tag strings
    /// (gold, or predicted by a jackknifed tagger) as the parser will see them.
    /// </summary>
    public static Trained Train(IReadOnlyList<TrainingSentence> data, IReadOnlyList<string[]> tags, int iterations, int seed, TextWriter? log = null)
        => Train(data, tags, iterations, seed, reversed: false, log);

    /// <summary>
    /// Trains a parser that reads sentences right to left when <paramref name="reversed"/>
    /// (on mirrored copies of the sentences and their tags; see <see cref="TrainingSentence.Mirrored"/>).
    /// </summary>
    public static Trained Train(IReadOnlyList<TrainingSentence> data, IReadOnlyList<string[]> tags, int iterations, int seed, bool reversed, TextWriter? log = null)
    {
        if (reversed)
        {
            data = data.Select(s => s.Mirrored()).ToList();
            tags = tags.Select(t => Enumerable.Reverse(t).ToArray()).ToList();
        }
        var labelOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var labels = new List<string>();
        foreach (var s in data)
            foreach (var l in s.Deprels)
                if (!labelOf.ContainsKey(l)) { labelOf[l] = labels.Count; labels.Add(l); }
        if (!labelOf.ContainsKey("root")) { labelOf["root"] = labels.Count; labels.Add("root"); }
        int rootLabel = labelOf["root"];

        var trans = new Perceptron(4);
        var rel = new Perceptron(labels.Count);
        var ws = new Parser.Workspace();
        ws.Inputs.Reversed = reversed;
        var st = ws.State;
        var words = new WordFeatures();
        var order = Enumerable.Range(0, data.Count).ToArray();
        var rng = new Random(seed);
        var tScores = new float[4];
        var lScores = new float[labels.Count];
        var allowed = new bool[labels.Count];
        Array.Fill(allowed, true);
        allowed[rootLabel] = false;
        var tf = new ulong[ParserFeatures.TransitionCount];
        var lf = new ulong[ParserFeatures.LabelCount];
        var gold = new int[64];
        var goldLabel = new int[64];
        Span<int> cost = stackalloc int[4];
        int lifted = 0;

        for (int it = 0; it < iterations; it++)
        {
            rng.Shuffle(order);
            long arcsRight = 0, arcs = 0;
            foreach (var k in order)
            {
                var s = data[k];
                int n = s.Count;
                if (gold.Length < n + 2) { gold = new int[(n + 2) * 2]; goldLabel = new int[(n + 2) * 2]; }
                bool ok = true;
                for (int i = 1; i <= n; i++)
                {
                    gold[i] = s.Heads[i - 1];
                    goldLabel[i] = labelOf[s.Deprels[i - 1]];
                    if (gold[i] < 0 || gold[i] > n) ok = false;
                }
                if (!ok) continue;
                if (it == 0) lifted += Projectivizer.Lift(gold, n) > 0 ? 1 : 0; else Projectivizer.Lift(gold, n);
                RootAtEnd(gold, n);

                words.Fill(s.Text, s.Starts, s.Ends);
                SetWords(ws, words, tags[k], n);
                st.Init(n);
                while (!st.Done)
                {
                    ParserFeatures.Transition(st, ws.Inputs, tf);
                    Array.Clear(tScores);
                    trans.Score(tf, tScores);
                    int pred = -1, best = -1, minCost = int.MaxValue;
                    for (int t = 0; t < 4; t++)
                    {
                        if (!st.IsValid(t)) { cost[t] = int.MaxValue; continue; }
                        cost[t] = Cost(st, gold, t);
                        minCost = Math.Min(minCost, cost[t]);
                        if (pred < 0 || tScores[t] > tScores[pred]) pred = t;
                    }
                    for (int t = 0; t < 4; t++)
                        if (cost[t] == minCost && (best < 0 || tScores[t] > tScores[best])) best = t;
                    trans.Tick();
                    rel.Tick();
                    if (cost[pred] > minCost) trans.Update(tf, best, pred);
                    int follow = cost[pred] == minCost || (it > 0 && rng.NextDouble() < ExploreProbability) ? pred : best;

                    int label = ParserState.NoLabel;
                    if (follow == ParserState.LeftArc || follow == ParserState.RightArc)
                    {
                        int h = follow == ParserState.LeftArc ? st.B : st.S0;
                        int d = follow == ParserState.LeftArc ? st.S0 : st.B;
                        if (h == st.Root) label = rootLabel;
                        else
                        {
                            ParserFeatures.Relation(st, ws.Inputs, h, d, lf);
                            label = rel.Predict(lf, lScores, allowed);
                            if (gold[d] == h)
                            {
                                arcs++;
                                if (label == goldLabel[d]) arcsRight++;
                                rel.Update(lf, goldLabel[d], label);
                            }
                        }
                    }
                    st.Apply(follow, label);
                }
            }
            log?.WriteLine($"parser iteration {it + 1}: relation accuracy on gold arcs {(double)arcsRight / Math.Max(1, arcs):F4}" + (it == 0 ? $"; {lifted} sentences projectivised" : ""));
        }
        return new Trained(labels.ToArray(), trans, rel, reversed: reversed);
    }

    /// <summary>The trained weights, frozen into a model at a chosen pruning level.</summary>
    public sealed class Trained(string[] labels, Perceptron transitions, Perceptron relations, int beamWidth = 1, bool reversed = false)
    {
        internal bool Reversed => reversed;
        internal string[] Labels => labels;
        internal Perceptron Transitions => transitions;
        internal Perceptron Relations => relations;

        /// <param name="minUpdates">
        /// Drop transition features updated fewer times (size against accuracy; MODELS.md gives
        /// the figures). The relation classifier, small and sensitive to pruning, keeps features
        /// updated at least twice.
        /// </param>
        public Parser Freeze(int minUpdates) => new(labels, transitions.Freeze(minUpdates), relations.Freeze(Math.Min(2, minUpdates)), beamWidth, reversed);
    }

    /// <summary>
    /// Retrains the transition classifier globally with beam search and early update (Collins
    /// and Roark 2004; Zhang and Nivre 2011), keeping the greedy model's relation classifier.
    /// The gold sequence is latent: any sequence of zero-cost transitions (the dynamic oracle's
    /// costs) counts as gold, and the best-scoring one is the one updated towards.
    /// </summary>
    public static Trained TrainBeam(IReadOnlyList<TrainingSentence> data, IReadOnlyList<string[]> tags, Trained greedy, int beam, int iterations, int seed, TextWriter? log = null)
    {
        if (greedy.Reversed) throw new NotSupportedException("beam training of a right-to-left parser");
        var labeller = new Parser(greedy.Labels, new LinearModel(4, [], [], 1f), greedy.Relations.Freeze(1));
        // Warm start from the greedy weights; the clock ticks per step, as in greedy training,
        // so that the averaged weights are not dominated by the greedy phase.
        var trans = greedy.Transitions;
        var ws = new Parser.Workspace();
        var words = new WordFeatures();
        var pool = Enumerable.Range(0, 2 * beam).Select(_ => new ParserState()).ToArray();
        var beamState = new int[beam]; var beamScore = new double[beam]; var beamNode = new int[beam]; var beamGold = new bool[beam];
        var nextState = new int[beam]; var nextScore = new double[beam]; var nextNode = new int[beam]; var nextGold = new bool[beam];
        var featOf = new int[beam];
        var arena = new List<ulong>();
        var nodeParent = new List<int>(); var nodeFeat = new List<int>(); var nodeTrans = new List<int>();
        var cands = new List<(int Parent, int Transition, double Score)>();
        var candGold = new List<bool>();
        var tf = new ulong[ParserFeatures.TransitionCount];
        var ts = new float[4];
        var gold = new int[64];
        var order = Enumerable.Range(0, data.Count).ToArray();
        var rng = new Random(seed + 1000);
        const int F = ParserFeatures.TransitionCount;

        void Update(int goldNode, int predNode)
        {
            for (int x = goldNode; x >= 0; x = nodeParent[x]) trans.Add(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(arena).Slice(nodeFeat[x], F), nodeTrans[x], 1f);
            for (int x = predNode; x >= 0; x = nodeParent[x]) trans.Add(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(arena).Slice(nodeFeat[x], F), nodeTrans[x], -1f);
        }

        for (int it = 0; it < iterations; it++)
        {
            rng.Shuffle(order);
            int early = 0, wrongFinal = 0;
            foreach (var k in order)
            {
                var s = data[k];
                int n = s.Count;
                if (gold.Length < n + 2) gold = new int[(n + 2) * 2];
                bool ok = true;
                for (int i = 1; i <= n; i++) { gold[i] = s.Heads[i - 1]; if (gold[i] < 0 || gold[i] > n) ok = false; }
                if (!ok) continue;
                Projectivizer.Lift(gold, n);
                RootAtEnd(gold, n);
                words.Fill(s.Text, s.Starts, s.Ends);
                SetWords(ws, words, tags[k], n);
                arena.Clear(); nodeParent.Clear(); nodeFeat.Clear(); nodeTrans.Clear();
                pool[0].Init(n);
                int count = 1, half = 0;
                beamState[0] = 0; beamScore[0] = 0; beamNode[0] = -1; beamGold[0] = true;
                while (true)
                {
                    cands.Clear(); candGold.Clear();
                    trans.Tick();
                    bool open = false;
                    for (int b = 0; b < count; b++)
                    {
                        var st = pool[beamState[b]];
                        if (st.Done) { cands.Add((b, -1, beamScore[b])); continue; }
                        open = true;
                        ParserFeatures.Transition(st, ws.Inputs, tf);
                        featOf[b] = arena.Count;
                        arena.AddRange(tf);
                        Array.Clear(ts);
                        trans.Score(tf, ts);
                        for (int t = 0; t < 4; t++)
                            if (st.IsValid(t)) cands.Add((b, t, beamScore[b] + ts[t]));
                    }
                    if (!open) break;
                    int keep = Parser.SelectTop(cands, beam);
                    foreach (var (p, t, _) in cands)
                        candGold.Add(beamGold[p] && (t < 0 || Cost(pool[beamState[p]], gold, t) == 0));
                    bool goldKept = false;
                    for (int c = 0; c < keep; c++) goldKept |= candGold[c];
                    if (!goldKept)
                    {
                        int g = -1;
                        for (int c = keep; c < cands.Count; c++) if (candGold[c]) { g = c; break; }
                        if (g >= 0)
                        {
                            Update(NewNode(cands[g]), NewNode(cands[0]));
                            early++;
                        }
                        break;
                    }
                    int nextHalf = 1 - half;
                    for (int c = 0; c < keep; c++)
                    {
                        var (p, t, score) = cands[c];
                        int slot = nextHalf * beam + c;
                        pool[slot].CopyFrom(pool[beamState[p]]);
                        if (t >= 0) labeller.ApplyLabelled(ws, pool[slot], t);
                        nextState[c] = slot; nextScore[c] = score; nextGold[c] = candGold[c];
                        nextNode[c] = t >= 0 ? NewNode(cands[c]) : beamNode[p];
                    }
                    Array.Copy(nextState, beamState, keep); Array.Copy(nextScore, beamScore, keep);
                    Array.Copy(nextNode, beamNode, keep); Array.Copy(nextGold, beamGold, keep);
                    count = keep;
                    half = nextHalf;
                    if (count > 0 && AllDone(pool, beamState, count))
                    {
                        if (!beamGold[0])
                        {
                            int g = -1;
                            for (int c = 1; c < count; c++) if (beamGold[c]) { g = c; break; }
                            if (g >= 0) { Update(beamNode[g], beamNode[0]); wrongFinal++; }
                        }
                        break;
                    }
                }

                int NewNode((int Parent, int Transition, double Score) c)
                {
                    if (c.Transition < 0) return beamNode[c.Parent];
                    nodeParent.Add(beamNode[c.Parent]);
                    nodeFeat.Add(featOf[c.Parent]);
                    nodeTrans.Add(c.Transition);
                    return nodeParent.Count - 1;
                }
            }
            log?.WriteLine($"beam iteration {it + 1}: early updates {early}, wrong final {wrongFinal} of {data.Count}");
        }
        return new Trained(greedy.Labels, trans, greedy.Relations, beam, greedy.Reversed);
    }

    /// <summary>The parser's inputs from the words and their tag strings.</summary>
    private static void SetWords(Parser.Workspace ws, WordFeatures words, string[] tags, int n)
    {
        ws.Prepare(n);
        for (int i = 0; i < n; i++) ws.SetWord(i, words.Lower[i], FeatureHash.Of(tags[i]), words.Suffix3[i]);
    }

    /// <summary>Gold heads use 0 for the root (CoNLL-U); the parser's root is word n+1.</summary>
    private static void RootAtEnd(int[] gold, int n)
    {
        for (int i = 1; i <= n; i++) if (gold[i] == 0) gold[i] = n + 1;
    }

    private static bool AllDone(ParserState[] pool, int[] states, int count)
    {
        for (int c = 0; c < count; c++) if (!pool[states[c]].Done) return false;
        return true;
    }

    /// <summary>
    /// Gold arcs that transition <paramref name="t"/> makes unreachable (Goldberg and Nivre 2012,
    /// arc-eager). gold: 1-based gold heads of 1..n, 0 = root.
    /// </summary>
    internal static int Cost(ParserState st, int[] gold, int t)
    {
        int s = st.S0, b = st.B, n = st.N, c = 0;
        switch (t)
        {
            case ParserState.Shift:
                for (int i = 0; i < st.Sp; i++)
                {
                    int k = st.Stack[i];
                    if (gold[b] == k) c++;
                    if (k > 0 && gold[k] == b && st.Head[k] < 0) c++;
                }
                break;
            case ParserState.Reduce:
                for (int k = b; k <= n; k++) if (gold[k] == s) c++;
                break;
            case ParserState.LeftArc:
                if (gold[s] != b && gold[s] > b) c++;
                for (int k = b; k <= n; k++) if (gold[k] == s) c++;
                break;
            case ParserState.RightArc:
            {
                int g = gold[b];
                if (g != s && (g > b || st.InStack[g])) c++;
                for (int i = 0; i < st.Sp; i++)
                {
                    int k = st.Stack[i];
                    if (k > 0 && gold[k] == b && st.Head[k] < 0) c++;
                }
                break;
            }
        }
        return c;
    }
}
