using FsCheck;
using FsCheck.Fluent;
using Wirescope.Documents;
using Wirescope.Language.Ner;
using Xunit;

namespace Wirescope.Tests.Ner;

/// <summary>Bad input never crashes the NER and always yields well-formed BIO tags and entities.</summary>
public class NerRobustnessTests
{
    private static Document Annotate(Document doc)
    {
        new NerStage(NerTestDocs.Shipped).Run(doc, CancellationToken.None);
        return doc;
    }

    private static void AssertWellFormed(Document doc)
    {
        for (var i = 0; i < doc.Tokens.Count; i++)
        {
            var tag = doc.Tokens[i].Ner;
            Assert.NotNull(tag);
            if (tag!.StartsWith("I-", StringComparison.Ordinal))
                Assert.True(i > 0 && doc.Tokens[i - 1].Ner![2..] == tag[2..], $"{tag} at {i} after {doc.Tokens[Math.Max(0, i - 1)].Ner}");
        }
        foreach (var e in doc.Entities)
            foreach (var m in e.Mentions)
            {
                Assert.InRange(m.FirstToken, 0, doc.Tokens.Count - 1);
                Assert.Equal(m.Text, doc.Article!.Text[m.Start..m.End]);
            }
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\u0000 \u0001 \u001f \ufffd")]
    [InlineData("\ud83d\ude00 Putin \ud83d\ude00 \ud800 orphan")]
    [InlineData("السلام عليكم Putin שלום")]
    [InlineData("UNITED NATIONS SECURITY COUNCIL MEETS IN NEW YORK")]
    [InlineData("$ $ $ 5 5 5 billion billion , , April April 2019 2019")]
    public void Odd_text_is_tagged_without_crashing(string text) => AssertWellFormed(Annotate(NerTestDocs.FromWords(text)));

    [Fact]
    public void A_huge_sentence_without_punctuation_is_cut_into_chunks()
    {
        var words = string.Join(' ', Enumerable.Range(0, 20_000).Select(i => i % 7 == 0 ? "Putin" : "word" + (i % 13)));
        var doc = Annotate(NerTestDocs.FromWords(words));
        Assert.Single(doc.Sentences);
        AssertWellFormed(doc);
    }

    [Fact]
    public void One_megabyte_token_is_fine()
    {
        var doc = Annotate(NerTestDocs.FromWords(new string('x', 1 << 20)));
        Assert.Equal("O", doc.Tokens[0].Ner);
    }

    [Fact]
    public void Tokens_outside_any_sentence_and_no_tokens_at_all_are_handled()
    {
        var doc = NerTestDocs.FromWords("Vladimir Putin spoke . Kim listened");
        doc.Sentences.RemoveAt(1);
        AssertWellFormed(Annotate(doc));
        var empty = new Document("e", new InputInfo("test", null, null)) { Article = new Article { Text = "" } };
        Annotate(empty);
        Assert.Empty(empty.Entities);
    }

    [Fact]
    public void Threads_share_the_stage_and_get_the_same_tags_as_one_thread()
    {
        var texts = File.ReadLines(NerTestDocs.FixturePath("news_cases.tsv"))
            .Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t')[0]).ToArray();
        string Tags(Document d) => string.Join(' ', Enumerable.Range(0, d.Tokens.Count).Select(i => d.Tokens[i].Ner));
        var sequential = texts.Select(t => Tags(Annotate(NerTestDocs.FromWords(t)))).ToArray();
        var stage = new NerStage(NerTestDocs.Shipped);
        var parallel = new string[texts.Length * 4];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var doc = NerTestDocs.FromWords(texts[i % texts.Length]);
            stage.Run(doc, CancellationToken.None);
            parallel[i] = Tags(doc);
        });
        for (var i = 0; i < parallel.Length; i++) Assert.Equal(sequential[i % texts.Length], parallel[i]);
    }

    [Fact]
    public void The_stage_declares_its_layers()
    {
        var stage = new NerStage();
        Assert.Equal(Layers.Language, stage.Requires);
        Assert.Equal(Layers.Entities, stage.Assigns);
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Any_text_gives_well_formed_tags(NonNull<string> text)
    {
        var doc = Annotate(NerTestDocs.FromWords(text.Get));
        AssertWellFormed(doc);
        return (doc.Tokens.Count == 0 || doc.Tokens[0].Ner is not null).ToProperty();
    }
}
