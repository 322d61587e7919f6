namespace Wirescope.Language.Parsing;

/// <summary>
/// Makes a gold tree projective for training by lifting the dependent of the shortest
/// crossing arc to its grandparent until no arc crosses (Nivre and Nilsson 2005, without
/// the label encoding): the arc-eager oracle is exact only on projective trees.
/// </summary>
internal static class Projectivizer
{
    /// <summary>heads: 1-based heads of words 1..n at index 1..n (index 0 unused, root = 0). Changed in place.</summary>
    public static int Lift(int[] heads, int n)
    {
        int lifts = 0;
        while (lifts < 4 * n)
        {
            int bestD = -1, bestLen = int.MaxValue;
            for (int d = 1; d <= n; d++)
            {
                int h = heads[d];
                if (h <= 0) continue;
                int len = Math.Abs(h - d);
                if (len >= bestLen || !Crosses(heads, n, h, d)) continue;
                bestD = d; bestLen = len;
            }
            if (bestD < 0) break;
            heads[bestD] = heads[heads[bestD]];
            lifts++;
        }
        return lifts;
    }

    /// <summary>True when some word strictly between h and d is not dominated by h.</summary>
    private static bool Crosses(int[] heads, int n, int h, int d)
    {
        int lo = Math.Min(h, d), hi = Math.Max(h, d);
        for (int k = lo + 1; k < hi; k++)
        {
            int a = k, steps = 0;
            while (a != h && a > 0 && steps++ <= n) a = heads[a];
            if (a != h) return true;
        }
        return false;
    }
}
