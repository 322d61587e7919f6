using Wirescope.Documents;
using Wirescope.Language.Tokenization;
using Xunit;

namespace Wirescope.Tests.Language;

public class SentenceSplitterTests
{
    public static IEnumerable<object[]> SplitCases => LanguageTestData.Cases("splitter.cases.tsv");

    [Theory]
    [MemberData(nameof(SplitCases))]
    public void Splits_sentences(string text, string expected)
    {
        Assert.Equal(expected, string.Join(" || ", Split(text)));
    }

    [Fact]
    public void Long_runs_are_cut_at_the_cap()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 1000));
        var sentences = Split(text);
        Assert.All(sentences, s => Assert.True(s.Split(' ').Length <= SentenceSplitter.MaxSentenceTokens));
        Assert.Equal(1000, sentences.Sum(s => s.Split(' ').Length));
    }

    internal static List<string> Split(string text)
    {
        var tokens = new TokenTable();
        Tokenizer.Default.Tokenize(text, 0, text.Length, tokens);
        var sentences = new List<Sentence>();
        SentenceSplitter.Default.Split(text, tokens, 0, tokens.Count, sentences);
        return sentences.Select(s => text[s.Start..s.End]).ToList();
    }
}
