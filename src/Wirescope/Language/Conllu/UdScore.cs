namespace Wirescope.Language.Conllu;

/// <summary>
/// UD figures of a prediction against gold with the same words, defined as the shared
/// scorer (eval/conllu.py, after CoNLL 2018) defines them: each metric over the words whose
/// gold value is not "_"; LAS compares relations without subtypes ("nmod:poss" = "nmod").
/// </summary>
public sealed class UdScore
{
    public int Words;
    private int _upos, _uposN, _xpos, _xposN, _lemma, _lemmaN, _uas, _las, _headN;

    public double Upos => Ratio(_upos, _uposN);
    public double Xpos => Ratio(_xpos, _xposN);
    public double Lemma => Ratio(_lemma, _lemmaN);
    public double Uas => Ratio(_uas, _headN);
    public double Las => Ratio(_las, _headN);

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    /// <summary>Adds one sentence; throws when the words differ (the scores would mean nothing).</summary>
    public void Add(ConlluSentence gold, ConlluSentence pred)
    {
        if (gold.Words.Count != pred.Words.Count) throw new InvalidDataException("gold and prediction differ in words");
        for (int i = 0; i < gold.Words.Count; i++)
        {
            var g = gold.Words[i];
            var p = pred.Words[i];
            if (g.Form != p.Form) throw new InvalidDataException($"word '{g.Form}' predicted as '{p.Form}'");
            Words++;
            if (g.Upos != "_") { _uposN++; if (g.Upos == p.Upos) _upos++; }
            if (g.Xpos != "_") { _xposN++; if (g.Xpos == p.Xpos) _xpos++; }
            if (g.Lemma != "_") { _lemmaN++; if (g.Lemma == p.Lemma) _lemma++; }
            if (g.Head >= 0)
            {
                _headN++;
                if (g.Head == p.Head)
                {
                    _uas++;
                    if (Universal(g.Deprel).SequenceEqual(Universal(p.Deprel))) _las++;
                }
            }
        }
    }

    private static ReadOnlySpan<char> Universal(string rel)
    {
        int c = rel.IndexOf(':');
        return c < 0 ? rel : rel.AsSpan(0, c);
    }
}
