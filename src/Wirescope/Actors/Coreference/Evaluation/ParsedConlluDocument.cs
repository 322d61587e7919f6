using System.Text;
using Wirescope.Documents;
using Wirescope.Language.Conllu;

namespace Wirescope.Actors.Coreference.Evaluation;

/// <summary>
/// A Document made from CoNLL-U sentences whose columns are already filled (by the gold file
/// or by <see cref="ConlluAnnotator"/>): one token per syntactic word, with UPOS, XPOS, lemma,
/// document-wide head and relation, the words joined as SpaceAfter says and sentences by a
/// space. Token i is word i of the document, so scores line up with the gold words.
/// </summary>
public static class ParsedConlluDocument
{
    public static Document Build(string id, IReadOnlyList<ConlluSentence> sentences)
    {
        var doc = new Document(id, new InputInfo("conllu", id, "conllu"));
        var text = new StringBuilder();
        foreach (var s in sentences)
        {
            if (text.Length > 0) text.Append(' ');
            var sentStart = text.Length;
            var first = doc.Tokens.Count;
            for (var w = 0; w < s.Words.Count; w++)
            {
                var word = s.Words[w];
                var start = text.Length;
                text.Append(word.Form);
                var spaceAfter = word.MiscValue("SpaceAfter") != "No";
                doc.Tokens.Add(new Token
                {
                    Start = start, End = text.Length, Sentence = doc.Sentences.Count,
                    Upos = Intern(word.Upos), Xpos = Intern(word.Xpos), Lemma = word.Lemma == "_" ? null : string.Intern(word.Lemma),
                    Head = word.Head <= 0 || word.Head > s.Words.Count ? -1 : first + word.Head - 1,
                    Deprel = Intern(word.Deprel), SpaceAfter = spaceAfter,
                });
                if (spaceAfter && w + 1 < s.Words.Count) text.Append(' ');
            }
            doc.Sentences.Add(new Sentence(sentStart, text.Length, first, doc.Tokens.Count - first));
        }
        doc.Article = new Article { Text = text.ToString(), Language = "en" };
        doc.Done = Layers.Article | Layers.Language;
        return doc;
    }

    private static string? Intern(string value) => value == "_" ? null : string.Intern(value);
}
