using FsCheck.Xunit;
using Wirescope.Documents;
using Wirescope.Extraction;
using Wirescope.Language;
using Xunit;

namespace Wirescope.Tests.Language;

public class LanguageStageTests
{
    private static readonly LanguageStage Stage = new(LanguageTestData.Models);

    internal static Document Run(string text)
    {
        var doc = new Document("t", new InputInfo("test", null, "text"))
        {
            Article = ExtractionStage.VerbatimArticle(new RawPage { Text = text, Format = "jsonl" }),
        };
        Stage.Run(doc, CancellationToken.None);
        return doc;
    }

    [Fact]
    public void Fills_tokens_sentences_tags_lemmas_and_a_tree()
    {
        var doc = Run("Kim Jong Un met Vladimir Putin on Thursday.\n\nThe leaders didn't sign anything.");
        Assert.Equal(2, doc.Sentences.Count);
        var text = doc.Article!.Text;
        var forms = Enumerable.Range(0, doc.Tokens.Count).Select(i => doc.Tokens.FormOf(i, text).ToString()).ToList();
        Assert.Contains("n't", forms);
        int met = forms.IndexOf("met");
        Assert.Equal("VERB", doc.Tokens[met].Upos);
        Assert.Equal("meet", doc.Tokens[met].Lemma);
        Assert.Equal("root", doc.Tokens[met].Deprel);
        Assert.Equal("nsubj", doc.Tokens[forms.IndexOf("Kim")].Deprel);
        foreach (var s in doc.Sentences)
        {
            int roots = 0;
            for (int i = s.FirstToken; i < s.EndToken; i++)
            {
                ref var t = ref doc.Tokens[i];
                Assert.Equal(doc.Sentences.IndexOf(s), t.Sentence);
                if (t.Head < 0) roots++;
                else Assert.InRange(t.Head, s.FirstToken, s.EndToken - 1);
            }
            Assert.Equal(1, roots);
        }
    }

    // Built at run time, not as [InlineData]: control characters and lone surrogates do not
    // survive the test runner's argument serialisation.
    private static readonly string[] BadInputs =
    [
        "",
        "   \n\n  ",
        "\u0000\u0001\u0002 control \u0007 chars \u001b[0m.",
        "Emoji 👨‍👩‍👧 and 𝒳𝒴 math letters \ud800 lone surrogate \udc00.",
        "قال الرئيس إن المحادثات ستستمر. שלום עולם.",
        "中文没有空格。日本語も。",
        "\u202Eevil\u202C RTL override and \u200B zero width",
    ];

    [Fact]
    public void Bad_input_does_not_crash()
    {
        foreach (var text in BadInputs) CheckNoCrash(text);
    }

    private static void CheckNoCrash(string text)
    {
        var doc = Run(text);
        int covered = 0;
        for (int i = 0; i < doc.Tokens.Count; i++)
        {
            Assert.InRange(doc.Tokens[i].End, doc.Tokens[i].Start + 1, text.Length);
            covered += doc.Tokens[i].End - doc.Tokens[i].Start;
        }
        // Every character that is not a separator ends up in exactly one token.
        Assert.Equal(text.Count(c => !Wirescope.Language.Tokenization.Tokenizer.IsSpace(c)), covered - SpacesInside(doc, text));
    }

    private static int SpacesInside(Document doc, string text)
    {
        int n = 0;
        for (int i = 0; i < doc.Tokens.Count; i++)
            for (int k = doc.Tokens[i].Start; k < doc.Tokens[i].End; k++)
                if (Wirescope.Language.Tokenization.Tokenizer.IsSpace(text[k])) n++;
        return n;
    }

    [Fact]
    public void One_megabyte_without_spaces_or_punctuation_does_not_crash()
    {
        var doc = Run(new string('x', 1 << 20));
        Assert.Equal(1, doc.Tokens.Count);
        Assert.Single(doc.Sentences);
    }

    [Fact]
    public void One_megabyte_of_short_words_is_capped_into_sentences()
    {
        var doc = Run(string.Join(' ', Enumerable.Repeat("ab", 1 << 18)));
        Assert.True(doc.Sentences.Count >= (1 << 18) / Wirescope.Language.Tokenization.SentenceSplitter.MaxSentenceTokens);
    }

    [Property(MaxTest = 100)]
    public bool Any_text_gives_a_well_formed_layer(string? input)
    {
        var text = input ?? "";
        var doc = Run(text);
        foreach (var s in doc.Sentences)
            for (int i = s.FirstToken; i < s.EndToken; i++)
            {
                var t = doc.Tokens[i];
                if (t.Upos is null || t.Deprel is null || (t.Head >= 0 && (t.Head < s.FirstToken || t.Head >= s.EndToken))) return false;
            }
        return true;
    }
}
