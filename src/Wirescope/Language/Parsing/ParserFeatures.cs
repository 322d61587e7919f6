using Wirescope.Language.Models;

namespace Wirescope.Language.Parsing;

/// <summary>
/// Feature templates of the transition classifier (Zhang and Nivre 2011's rich non-local
/// set, minus a few) and of the relation classifier. Word and tag hashes are indexed by
/// token position 1..n; 0 is the root, -1 "none".
/// </summary>
internal static class ParserFeatures
{
    public const int TransitionCount = 92;
    public const int LabelCount = 24;

    private const ulong NoneWord = 0x0BAD_0BAD_0BAD_0BADUL;
    private const ulong RootWord = 0x0DEF_0DEF_0DEF_0DEFUL;

    /// <summary>Per-sentence inputs: word hashes (lower case), tag hashes and suffix hashes, 0..n.</summary>
    internal sealed class Inputs
    {
        public ulong[] Word = new ulong[64];
        public ulong[] Tag = new ulong[64];
        public ulong[] Suffix = new ulong[64];
        public int N;
        /// <summary>The words are mirrored (a right-to-left parser): the lexical attachment templates look the other way.</summary>
        public bool Reversed;

        public void Init(int n)
        {
            if (Word.Length < n + 2) { Word = new ulong[(n + 2) * 2]; Tag = new ulong[(n + 2) * 2]; Suffix = new ulong[(n + 2) * 2]; }
            N = n;
            Word[n + 1] = RootWord; Tag[n + 1] = RootWord; Suffix[n + 1] = RootWord;
        }

        /// <summary>Mirrors words 1..n in place (a reversed parser reads the sentence backwards).</summary>
        public void Reverse(int n)
        {
            Word.AsSpan(1, n).Reverse();
            Tag.AsSpan(1, n).Reverse();
            Suffix.AsSpan(1, n).Reverse();
        }

        public ulong W(int i) => i < 1 || i > N + 1 ? NoneWord : Word[i];
        public ulong T(int i) => i < 1 || i > N + 1 ? NoneWord : Tag[i];
        public ulong Sf(int i) => i < 1 || i > N + 1 ? NoneWord : Suffix[i];
    }

    private static ulong H(ulong a, ulong b) => FeatureHash.Combine(977, a, b);
    private static ulong L(ParserState s, int i) => i < 0 ? 0xFFFF : (ulong)(s.Label[i] + 2);

    public static void Transition(ParserState s, Inputs x, Span<ulong> f)
    {
        int s0 = s.S0, n0 = s.BufferEmpty ? -1 : s.B;
        int n1 = n0 >= 0 && n0 + 1 <= s.N + 1 ? n0 + 1 : -1, n2 = n1 >= 0 && n1 + 1 <= s.N + 1 ? n1 + 1 : -1;
        int s1 = s.S1;
        int s0h = s0 > 0 ? s.Head[s0] : -1;
        int s0h2 = s0h > 0 && s0h <= s.N ? s.Head[s0h] : -1;
        int s0l = s0 >= 0 ? s.L1[s0] : -1, s0r = s0 >= 0 ? s.R1[s0] : -1, n0l = n0 >= 0 ? s.L1[n0] : -1;
        int s0l2 = s0 >= 0 ? s.L2[s0] : -1, s0r2 = s0 >= 0 ? s.R2[s0] : -1, n0l2 = n0 >= 0 ? s.L2[n0] : -1;
        ulong s0w = x.W(s0), s0p = x.T(s0), n0w = x.W(n0), n0p = x.T(n0);
        ulong n1w = x.W(n1), n1p = x.T(n1), n2w = x.W(n2), n2p = x.T(n2);
        ulong s0wp = H(s0w, s0p), n0wp = H(n0w, n0p), n1wp = H(n1w, n1p);
        ulong d = s0 >= 0 && n0 >= 0 ? (ulong)Bucket(n0 - s0) : 0;
        ulong s0vl = s0 >= 0 ? (ulong)s.LeftCount[s0] : 99, s0vr = s0 >= 0 ? (ulong)s.RightCount[s0] : 99;
        ulong n0vl = n0 >= 0 ? (ulong)s.LeftCount[n0] : 99;
        ulong s0sl = s0 >= 0 ? s.LeftLabels[s0] : 1UL << 63, s0sr = s0 >= 0 ? s.RightLabels[s0] : 1UL << 63;
        ulong n0sl = n0 >= 0 ? s.LeftLabels[n0] : 1UL << 63;
        int k = 0;
        f[k++] = FeatureHash.Combine(1, 0);
        f[k++] = FeatureHash.Combine(2, s0w);
        f[k++] = FeatureHash.Combine(3, s0p);
        f[k++] = FeatureHash.Combine(4, s0wp);
        f[k++] = FeatureHash.Combine(5, n0w);
        f[k++] = FeatureHash.Combine(6, n0p);
        f[k++] = FeatureHash.Combine(7, n0wp);
        f[k++] = FeatureHash.Combine(8, n1w);
        f[k++] = FeatureHash.Combine(9, n1p);
        f[k++] = FeatureHash.Combine(10, n1wp);
        f[k++] = FeatureHash.Combine(11, n2w);
        f[k++] = FeatureHash.Combine(12, n2p);
        f[k++] = FeatureHash.Combine(13, s0wp, n0wp);
        f[k++] = FeatureHash.Combine(14, s0wp, n0w);
        f[k++] = FeatureHash.Combine(15, s0w, n0wp);
        f[k++] = FeatureHash.Combine(16, s0wp, n0p);
        f[k++] = FeatureHash.Combine(17, s0p, n0wp);
        f[k++] = FeatureHash.Combine(18, s0w, n0w);
        f[k++] = FeatureHash.Combine(19, s0p, n0p);
        f[k++] = FeatureHash.Combine(20, n0p, n1p);
        f[k++] = FeatureHash.Combine(21, n0p, n1p, n2p);
        f[k++] = FeatureHash.Combine(22, s0p, n0p, n1p);
        f[k++] = FeatureHash.Combine(23, x.T(s0h), s0p, n0p);
        f[k++] = FeatureHash.Combine(24, s0p, x.T(s0l), n0p);
        f[k++] = FeatureHash.Combine(25, s0p, x.T(s0r), n0p);
        f[k++] = FeatureHash.Combine(26, s0p, n0p, x.T(n0l));
        f[k++] = FeatureHash.Combine(27, s0w, d);
        f[k++] = FeatureHash.Combine(28, s0p, d);
        f[k++] = FeatureHash.Combine(29, n0w, d);
        f[k++] = FeatureHash.Combine(30, n0p, d);
        f[k++] = FeatureHash.Combine(31, s0w, n0w, d);
        f[k++] = FeatureHash.Combine(32, s0p, n0p, d);
        f[k++] = FeatureHash.Combine(33, s0w, s0vr);
        f[k++] = FeatureHash.Combine(34, s0p, s0vr);
        f[k++] = FeatureHash.Combine(35, s0w, s0vl);
        f[k++] = FeatureHash.Combine(36, s0p, s0vl);
        f[k++] = FeatureHash.Combine(37, n0w, n0vl);
        f[k++] = FeatureHash.Combine(38, n0p, n0vl);
        f[k++] = FeatureHash.Combine(39, x.W(s0h));
        f[k++] = FeatureHash.Combine(40, x.T(s0h));
        f[k++] = FeatureHash.Combine(41, L(s, s0));
        f[k++] = FeatureHash.Combine(42, x.W(s0l));
        f[k++] = FeatureHash.Combine(43, x.T(s0l));
        f[k++] = FeatureHash.Combine(44, L(s, s0l));
        f[k++] = FeatureHash.Combine(45, x.W(s0r));
        f[k++] = FeatureHash.Combine(46, x.T(s0r));
        f[k++] = FeatureHash.Combine(47, L(s, s0r));
        f[k++] = FeatureHash.Combine(48, x.W(n0l));
        f[k++] = FeatureHash.Combine(49, x.T(n0l));
        f[k++] = FeatureHash.Combine(50, L(s, n0l));
        f[k++] = FeatureHash.Combine(51, x.W(s0h2));
        f[k++] = FeatureHash.Combine(52, x.T(s0h2));
        f[k++] = FeatureHash.Combine(53, L(s, s0h));
        f[k++] = FeatureHash.Combine(54, x.W(s0l2));
        f[k++] = FeatureHash.Combine(55, x.T(s0l2));
        f[k++] = FeatureHash.Combine(56, L(s, s0l2));
        f[k++] = FeatureHash.Combine(57, x.W(s0r2));
        f[k++] = FeatureHash.Combine(58, x.T(s0r2));
        f[k++] = FeatureHash.Combine(59, L(s, s0r2));
        f[k++] = FeatureHash.Combine(60, x.W(n0l2));
        f[k++] = FeatureHash.Combine(61, x.T(n0l2));
        f[k++] = FeatureHash.Combine(62, L(s, n0l2));
        f[k++] = FeatureHash.Combine(63, s0p, x.T(s0l), x.T(s0l2));
        f[k++] = FeatureHash.Combine(64, s0p, x.T(s0r), x.T(s0r2));
        f[k++] = FeatureHash.Combine(65, s0p, x.T(s0h), x.T(s0h2));
        f[k++] = FeatureHash.Combine(66, n0p, x.T(n0l), x.T(n0l2));
        f[k++] = FeatureHash.Combine(67, s0w, s0sr);
        f[k++] = FeatureHash.Combine(68, s0p, s0sr);
        f[k++] = FeatureHash.Combine(69, s0w, s0sl);
        f[k++] = FeatureHash.Combine(70, s0p, s0sl);
        f[k++] = FeatureHash.Combine(71, n0w, n0sl);
        f[k++] = FeatureHash.Combine(72, n0p, n0sl);
        f[k++] = FeatureHash.Combine(73, x.T(s1), s0p, n0p);
        f[k++] = FeatureHash.Combine(74, x.Sf(n0), n0p, s0p);
        ulong s1w = x.W(s1), s1p = x.T(s1);
        f[k++] = FeatureHash.Combine(75, s1w);
        f[k++] = FeatureHash.Combine(76, s1p, s0p);
        f[k++] = FeatureHash.Combine(77, s1w, s0w);
        f[k++] = FeatureHash.Combine(78, s0p, n0p, x.T(n0 - 1));
        f[k++] = FeatureHash.Combine(79, s0p, n0p, s0 >= 0 ? x.T(s0 + 1) : NoneWord);
        f[k++] = FeatureHash.Combine(80, s0p, L(s, s0), n0p);
        f[k++] = FeatureHash.Combine(81, x.Sf(s0), s0p, n0p);
        f[k++] = FeatureHash.Combine(82, H(s1p, L(s, s1)), s0p, n0p);
        // Lexical attachment preferences (Hindle and Rooth; Collins): N0's leftmost child is
        // its preposition or conjunction ("in" of "in the house", "and" of "and the house"),
        // so the candidate head x preposition x noun decides obl/nmod and conj attachment,
        // the biggest head-error classes; S0's head is the competing, higher site.
        if (x.Reversed)
        {
            // Read backwards, "sat in the house" comes as "house the in sat": the noun (S0) has
            // its preposition as its last child and the candidate head is N0; the competing,
            // higher site lies further on in the buffer (N1). Same questions, mirrored.
            ulong s0rw = x.W(s0r), n1w2 = x.W(n1), n1p2 = x.T(n1);
            f[k++] = FeatureHash.Combine(83, n0w, s0rw);
            f[k++] = FeatureHash.Combine(84, n0p, s0rw, s0w);
            f[k++] = FeatureHash.Combine(85, n0w, s0rw, s0p);
            f[k++] = FeatureHash.Combine(86, H(n1w2, n0p), s0rw);
            f[k++] = FeatureHash.Combine(87, n0p, s0rw, s0p);
            f[k++] = FeatureHash.Combine(88, n0w, s0rw, s0w);
            f[k++] = FeatureHash.Combine(89, n1w2, s0rw, s0p);
            f[k++] = FeatureHash.Combine(90, n0p, n1p2, s0rw);
            f[k++] = FeatureHash.Combine(91, x.W(s1), s0rw, n0p);
            f[k++] = FeatureHash.Combine(92, n0p, s0rw, d);
            return;
        }
        ulong n0lw = x.W(n0l);
        f[k++] = FeatureHash.Combine(83, s0w, n0lw);
        f[k++] = FeatureHash.Combine(84, s0p, n0lw, n0w);
        f[k++] = FeatureHash.Combine(85, s0w, n0lw, n0p);
        f[k++] = FeatureHash.Combine(86, H(x.W(s0h), s0p), n0lw);
        f[k++] = FeatureHash.Combine(87, s0p, n0lw, n0p);
        f[k++] = FeatureHash.Combine(88, s0w, n0lw, n0w);
        f[k++] = FeatureHash.Combine(89, x.W(s0h), n0lw, n0p);
        f[k++] = FeatureHash.Combine(90, s0p, x.T(s0h), n0lw);
        f[k++] = FeatureHash.Combine(91, x.W(s1), n0lw, s0p);
        f[k++] = FeatureHash.Combine(92, s0p, n0lw, d);
    }

    /// <summary>Features for the relation of the arc head -> dep, made by the transition being applied.</summary>
    public static void Relation(ParserState s, Inputs x, int h, int dep, Span<ulong> f)
    {
        ulong dir = h < dep ? 1UL : 2UL;
        ulong hw = x.W(h), hp = x.T(h), dw = x.W(dep), dp = x.T(dep);
        ulong dist = (ulong)Bucket(Math.Abs(h - dep));
        ulong hl = dir * 1000 + (ulong)(s.Label[h] + 2);
        int k = 0;
        f[k++] = FeatureHash.Combine(101, dir, dp);
        f[k++] = FeatureHash.Combine(102, dir, hp, dp);
        f[k++] = FeatureHash.Combine(103, dir, hw, dp);
        f[k++] = FeatureHash.Combine(104, dir, hp, dw);
        f[k++] = FeatureHash.Combine(105, dir, dw);
        f[k++] = FeatureHash.Combine(106, dir, hw);
        f[k++] = FeatureHash.Combine(107, dir, H(hw, dw));
        f[k++] = FeatureHash.Combine(108, dir * 100 + dist, hp, dp);
        f[k++] = FeatureHash.Combine(109, dir, dp, L(s, s.L1[dep]));
        f[k++] = FeatureHash.Combine(110, dir, dp, L(s, s.R1[dep]));
        f[k++] = FeatureHash.Combine(111, hl, hp, dp);
        f[k++] = FeatureHash.Combine(112, dir, x.Sf(dep), hp);
        f[k++] = FeatureHash.Combine(113, dir, dp, H(x.T(dep - 1), x.T(dep + 1)));
        f[k++] = FeatureHash.Combine(114, dir, H(hp, dp), x.T(h + 1));
        f[k++] = FeatureHash.Combine(115, dir, hp, s.LeftLabels[h] * 31 + s.RightLabels[h]);
        f[k++] = FeatureHash.Combine(116, dir, dp, s.LeftLabels[dep] * 31 + s.RightLabels[dep]);
        f[k++] = FeatureHash.Combine(117, dir, H(hp, dp), s.LeftLabels[h] * 31 + s.RightLabels[h]);
        f[k++] = FeatureHash.Combine(118, dir, dw, hp);
        f[k++] = FeatureHash.Combine(119, dir, dp, x.W(s.L1[dep]));
        f[k++] = FeatureHash.Combine(120, dir, hp, x.W(s.L1[h]));
        f[k++] = FeatureHash.Combine(121, dir, H(dp, hp), dep == 1 ? 1UL : 0UL);
        f[k++] = FeatureHash.Combine(122, dir, dp, x.W(dep - 1));
        f[k++] = FeatureHash.Combine(123, dir, hp, x.W(s.Head[h] >= 0 ? s.Head[h] : -1));
        f[k++] = FeatureHash.Combine(124, dir, H(hw, dp), x.T(h - 1));
    }

    private static int Bucket(int d) => d <= 4 ? d : d < 10 ? 5 : 6;
}
