using Wirescope.Language;
using Wirescope.Language.Conllu;
using Wirescope.Language.Models;
using Wirescope.Language.Parsing;
using Xunit;

namespace Wirescope.Tests.Language;

/// <summary>
/// The voted ensemble's parts: the spanning-tree decoder against brute force on small random
/// tables, the single-root rule, mirroring sentences for right-to-left parsers, and the vote
/// itself (two members outvote one).
/// </summary>
public class ParserEnsembleTests
{
    /// <summary>Best single-root tree score by trying every head assignment (n ≤ 5).</summary>
    private static long BruteForce(SpanningTree t, int n)
    {
        long best = long.MinValue;
        var heads = new int[n + 1];
        void Walk(int d)
        {
            if (d > n)
            {
                if (!IsTree(heads, n)) return;
                long s = 0;
                for (int i = 1; i <= n; i++) s += t[heads[i], i];
                best = Math.Max(best, s);
                return;
            }
            for (int h = 0; h <= n; h++)
            {
                if (h == d) continue;
                heads[d] = h;
                Walk(d + 1);
            }
        }
        Walk(1);
        return best;
    }

    private static bool IsTree(int[] heads, int n)
    {
        int roots = 0;
        for (int d = 1; d <= n; d++)
        {
            if (heads[d] == 0) roots++;
            int x = d, steps = 0;
            while (x != 0 && steps++ <= n) x = heads[x];
            if (x != 0) return false;
        }
        return roots == 1;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Decoder_finds_the_best_single_root_tree(int n)
    {
        var rng = new Random(n * 7919);
        var t = new SpanningTree();
        var heads = new int[n + 1];
        for (int trial = 0; trial < 200; trial++)
        {
            t.Reset(n, 0);
            // Few distinct values make cycles among the best heads and ties common.
            for (int h = 0; h <= n; h++)
                for (int d = 1; d <= n; d++)
                    if (h != d) t.Add(h, d, rng.Next(0, 6) * (trial % 2 == 0 ? 1 : 1000) + rng.Next(0, 3));
            t.Decode(heads);
            Assert.True(IsTree(heads, n), $"trial {trial}: not a single-root tree: {string.Join(",", heads)}");
            long s = 0;
            for (int d = 1; d <= n; d++) s += t[heads[d], d];
            Assert.Equal(BruteForce(t, n), s);
        }
    }

    [Fact]
    public void A_two_word_cycle_is_broken_where_it_costs_least()
    {
        // 1 <-> 2 both prefer each other; the root prefers 2 a little more than 1.
        var t = new SpanningTree();
        t.Reset(2, 0);
        t.Add(2, 1, 10); t.Add(1, 2, 10);
        t.Add(0, 1, 3); t.Add(0, 2, 5);
        var heads = new int[3];
        t.Decode(heads);
        Assert.Equal([0, 2, 0], heads);
    }

    [Fact]
    public void Two_words_wanting_the_root_leave_one_root()
    {
        var t = new SpanningTree();
        t.Reset(3, 0);
        t.Add(0, 1, 9); t.Add(0, 2, 8); t.Add(0, 3, 7);
        t.Add(1, 2, 1); t.Add(1, 3, 1);
        var heads = new int[4];
        t.Decode(heads);
        Assert.Equal([0, 0, 1, 1], heads);
    }

    [Fact]
    public void Mirroring_a_sentence_twice_gives_it_back_and_keeps_its_arcs()
    {
        var s = TrainingSentence.From(ModelAccuracyTests.Fixture()[3]);
        var m = s.Mirrored();
        int n = s.Count;
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(s.Form(i), m.Form(n - 1 - i));
            Assert.Equal(s.Deprels[i], m.Deprels[n - 1 - i]);
            // The arc head -> i is the arc mirror(head) -> mirror(i).
            int h = s.Heads[i];
            Assert.Equal(h == 0 ? 0 : n + 1 - h, m.Heads[n - 1 - i]);
        }
        var back = m.Mirrored();
        Assert.Equal(s.Heads, back.Heads);
        Assert.Equal(s.Starts, back.Starts);

        int[] heads = [1, -1, 1, 2], labels = [5, 0, 6, 7];
        Parser.Mirror(heads, labels);
        Assert.Equal([1, 2, -1, 2], heads);
        Assert.Equal([7, 6, 0, 5], labels);
        Parser.Mirror(heads, labels);
        Assert.Equal([1, -1, 1, 2], heads);
    }

    private static (Parser Ltr, Parser Rtl, List<TrainingSentence> Data) TinyParsers()
    {
        var data = ModelAccuracyTests.Fixture().Take(80).Select(TrainingSentence.From).ToList();
        var tags = data.Select(s => Enumerable.Range(0, s.Count).Select(i => LanguageModels.TagName(s.Upos[i], s.Xpos[i])).ToArray()).ToArray();
        return (ParserTrainer.Train(data, tags, 3, 5).Freeze(1), ParserTrainer.Train(data, tags, 3, 5, reversed: true).Freeze(1), data);
    }

    private static (int[] Heads, int[] Labels) Run(ParserEnsemble p, TrainingSentence s)
    {
        var ws = new Parser.Workspace();
        var words = new WordFeatures();
        words.Fill(s.Text, s.Starts, s.Ends);
        int n = s.Count;
        ws.Prepare(n);
        for (int i = 0; i < n; i++) ws.SetWord(i, words.Lower[i], FeatureHash.Of(LanguageModels.TagName(s.Upos[i], s.Xpos[i])), words.Suffix3[i]);
        var heads = new int[n];
        var labels = new int[n];
        p.Parse(ws, n, heads, labels);
        return (heads, labels);
    }

    [Fact]
    public void A_right_to_left_parser_learns_and_two_votes_beat_one()
    {
        var (ltr, rtl, data) = TinyParsers();
        Assert.True(rtl.Reversed);
        int right = 0, total = 0, differ = 0;
        foreach (var s in data)
        {
            var (h, hl) = Run(rtl, s);
            var (l, ll) = Run(ltr, s);
            var ensemble = new ParserEnsemble(ltr, rtl, rtl);
            var (voted, votedLabels) = Run(ensemble, s);
            var (same, sameLabels) = Run(new ParserEnsemble(ltr, ltr, ltr), s);
            // rtl's two votes outweigh ltr's one on every arc and every relation (the
            // ensemble's relation ids are the first member's: compare names).
            Assert.Equal(h, voted);
            Assert.Equal(hl.Select(x => rtl.Labels[x]), votedLabels.Select(x => ensemble.Labels[x]));
            Assert.Equal(l, same);
            Assert.Equal(ll, sameLabels);
            for (int i = 0; i < s.Count; i++)
            {
                total++;
                if (h[i] + 1 == s.Heads[i]) right++;
                if (h[i] != l[i]) differ++;
            }
        }
        Assert.True(right > 0.5 * total, $"right-to-left UAS {right}/{total}");
        Assert.True(differ > 0, "the two directions never disagreed");
    }

    [Fact]
    public void An_ensemble_file_round_trips()
    {
        var (ltr, rtl, data) = TinyParsers();
        var path = Path.Combine(Path.GetTempPath(), "wirescope-ens-" + Guid.NewGuid().ToString("N") + ".bin.gz");
        try
        {
            var e = new ParserEnsemble(ltr, rtl, ltr);
            e.Save(path);
            var back = ParserEnsemble.Load(path);
            Assert.Equal([false, true, false], back.Members.Select(m => m.Reversed));
            foreach (var s in data.Take(20))
            {
                var (h1, l1) = Run(e, s);
                var (h2, l2) = Run(back, s);
                Assert.Equal(h1, h2);
                Assert.Equal(l1, l2);
            }
        }
        finally { File.Delete(path); }
    }

    /// <summary>
    /// The vote's shortcut gives the decoder's tree whenever it answers, and answers often:
    /// three members' trees made from one random tree with a few heads changed (agreement,
    /// two-against-one, three-way splits, cycles and second roots among the winners).
    /// </summary>
    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(30)]
    public void A_plain_vote_is_the_decoders_tree(int n)
    {
        var rng = new Random(n * 31);
        var ws = new Parser.Workspace { MemberHeads = [new int[n], new int[n], new int[n]] };
        var tree = new SpanningTree();
        var fast = new int[n + 1];
        var decoded = new int[n + 1];
        int plain = 0, trials = 400;
        for (int trial = 0; trial < trials; trial++)
        {
            var gold = RandomTree(rng, n);
            for (int m = 0; m < 3; m++) NearTree(rng, gold, ws.MemberHeads[m]);
            tree.Reset(n, 0);
            for (int m = 0; m < 3; m++)
                for (int d = 0; d < n; d++) tree.Add(ws.MemberHeads[m][d] + 1, d + 1, ParserEnsemble.Vote - m);
            tree.Decode(decoded);
            if (!ParserEnsemble.TryPlainVote(ws, 3, n, fast)) continue;
            plain++;
            Assert.Equal(decoded.AsSpan(1).ToArray(), fast.AsSpan(1).ToArray());
        }
        Assert.InRange(plain, trials / 4, trials - 1);
    }

    /// <summary>
    /// Neural log-probabilities plus one or three members' votes: whenever the plain check
    /// answers, its tree is the decoder's, on the same integer arc scores.
    /// </summary>
    [Theory]
    [InlineData(2, 1)]
    [InlineData(7, 1)]
    [InlineData(15, 3)]
    public void PlainCombinedTreeIsTheDecodersTree(int n, int k)
    {
        var rng = new Random(n * 17 + k);
        int t = n + 1;
        var members = Enumerable.Range(0, k).Select(_ => new int[n]).ToArray();
        var logProb = new float[t * t];
        var tree = new SpanningTree();
        var heads = new int[n];
        var decoded = new int[n + 1];
        int plain = 0, trials = 400;
        for (int trial = 0; trial < trials; trial++)
        {
            var gold = RandomTree(rng, n);
            // Neural rows peaked on the gold head (sometimes on another), members near the gold tree.
            for (int d = 0; d < n; d++)
                for (int h = -1; h < n; h++)
                    logProb[(d + 1) * t + h + 1] = h == d ? float.NegativeInfinity : (float)(-rng.NextDouble() * 4 - (h == gold[d] ? 0 : 1.5));
            foreach (var m in members) NearTree(rng, gold, m);
            tree.Reset(n, 0);
            for (int m = 0; m < k; m++)
                for (int d = 0; d < n; d++) tree.Add(members[m][d] + 1, d + 1, ParserEnsemble.MemberVote(m));
            for (int d = 0; d < n; d++)
                for (int h = -1; h < n; h++)
                    if (h != d) tree.Add(h + 1, d + 1, (long)(Math.Max(logProb[(d + 1) * t + h + 1], -30f) * 1.0 * Wirescope.Language.Parsing.Neural.NeuralParser.Scale));
            tree.Decode(decoded);
            if (!ParserEnsemble.TryPlainCombined(logProb, n, 1.0, members, k, heads)) continue;
            plain++;
            Assert.Equal(decoded.Skip(1).Select(h => h - 1).ToArray(), heads);
        }
        Assert.InRange(plain, trials / 10, trials - 1);
    }

    /// <summary>A random tree: words in random order, each attached to one placed before it (0-based heads, −1 root).</summary>
    private static int[] RandomTree(Random rng, int n)
    {
        var order = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).ToArray();
        var heads = new int[n];
        heads[order[0]] = -1;
        for (int i = 1; i < n; i++) heads[order[i]] = order[rng.Next(i)];
        return heads;
    }

    /// <summary>The tree with up to two heads changed at random (which may make cycles or second roots).</summary>
    private static void NearTree(Random rng, int[] tree, int[] into)
    {
        tree.CopyTo(into, 0);
        for (int change = rng.Next(0, 3); change > 0; change--)
        {
            int d = rng.Next(tree.Length), h = rng.Next(-1, tree.Length);
            if (h != d) into[d] = h;
        }
    }
}
