using Wirescope.Documents;
using Wirescope.Pipeline;
using Xunit;

namespace Wirescope.Tests.Actors;

/// <summary>
/// Nominal and pronoun mentions end to end (extraction, language, NER, coreference) on news
/// paragraphs written for this test (not GUM): which entity each description or pronoun joins,
/// with its kind and rule, and which ones must stay unlinked (precision first: quotes will
/// attribute by these links).
/// </summary>
public class CoreferenceNewsTests
{
    private static readonly Dictionary<string, string> Paragraphs = new()
    {
        ["summit"] = "Russian President Vladimir Putin met North Korean leader Kim Jong Un in Vladivostok on Thursday. Putin said the talks were useful. The Russian president told reporters that he would brief Chinese leaders. Kim, who arrived by train, said his country needed security guarantees.",
        ["merkel"] = "Angela Merkel, the German chancellor, met Emmanuel Macron in Paris. The chancellor said she expected a deal. Macron praised her, and he promised to visit Berlin.",
        ["toyota"] = "Toyota Motor said on Monday that it would recall 1.2 million cars. The company said its engineers had found a faulty part. Shares of the carmaker fell 3 percent in Tokyo.",
        ["kamau"] = "Police in Nairobi arrested John Kamau, 45, on Friday. The 45-year-old was charged with fraud. His lawyer said he would appeal. Kenya has tightened its laws on fraud, and the country expects more arrests.",
        ["helsinki"] = "Russian President Vladimir Putin met U.S. President Donald Trump in Helsinki on Monday. The Russian president said the talks were frank. The American leader later praised the meeting.",
        ["hasina"] = "Sheikh Hasina is the prime minister of Bangladesh. She spoke to Narendra Modi by phone. Modi said he was pleased. The new president of the party said it would meet again.",
    };

    private static readonly Lazy<Dictionary<string, Document>> s_docs = new(() =>
    {
        LayerNames.TryParse("entities", out var layers);
        var pipeline = StandardPipeline.Build(layers, new PipelineOptions { Jobs = 1 });
        var docs = new Dictionary<string, Document>();
        foreach (var (id, text) in Paragraphs)
        {
            var pending = new PendingDocument(id, new InputInfo("file", id + ".txt", "text"), _ => new RawPage { Text = text + "\n", Format = "text" });
            var doc = pipeline.Process(pending);
            Assert.Null(doc.Error);
            docs[id] = doc;
        }
        return docs;
    });

    /// <summary>paragraph, the mention as written, which occurrence (0-based), expected entity name ("-": none), kind, rule.</summary>
    [Theory]
    [InlineData("summit", "The Russian president", 0, "Vladimir Putin", "nominal", "coref.nom.role")]
    [InlineData("summit", "he", 0, "Vladimir Putin", "pronoun", "coref.pron.salience")]
    [InlineData("summit", "who", 0, "Kim Jong Un", "pronoun", "coref.pron.relative")]
    [InlineData("summit", "his", 0, "Kim Jong Un", "pronoun", "coref.pron.salience")]
    [InlineData("merkel", "the German chancellor", 0, "Angela Merkel", "nominal", "coref.nom.appos")]
    [InlineData("merkel", "The chancellor", 0, "Angela Merkel", "nominal", "coref.nom.role")]
    [InlineData("merkel", "she", 0, "Angela Merkel", "pronoun", "coref.pron.salience")]
    [InlineData("merkel", "her", 0, "Angela Merkel", "pronoun", "coref.pron.salience")]
    [InlineData("merkel", "he", 0, "Emmanuel Macron", "pronoun", "coref.pron.salience")]
    [InlineData("toyota", "The company", 0, "Toyota Motor", "nominal", "coref.nom.kind")]
    [InlineData("toyota", "it", 0, "Toyota Motor", "pronoun", "coref.pron.salience")] // "on Monday" competes for nothing
    [InlineData("toyota", "its", 0, "Toyota Motor", "pronoun", "coref.pron.salience")]
    [InlineData("kamau", "The 45-year-old", 0, "John Kamau", "nominal", "coref.nom.age")]
    [InlineData("kamau", "His", 0, "John Kamau", "pronoun", "coref.pron.salience")]
    [InlineData("kamau", "the country", 0, "Kenya", "nominal", "coref.nom.kind")]
    // Two presidents: the qualifier picks the holder ("American" = "U.S." by countries.tsv; a president is a leader).
    [InlineData("helsinki", "The Russian president", 0, "Vladimir Putin", "nominal", "coref.nom.role")]
    [InlineData("helsinki", "The American leader", 0, "Donald Trump", "nominal", "coref.nom.role")]
    [InlineData("hasina", "the prime minister", 0, "Sheikh Hasina", "nominal", "coref.nom.pred")]
    [InlineData("hasina", "She", 0, "Sheikh Hasina", "pronoun", "coref.pron.salience")]
    [InlineData("hasina", "he", 0, "Narendra Modi", "pronoun", "coref.pron.salience")]
    // Precision: "the new president" is someone else (modifier_blockers.tsv), and "it" there is
    // the party, named by no entity.
    [InlineData("hasina", "president", 0, "-", "nominal", "")]
    [InlineData("hasina", "it", 0, "-", "pronoun", "")]
    // "Shares of the carmaker": no "carmaker" role was given to Toyota, so no link.
    [InlineData("toyota", "the carmaker", 0, "-", "nominal", "")]
    public void A_description_or_pronoun_joins_the_entity_it_stands_for(string paragraph, string mention, int occurrence, string entity, string kind, string rule)
    {
        var doc = s_docs.Value[paragraph];
        var text = doc.Article!.Text;
        var at = -1;
        for (var k = 0; k <= occurrence; k++)
        {
            at = IndexOfWord(text, mention, at + 1);
            Assert.True(at >= 0, $"'{mention}' not in the paragraph");
        }
        var found = doc.Entities.SelectMany(e => e.Mentions.Select(m => (Entity: e, Mention: m)))
            .Where(x => x.Mention.Kind != MentionKind.Name && x.Mention.End == at + mention.Length && x.Mention.Start <= at)
            .ToList();
        if (entity == "-")
        {
            Assert.Empty(found);
            return;
        }
        var (owner, m) = Assert.Single(found);
        Assert.Equal(entity, owner.Name);
        Assert.Equal(kind, Wirescope.Documents.Json.DocumentJsonWriter.KindName(m.Kind));
        Assert.Equal(rule, m.Rule);
        Assert.Equal(mention, m.Text);
    }

    [Fact]
    public void Mentions_are_ordered_by_start_and_their_offsets_give_their_text()
    {
        foreach (var doc in s_docs.Value.Values)
        {
            var text = doc.Article!.Text;
            foreach (var e in doc.Entities)
            {
                for (var k = 0; k < e.Mentions.Count; k++)
                {
                    var m = e.Mentions[k];
                    Assert.Equal(text[m.Start..m.End], m.Text);
                    Assert.NotNull(m.Rule);
                    if (k > 0) Assert.True(e.Mentions[k - 1].Start <= m.Start, $"{e.Name}: mentions out of order");
                }
                // A canonical name is never a pronoun or description.
                Assert.Contains(e.Mentions, m => m.Kind == MentionKind.Name && m.Text == e.Name);
            }
        }
    }

    private static int IndexOfWord(string text, string word, int from)
    {
        for (var at = text.IndexOf(word, from, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 || !char.IsLetter(text[at - 1]);
            var after = at + word.Length >= text.Length || !char.IsLetter(text[at + word.Length]);
            if (before && after) return at;
        }
        return -1;
    }
}
