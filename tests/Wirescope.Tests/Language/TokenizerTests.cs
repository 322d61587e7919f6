using FsCheck.Xunit;
using Wirescope.Language.Tokenization;
using Xunit;

namespace Wirescope.Tests.Language;

public class TokenizerTests
{
    public static IEnumerable<object[]> TokenCases => LanguageTestData.Cases("tokenizer.cases.tsv");

    [Theory]
    [MemberData(nameof(TokenCases))]
    public void Splits_as_UD_does(string text, string expected)
    {
        var got = string.Join(' ', Tokenizer.Default.Spans(text).Select(s => text[s.Start..s.End]));
        Assert.Equal(expected, got);
    }

    [Fact]
    public void Offsets_point_into_the_text()
    {
        const string text = "  “Merkel’s  party,” he said.\n\nNext";
        foreach (var (s, e) in Tokenizer.Default.Spans(text))
        {
            Assert.InRange(s, 0, text.Length);
            Assert.InRange(e, s + 1, text.Length);
            Assert.False(string.IsNullOrWhiteSpace(text[s..e]));
        }
        Assert.Equal("Merkel", text[Tokenizer.Default.Spans(text)[1].Start..Tokenizer.Default.Spans(text)[1].End]);
    }

    [Property(MaxTest = 300)]
    public bool Any_text_gives_ordered_non_empty_spans_without_spaces(string? input)
    {
        var text = input ?? "";
        int last = 0;
        foreach (var (s, e) in Tokenizer.Default.Spans(text))
        {
            if (s < last || e <= s || e > text.Length) return false;
            for (int k = s; k < e; k++) if (char.IsWhiteSpace(text[k])) return false;
            last = e;
        }
        return true;
    }

    [Theory]
    [InlineData('a')]
    [InlineData('.')]
    [InlineData('-')]
    [InlineData('\'')]
    [InlineData('1')]
    public void One_megabyte_without_spaces_is_tokenized(char c)
    {
        var text = new string(c, 1 << 20);
        var spans = Tokenizer.Default.Spans(text);
        Assert.NotEmpty(spans);
        Assert.Equal(text.Length, spans[^1].End);
    }

    [Fact]
    public void Repeated_dotted_pattern_is_linear_and_complete()
    {
        var text = string.Concat(Enumerable.Repeat("a.b.", 100_000));
        var spans = Tokenizer.Default.Spans(text);
        Assert.Equal(text.Length, spans.Sum(s => s.End - s.Start));
    }
}
