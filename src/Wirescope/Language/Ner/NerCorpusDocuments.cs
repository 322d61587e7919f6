using System.Text;
using Wirescope.Documents;
using Wirescope.Inputs;

namespace Wirescope.Language.Ner;

/// <summary>
/// Builds Documents from CoNLL-U sentences (one per "# newdoc"), keeping the given words and
/// sentences: the text is the words joined as SpaceAfter says, sentences joined by a space,
/// so the NER sees the same tokens the scorer compares.
/// </summary>
public static class NerCorpusDocuments
{
    /// <summary>Groups consecutive sentences with the same DocId into documents; returns each with its sentence range.</summary>
    public static IEnumerable<(Document Doc, int FirstSentence, int SentenceCount)> Build(IReadOnlyList<NerSentence> sentences)
    {
        var start = 0;
        while (start < sentences.Count)
        {
            var end = start + 1;
            while (end < sentences.Count && sentences[end].DocId == sentences[start].DocId) end++;
            yield return (FromSentences(sentences, start, end), start, end - start);
            start = end;
        }
    }

    public static Document FromSentences(IReadOnlyList<NerSentence> sentences, int start, int end)
    {
        var id = sentences.Count > start ? sentences[start].DocId : "doc";
        var doc = new Document(id, new InputInfo("conllu", id, "conllu"));
        var text = new StringBuilder();
        for (var s = start; s < end; s++)
        {
            var sent = sentences[s];
            if (text.Length > 0) text.Append(' ');
            var sentStart = text.Length;
            var firstToken = doc.Tokens.Count;
            for (var w = 0; w < sent.Forms.Length; w++)
            {
                var tokStart = text.Length;
                text.Append(sent.Forms[w]);
                doc.Tokens.Add(new Token
                {
                    Start = tokStart, End = text.Length, Sentence = doc.Sentences.Count, Head = -1,
                    SpaceAfter = sent.SpaceAfter[w], Xpos = sent.Pos?[w],
                });
                if (sent.SpaceAfter[w] && w + 1 < sent.Forms.Length) text.Append(' ');
            }
            doc.Sentences.Add(new Sentence(sentStart, text.Length, firstToken, doc.Tokens.Count - firstToken));
        }
        doc.Article = new Article { Text = text.ToString() };
        doc.Done = Layers.Article | Layers.Language;
        return doc;
    }
}
