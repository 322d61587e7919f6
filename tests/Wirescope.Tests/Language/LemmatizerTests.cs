using Wirescope.Language.Lemmas;
using Xunit;

namespace Wirescope.Tests.Language;

/// <summary>The shipped lemmatizer on a table of (form, XPOS) cases, including words it never saw.</summary>
public class LemmatizerTests
{
    private static Lemmatizer Model => LanguageTestData.Models.Lemmatizer;

    [Theory]
    // Seen words and regular inflection.
    [InlineData("went", "VBD", "go")]
    [InlineData("ministers", "NNS", "minister")]
    [InlineData("was", "VBD", "be")]
    [InlineData("better", "JJR", "good")]
    [InlineData("Geneva", "NNP", "Geneva")]
    // A shorter suffix's rule that makes a known word beats a longer one that does not.
    [InlineData("shouting", "VBG", "shout")]
    [InlineData("bombed", "VBD", "bomb")]
    [InlineData("raiding", "VBG", "raid")]
    [InlineData("boycotted", "VBN", "boycott")]
    [InlineData("prepare", "VBP", "prepare")]
    // Numbers lose their thousands separators; other numbers stay as they are.
    [InlineData("4,817", "CD", "4817")]
    [InlineData("6,363,217", "CD", "6363217")]
    [InlineData("1,250.5", "CD", "1250.5")]
    [InlineData("1990", "CD", "1990")]
    [InlineData("12,34", "CD", "12,34")]
    [InlineData("3.5", "CD", "3.5")]
    // URLs and e-mail addresses keep their case (paths are case-sensitive).
    [InlineData("http://example.com/News/Story?ID=7", "ADD", "http://example.com/News/Story?ID=7")]
    [InlineData("Jane.Doe@Example.org", "ADD", "Jane.Doe@Example.org")]
    public void Lemma_of_form_and_tag(string form, string xpos, string expected) =>
        Assert.Equal(expected, Model.Lemmatize(form, xpos));

    [Theory]
    [InlineData("", "NN")]
    [InlineData(",", "CD")]
    [InlineData(",,,", "CD")]
    [InlineData("1,", "CD")]
    [InlineData("frob", "NOT-A-TAG")]
    public void Bad_input_never_crashes(string form, string xpos) =>
        Assert.NotNull(Model.Lemmatize(form, xpos));

    [Fact]
    public void A_very_long_word_is_lemmatised_without_overflow() =>
        Assert.Equal(new string('a', 5000) + "b", Model.Lemmatize(new string('a', 5000) + "bs", "NNS"));
}
