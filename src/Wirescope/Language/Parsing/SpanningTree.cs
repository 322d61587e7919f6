namespace Wirescope.Language.Parsing;

/// <summary>
/// Maximum spanning arborescence over arc scores (Chu and Liu 1965; Edmonds 1967): every word
/// takes its best head; a cycle, if any, is contracted into one node whose incoming arcs are
/// rescored by what breaking the cycle there costs, and the smaller graph is solved the same
/// way. Node 0 is the root; exactly one word attaches to it (UD's single root). The decoder
/// of <see cref="ParserEnsemble"/>: it may return a non-projective tree, as UD trees can be.
/// Reusable (one per thread): the score table grows once; only contractions (a cycle among
/// the best heads, rare with voted trees) allocate.
/// </summary>
public sealed class SpanningTree
{
    /// <summary>Score of an arc that may not be used (self-loops; root arcs ruled out).</summary>
    public const long Forbidden = -(1L << 50);

    private long[] _score = new long[64];
    private int[] _head = new int[16], _mark = new int[16];
    private int _n;

    /// <summary>Starts a table for words 1..n, every arc scored <paramref name="initial"/>.</summary>
    public void Reset(int n, long initial)
    {
        int v = n + 1;
        if (_score.Length < v * v) _score = new long[v * v * 2];
        if (_head.Length < v) { _head = new int[v * 2]; _mark = new int[v * 2]; }
        _n = n;
        _score.AsSpan(0, v * v).Fill(initial);
        for (int i = 0; i <= n; i++) _score[i * v + i] = Forbidden;
    }

    /// <summary>
    /// Whether 0-based heads (−1 = root) make a tree: nothing on a cycle, every word reaching
    /// the root. Callers check the one-root-child rule themselves.
    /// </summary>
    public static bool IsTree(ReadOnlySpan<int> heads)
    {
        int n = heads.Length;
        Span<int> mark = n < 256 ? stackalloc int[n] : new int[n];
        mark.Clear();
        // Walk up from each word, marking the walk; meeting the same walk again is a cycle.
        for (int start = 0; start < n; start++)
        {
            int x = start;
            while (x >= 0 && mark[x] == 0) { mark[x] = start + 1; x = heads[x]; }
            if (x >= 0 && mark[x] == start + 1) return false;
        }
        return true;
    }

    /// <summary>Adds to the score of the arc head -> dep (0 = root; words 1..n).</summary>
    public void Add(int head, int dep, long score) => _score[head * (_n + 1) + dep] += score;

    public long this[int head, int dep] => _score[head * (_n + 1) + dep];

    /// <summary>
    /// Every root arc is charged this much while decoding: a tree with one root child then
    /// always beats one with two, and among single-root trees the best one wins, so one
    /// spanning-tree search finds the best single-root tree (Gabow and Tarjan's device).
    /// </summary>
    private const long RootPenalty = 1L << 40;

    /// <summary>The best tree with one root child: heads[d] for words d = 1..n (heads[0] unused).</summary>
    public void Decode(Span<int> heads)
    {
        int v = _n + 1;
        if (_n == 0) return;
        for (int d = 1; d < v; d++) if (_score[d] > Forbidden) _score[d] -= RootPenalty;
        try
        {
            var result = Solve(_score, v, _head, _mark);
            for (int d = 1; d < v; d++) heads[d] = result[d];
        }
        finally
        {
            for (int d = 1; d < v; d++) if (_score[d] > Forbidden) _score[d] += RootPenalty;
        }
    }

    /// <summary>
    /// Chu-Liu-Edmonds on nodes 0..v-1 (0 the root); score[h * v + d]. Returns
    /// <paramref name="head"/> filled, or a new array after a contraction (the rare case).
    /// </summary>
    private static int[] Solve(long[] score, int v, int[] head, int[] mark)
    {
        head[0] = -1;
        for (int d = 1; d < v; d++)
        {
            int best = 0;
            for (int h = 1; h < v; h++)
                if (h != d && score[h * v + d] > score[best * v + d]) best = h;
            head[d] = best;
        }
        var cycle = FindCycle(head, v, mark);
        if (cycle is null) return head;

        // Contract the cycle into node c = m (the last id); non-cycle nodes keep their order.
        var inCycle = new bool[v];
        foreach (var c in cycle) inCycle[c] = true;
        var newId = new int[v];
        var oldId = new List<int>();
        for (int i = 0; i < v; i++)
            if (!inCycle[i]) { newId[i] = oldId.Count; oldId.Add(i); }
        int m = oldId.Count, nv = m + 1;
        foreach (var c in cycle) newId[c] = m;
        var sub = new long[nv * nv];
        Array.Fill(sub, Forbidden);
        var enters = new int[nv];   // for an arc u -> cycle: the cycle node it enters
        var leaves = new int[nv];   // for an arc cycle -> w: the cycle node it leaves from
        for (int h = 0; h < v; h++)
            for (int d = 1; d < v; d++)
            {
                if (h == d) continue;
                long s = score[h * v + d];
                if (s <= Forbidden) continue;
                int nh = newId[h], nd = newId[d];
                if (inCycle[d])
                {
                    if (inCycle[h]) continue;
                    // Entering the cycle at d breaks the arc head[d] -> d.
                    long r = s - score[head[d] * v + d];
                    if (r > sub[nh * nv + m]) { sub[nh * nv + m] = r; enters[nh] = d; }
                }
                else if (inCycle[h])
                {
                    if (s > sub[m * nv + nd]) { sub[m * nv + nd] = s; leaves[nd] = h; }
                }
                else sub[nh * nv + nd] = s;
            }
        var subHead = Solve(sub, nv, new int[nv], new int[nv]);
        var result = head[..v];
        for (int i = 1; i < m; i++)
        {
            int d = oldId[i], nh = subHead[i];
            result[d] = nh == m ? leaves[i] : oldId[nh];
        }
        int from = subHead[m];
        result[enters[from]] = oldId[from];
        return result;
    }

    /// <summary>The nodes of a cycle in the head graph, or null when it is a tree.</summary>
    private static List<int>? FindCycle(int[] head, int v, int[] mark)
    {
        Array.Clear(mark, 0, v); // 0 unseen, else the walk that reached it
        for (int start = 1; start < v; start++)
        {
            if (mark[start] != 0) continue;
            int x = start;
            while (x > 0 && mark[x] == 0) { mark[x] = start; x = head[x]; }
            if (x > 0 && mark[x] == start)
            {
                var cycle = new List<int> { x };
                for (int y = head[x]; y != x; y = head[y]) cycle.Add(y);
                return cycle;
            }
        }
        return null;
    }
}
