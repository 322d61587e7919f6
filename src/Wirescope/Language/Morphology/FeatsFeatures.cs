using Wirescope.Language.Models;

namespace Wirescope.Language.Morphology;

/// <summary>
/// The classifier's context features of one word (each later conjoined with a candidate FEATS
/// string): the word, its affixes and shape (unseen words: Abbr, NumForm, Number of proper
/// nouns), neighbouring words and tags (imperative vs infinitive, relative vs interrogative),
/// its relation and head (Case of "you"/"it": subject or object), its subject (a finite
/// verb's Person and Number agree with it) and its function-word dependents ("to", modals,
/// passive auxiliaries).
/// </summary>
public static class FeatsFeatures
{
    public const int Max = 40;
    /// <summary>Dependents read per word (the first ones; a word with more is rare and the rest add little).</summary>
    private const int MaxChildren = 8;

    private const ulong TBias = 1, TWord = 2, TSuffix3 = 3, TSuffix2 = 4, TShape = 5, TPrevWord = 6, TNextWord = 7,
        TPrevTag = 8, TNextTag = 9, TPrev2Tag = 10, TNext2Tag = 11, TAroundTags = 12, TFirst = 13, TRel = 14,
        THeadTag = 15, THeadRel = 16, TRelHeadTag = 17, THeadWord = 18, TSubjWord = 19, TSubjTag = 20, TNoSubj = 21,
        TChildRel = 22, TChildWord = 23, TLastWord = 24, TRelWord = 25, TPrevWordWord = 26, TExact = 27, TPrefix1 = 28;

    /// <summary>Writes the features of word <paramref name="i"/> into <paramref name="into"/> (length ≥ <see cref="Max"/>); returns how many.</summary>
    public static int Extract(FeatsSentence s, int i, Span<ulong> into)
    {
        var w = s.Words;
        int n = s.Count, k = 0;
        ulong word = w.Lower[i];
        ulong tag = s.Xpos[i];
        ulong P(int j) => (uint)j < (uint)n ? s.Xpos[j] : WordFeatures.Boundary;
        into[k++] = FeatureHash.Combine(TBias, tag);
        into[k++] = FeatureHash.Combine(TWord, word);
        into[k++] = FeatureHash.Combine(TExact, w.Exact[i]);
        into[k++] = FeatureHash.Combine(TSuffix3, w.Suffix3[i], tag);
        into[k++] = FeatureHash.Combine(TSuffix2, w.Suffix2[i]);
        into[k++] = FeatureHash.Combine(TPrefix1, w.Prefix1[i]);
        into[k++] = FeatureHash.Combine(TShape, w.Shape[i], tag);
        into[k++] = FeatureHash.Combine(TPrevWord, w.LowerAt(i - 1));
        into[k++] = FeatureHash.Combine(TNextWord, w.LowerAt(i + 1));
        into[k++] = FeatureHash.Combine(TPrevWordWord, w.LowerAt(i - 1), word);
        into[k++] = FeatureHash.Combine(TPrevTag, P(i - 1));
        into[k++] = FeatureHash.Combine(TNextTag, P(i + 1));
        into[k++] = FeatureHash.Combine(TPrev2Tag, P(i - 2), P(i - 1));
        into[k++] = FeatureHash.Combine(TNext2Tag, P(i + 1), P(i + 2));
        into[k++] = FeatureHash.Combine(TAroundTags, P(i - 1), P(i + 1));
        if (i == 0) into[k++] = FeatureHash.Combine(TFirst, tag);
        into[k++] = FeatureHash.Combine(TLastWord, w.Lower[n - 1]);

        ulong rel = s.Deprel[i];
        int h = s.Head[i];
        ulong headTag = (uint)h < (uint)n ? s.Xpos[h] : WordFeatures.Boundary;
        ulong headRel = (uint)h < (uint)n ? s.Deprel[h] : WordFeatures.Boundary;
        into[k++] = FeatureHash.Combine(TRel, rel);
        into[k++] = FeatureHash.Combine(TRelWord, rel, word);
        into[k++] = FeatureHash.Combine(THeadTag, headTag);
        into[k++] = FeatureHash.Combine(THeadRel, headRel, rel);
        into[k++] = FeatureHash.Combine(TRelHeadTag, rel, headTag);
        into[k++] = FeatureHash.Combine(THeadWord, (uint)h < (uint)n ? w.Lower[h] : WordFeatures.Boundary);

        int subj = s.Subject[i];
        if (subj >= 0)
        {
            into[k++] = FeatureHash.Combine(TSubjWord, w.Lower[subj]);
            into[k++] = FeatureHash.Combine(TSubjTag, s.Xpos[subj]);
        }
        else into[k++] = FeatureHash.Combine(TNoSubj, rel);

        int children = 0;
        for (int c = s.FirstChild[i]; c >= 0 && children < MaxChildren && k < Max - 2; c = s.NextSibling[c], children++)
        {
            ulong d = s.Deprel[c];
            into[k++] = FeatureHash.Combine(TChildRel, d);
            if (d == FeatsSentence.Aux || d == FeatsSentence.AuxPass || d == FeatsSentence.Mark || d == FeatsSentence.Cop
                || d == FeatsSentence.Expl || d == FeatsSentence.Case || d == FeatsSentence.Det)
                into[k++] = FeatureHash.Combine(TChildWord, d, w.Lower[c]);
        }
        return k;
    }
}
