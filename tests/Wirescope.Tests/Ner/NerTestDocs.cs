using Wirescope.Documents;
using Wirescope.Language;
using Wirescope.Language.Ner;

namespace Wirescope.Tests.Ner;

/// <summary>
/// Test-only document builder: words are split at spaces, sentences end after ". ! ?".
/// (The real tokenizer lives in the language layer; the NER only reads tokens.) The shipped
/// tagger fills Token.Upos/Xpos, as LanguageStage does before the NER at run time.
/// </summary>
internal static class NerTestDocs
{
    public static Document FromWords(string text)
    {
        var doc = new Document("test", new InputInfo("test", null, "text"));
        doc.Article = new Article { Text = text };
        var sentStart = -1;
        var firstToken = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == ' ') { i++; continue; }
            var start = i;
            while (i < text.Length && text[i] != ' ') i++;
            if (sentStart < 0) { sentStart = start; firstToken = doc.Tokens.Count; }
            doc.Tokens.Add(new Token { Start = start, End = i, Sentence = doc.Sentences.Count, Head = -1, SpaceAfter = i < text.Length });
            if (i - start == 1 && text[start] is '.' or '!' or '?') Close(doc, ref sentStart, firstToken, i);
        }
        if (sentStart >= 0) Close(doc, ref sentStart, firstToken, text.Length);
        doc.Done = Layers.Article | Layers.Language;
        return Tag(doc);
    }

    /// <summary>Fills Token.Upos and Token.Xpos with the shipped tagger's predictions, sentence by sentence.</summary>
    public static Document Tag(Document doc)
    {
        var analyzer = new SentenceAnalyzer(LanguageModels.Default);
        var text = doc.Article!.Text;
        foreach (var sentence in doc.Sentences)
        {
            var starts = new int[sentence.TokenCount];
            var ends = new int[sentence.TokenCount];
            for (var k = 0; k < starts.Length; k++) { starts[k] = doc.Tokens[sentence.FirstToken + k].Start; ends[k] = doc.Tokens[sentence.FirstToken + k].End; }
            analyzer.Analyze(text, starts, ends, parse: false);
            for (var k = 0; k < starts.Length; k++)
            {
                ref var t = ref doc.Tokens[sentence.FirstToken + k];
                t.Upos = analyzer.Upos(k);
                t.Xpos = analyzer.Xpos(k);
            }
        }
        return doc;
    }

    private static void Close(Document doc, ref int sentStart, int firstToken, int end)
    {
        doc.Sentences.Add(new Sentence(sentStart, end, firstToken, doc.Tokens.Count - firstToken));
        sentStart = -1;
    }

    private static readonly Lazy<NerAnnotator> s_shipped = new(() => new NerAnnotator(NerModelStore.Shared, DateMoneyRules.Shared));

    /// <summary>The shipped model with the shipped rules.</summary>
    public static NerAnnotator Shipped => s_shipped.Value;

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "ner", name);

    /// <summary>Entities as "TYPE:text" strings, in order of first mention.</summary>
    public static List<string> Mentions(Document doc) =>
        doc.Entities.SelectMany(e => e.Mentions.Select(m => (m.Start, Text: $"{e.Type}:{m.Text}"))).OrderBy(m => m.Start).Select(m => m.Text).ToList();

    /// <summary>
    /// Runs the shipped annotator over a gold corpus, document by document as the corpus marks
    /// them, and yields each sentence's gold and predicted spans (token ranges, OntoNotes types).
    /// </summary>
    public static IEnumerable<(List<(int Start, int End, string Type)> Gold, List<(int Start, int End, string Type)> Predicted)> GoldAndPredicted(IReadOnlyList<NerSentence> gold)
    {
        var scratch = new NerScratch();
        foreach (var (doc, first, count) in NerCorpusDocuments.Build(gold))
        {
            Shipped.Annotate(Tag(doc), scratch);
            for (var s = first; s < first + count; s++)
            {
                var sentence = doc.Sentences[s - first];
                var predicted = Enumerable.Range(sentence.FirstToken, sentence.TokenCount).Select(i => doc.Tokens[i].Ner!).ToArray();
                yield return (BioSpans(gold[s].Tags), BioSpans(predicted));
            }
        }
    }

    /// <summary>The spans of a sentence's BIO tags ("B-ORG I-ORG O" -> (0, 2, ORG)).</summary>
    public static List<(int Start, int End, string Type)> BioSpans(IReadOnlyList<string> tags)
    {
        var result = new List<(int, int, string)>();
        var i = 0;
        while (i < tags.Count)
        {
            if (tags[i] == "O" || tags[i].Length < 3) { i++; continue; }
            var type = tags[i][2..];
            var j = i + 1;
            while (j < tags.Count && tags[j] == "I-" + type) j++;
            result.Add((i, j, type));
            i = j;
        }
        return result;
    }
}
