using Wirescope.Documents;
using Wirescope.Language.Morphology;

namespace Wirescope.Language.Conllu;

/// <summary>
/// Annotates CoNLL-U sentences with the language models, keeping the given words: writes
/// UPOS, XPOS, LEMMA, FEATS, HEAD and DEPREL. Batches run in parallel; output keeps input order.
/// </summary>
public sealed class ConlluAnnotator(LanguageModels models, int jobs)
{
    private const int BatchSize = 512;

    /// <summary>Optional extra per-sentence step (the NER stage hooks in here): sentence, analyzer.</summary>
    public Action<ConlluSentence, SentenceAnalyzer>? AfterSentence { get; init; }

    public IEnumerable<ConlluSentence> Annotate(IEnumerable<ConlluSentence> sentences)
    {
        var batch = new List<ConlluSentence>(BatchSize);
        using var local = new ThreadLocal<SentenceAnalyzer>(() => new SentenceAnalyzer(models));
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) };
        foreach (var s in sentences)
        {
            batch.Add(s);
            if (batch.Count < BatchSize) continue;
            Parallel.ForEach(batch, options, x => AnnotateOne(x, local.Value!));
            foreach (var x in batch) yield return x;
            batch.Clear();
        }
        Parallel.ForEach(batch, options, x => AnnotateOne(x, local.Value!));
        foreach (var x in batch) yield return x;
    }

    public void AnnotateOne(ConlluSentence s, SentenceAnalyzer a)
    {
        var t = Models.TrainingSentence.JoinForms(s, out var starts, out var ends);
        a.Analyze(t, starts, ends);
        for (int i = 0; i < s.Words.Count; i++)
        {
            var w = s.Words[i];
            w.Upos = a.Upos(i);
            w.Xpos = a.Xpos(i);
            w.Lemma = a.Lemma(w.Form, i);
            w.Head = a.Head(i) + 1;
            w.Deprel = a.Deprel(i);
            w.Feats = FeatsTable.Name(a.Feats(i)); // never the gold column ("_" when no model predicts FEATS)
            w.Deps = "_";
            w.SetMisc("NER", "O"); // never pass a gold NER column through; the NER hook overwrites it
        }
        AfterSentence?.Invoke(s, a);
    }

    /// <summary>A document's sentences as CoNLL-U (for <c>annotate --from text</c>).</summary>
    public static IEnumerable<ConlluSentence> FromDocument(Document doc, int firstId = 0)
    {
        var text = doc.Article?.Text ?? "";
        int k = firstId;
        foreach (var sent in doc.Sentences)
        {
            var s = new ConlluSentence();
            s.Comments.Add($"# sent_id = {++k}");
            s.Comments.Add("# text = " + text.Substring(sent.Start, sent.End - sent.Start).Replace('\n', ' ').Replace('\r', ' '));
            for (int i = sent.FirstToken; i < sent.EndToken; i++)
            {
                ref var t = ref doc.Tokens[i];
                var w = new ConlluWord
                {
                    Form = Clean(doc.Tokens.FormOf(i, text)),
                    Lemma = t.Lemma ?? "_", Upos = t.Upos ?? "_", Xpos = t.Xpos ?? "_", Feats = FeatsTable.Name(t.Feats),
                    Head = t.Head < 0 ? (t.Deprel is null ? -1 : 0) : t.Head - sent.FirstToken + 1,
                    Deprel = t.Deprel ?? "_",
                };
                if (!t.SpaceAfter) w.SetMisc("SpaceAfter", "No");
                w.SetMisc("NER", t.Ner ?? "O");
                s.Words.Add(w);
            }
            yield return s;
        }
    }

    /// <summary>Forms must not hold tabs or newlines in CoNLL-U.</summary>
    private static string Clean(ReadOnlySpan<char> form)
    {
        var s = form.ToString();
        return s.IndexOfAny(['\t', '\n', '\r']) < 0 ? s : s.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
    }
}
