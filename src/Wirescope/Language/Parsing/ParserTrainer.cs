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
    public static Parser Train(IReadOnlyList<TrainingSentence> data, IReadOnlyList<string[]> tags, int iterations, int seed, TextWriter? log = null)
    {
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

                words.Fill(s.Text, s.Starts, s.Ends);
                ws.Prepare(n);
                for (int i = 0; i < n; i++) ws.SetWord(i, words.Lower[i], FeatureHash.Of(tags[k][i]), words.Suffix3[i]);
                st.Init(n);
                while (!st.BufferEmpty)
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
                        if (h == 0) label = rootLabel;
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
        return new Parser(labels.ToArray(), trans.Freeze(), rel.Freeze());
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
