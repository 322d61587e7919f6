using Wirescope.Language.Models;

namespace Wirescope.Language.Morphology;

/// <summary>
/// What the feature predictor reads of one sentence, as flat per-word arrays (a per-thread
/// workspace, grown as needed, no allocation per token): the word hashes of the tagger's
/// <see cref="WordFeatures"/>, the XPOS hash, and the tree when there is one (head, relation
/// hash). <see cref="Prepare"/> links each word to its dependents and finds its subject, the
/// source of a finite verb's Person and Number.
/// </summary>
public sealed class FeatsSentence
{
    public int Count { get; private set; }
    public WordFeatures Words { get; private set; } = new();
    public ulong[] Xpos = new ulong[64];
    /// <summary>0-based head, -1 for the root or when not parsed.</summary>
    public int[] Head = new int[64];
    /// <summary>Hash of the relation to the head; <see cref="NoRelation"/> when not parsed.</summary>
    public ulong[] Deprel = new ulong[64];
    public int[] FirstChild = new int[64];
    public int[] NextSibling = new int[64];
    /// <summary>The word's subject (its own, or its head's for an auxiliary, copula or conjunct), -1 when none.</summary>
    public int[] Subject = new int[64];
    /// <summary>Each word's candidate list in the model (-1: none).</summary>
    public int[] List = new int[64];

    public static readonly ulong NoRelation = FeatureHash.Of("<none>");
    internal static readonly ulong Nsubj = FeatureHash.Of("nsubj"), NsubjPass = FeatureHash.Of("nsubj:pass"),
        NsubjOuter = FeatureHash.Of("nsubj:outer"), Csubj = FeatureHash.Of("csubj"), CsubjPass = FeatureHash.Of("csubj:pass"),
        Expl = FeatureHash.Of("expl"), Aux = FeatureHash.Of("aux"), AuxPass = FeatureHash.Of("aux:pass"),
        Cop = FeatureHash.Of("cop"), Conj = FeatureHash.Of("conj"), Mark = FeatureHash.Of("mark"),
        Case = FeatureHash.Of("case"), Det = FeatureHash.Of("det");

    /// <summary>Starts a sentence of <paramref name="n"/> words whose hashes are in <paramref name="words"/>; no tree until set.</summary>
    public void Reset(WordFeatures words, int n)
    {
        Words = words;
        Count = n;
        if (Xpos.Length < n)
        {
            int size = n * 2;
            Xpos = new ulong[size]; Head = new int[size]; Deprel = new ulong[size];
            FirstChild = new int[size]; NextSibling = new int[size]; Subject = new int[size]; List = new int[size];
        }
        Head.AsSpan(0, n).Fill(-1);
        Deprel.AsSpan(0, n).Fill(NoRelation);
    }

    /// <summary>Links dependents and subjects once XPOS, heads and relations are set.</summary>
    public void Prepare()
    {
        int n = Count;
        FirstChild.AsSpan(0, n).Fill(-1);
        NextSibling.AsSpan(0, n).Fill(-1);
        // Right to left, so each word's children end up in sentence order.
        for (int i = n - 1; i >= 0; i--)
        {
            int h = Head[i];
            if ((uint)h >= (uint)n || h == i) continue;
            NextSibling[i] = FirstChild[h];
            FirstChild[h] = i;
        }
        for (int i = 0; i < n; i++) Subject[i] = OwnSubject(i);
        // An auxiliary or copula agrees with its head's subject; a conjunct verb without one shares its first conjunct's.
        for (int i = 0; i < n; i++)
        {
            if (Subject[i] >= 0) continue;
            ulong d = Deprel[i];
            int h = Head[i];
            if ((uint)h < (uint)n && (d == Aux || d == AuxPass || d == Cop || d == Conj)) Subject[i] = OwnSubject(h);
        }
    }

    private int OwnSubject(int i)
    {
        int found = -1;
        for (int c = FirstChild[i]; c >= 0; c = NextSibling[c])
        {
            ulong d = Deprel[c];
            if (d == Nsubj || d == NsubjPass || d == Csubj || d == CsubjPass || d == NsubjOuter) return c;
            if (d == Expl && found < 0) found = c;
        }
        return found;
    }
}
