using Wirescope.Language.Models;

namespace Wirescope.Language.Tagging;

/// <summary>
/// The tagger's feature templates (after Collins 2002 and Honnibal's perceptron tagger):
/// the word, its affixes and shape, two words either side, and the two previous tags.
/// Template ids are the first argument of each hash; changing them invalidates models.
/// </summary>
internal static class TaggerFeatures
{
    public const int Count = 34;

    // usual: per word of the sentence, its most frequent training tag + 2 (1 = unseen): the
    // look-ahead that a left-to-right tagger otherwise lacks.
    public static void Extract(WordFeatures w, int i, int p1, int p2, Span<ulong> f, ReadOnlySpan<int> usual)
    {
        ulong t1 = (ulong)(p1 + 2), t2 = (ulong)(p2 + 2);
        ulong w0 = w.Lower[i];
        ulong s3 = w.Suffix3[i];
        f[0] = FeatureHash.Combine(1, 0);
        f[1] = FeatureHash.Combine(2, w0);
        f[2] = FeatureHash.Combine(3, w.Exact[i]);
        f[3] = FeatureHash.Combine(4, w.Suffix1[i]);
        f[4] = FeatureHash.Combine(5, w.Suffix2[i]);
        f[5] = FeatureHash.Combine(6, s3);
        f[6] = FeatureHash.Combine(7, w.Suffix4[i]);
        f[7] = FeatureHash.Combine(8, w.Prefix1[i]);
        f[8] = FeatureHash.Combine(9, w.Prefix3[i]);
        f[9] = FeatureHash.Combine(10, w.Shape[i]);
        f[10] = FeatureHash.Combine(11, t1);
        f[11] = FeatureHash.Combine(12, t2);
        f[12] = FeatureHash.Combine(13, t1, t2);
        f[13] = FeatureHash.Combine(14, t1, w0);
        f[14] = FeatureHash.Combine(15, w.LowerAt(i - 1));
        f[15] = FeatureHash.Combine(16, w.Suffix3At(i - 1));
        f[16] = FeatureHash.Combine(17, w.LowerAt(i - 2));
        f[17] = FeatureHash.Combine(18, w.LowerAt(i + 1));
        f[18] = FeatureHash.Combine(19, w.Suffix3At(i + 1));
        f[19] = FeatureHash.Combine(20, w.LowerAt(i + 2));
        f[20] = FeatureHash.Combine(21, i == 0 ? 1UL : 0UL, w.Shape[i]);
        f[21] = FeatureHash.Combine(22, w0, w.LowerAt(i + 1));
        f[22] = FeatureHash.Combine(23, w.LowerAt(i - 1), w0);
        f[23] = FeatureHash.Combine(24, t1, s3);
        f[24] = FeatureHash.Combine(25, w.ShapeAt(i - 1), w.Shape[i]);
        f[25] = FeatureHash.Combine(26, w.Shape[i], w.ShapeAt(i + 1));
        f[26] = FeatureHash.Combine(27, t1, w.LowerAt(i + 1));
        f[27] = FeatureHash.Combine(28, w.Suffix3At(i + 1), w.Suffix3At(i + 2));
        f[28] = FeatureHash.Combine(29, w.LowerAt(i - 1), w.LowerAt(i + 1));
        f[29] = FeatureHash.Combine(30, t1, w.Suffix2[i], w.Shape[i]);
        ulong u0 = (ulong)usual[i], u1 = i + 1 < w.Count ? (ulong)usual[i + 1] : 0, u2 = i + 2 < w.Count ? (ulong)usual[i + 2] : 0;
        f[30] = FeatureHash.Combine(31, u1);
        f[31] = FeatureHash.Combine(32, u1, u2);
        f[32] = FeatureHash.Combine(33, t1, u1);
        f[33] = FeatureHash.Combine(34, u0, u1, w0);
    }
}
