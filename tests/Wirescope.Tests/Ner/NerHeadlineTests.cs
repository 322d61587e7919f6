using Wirescope.Language.Ner;
using Xunit;

namespace Wirescope.Tests.Ner;

/// <summary>
/// Which sentences the featurizer reads as headlines (most words capitalised). A name-dense wire
/// sentence has as many capitals as a headline, but its running words ("met", "counterpart",
/// "hosted") stay in lower case; read as a headline, its names lose their capital cue (ner7).
/// </summary>
public class NerHeadlineTests
{
    [Theory]
    [InlineData("Kim Jong Un Meets Vladimir Putin For First Time .", true)]
    [InlineData("IMF Reaches Deal With Pakistan Over Loan .", true)]
    [InlineData("Turkish Foreign Minister Hakan Fidan met his Ethiopian counterpart Taye Atske Selassie in Ankara on Thursday .", false)]
    [InlineData("Earlier , Defence Minister Yasar Guler hosted Somali army chief Brig. Gen. Odowaa Yusuf Rageh .", false)]
    [InlineData("The court adjourned the case until next month .", false)]
    public void Headline_after_the_model(string sentence, bool headline)
    {
        var doc = NerTestDocs.FromWords(sentence);
        var s = new NerScratch();
        NerTestDocs.Shipped.Prepare(doc, s);
        NerFeaturizer.ClearRunningTextHeadlines(s);
        Assert.Equal(headline, (s.Flags[1] & NerFeaturizer.FHeadline) != 0);
    }

    [Theory]
    [InlineData("ANKARA -- Turkish Foreign Minister Hakan Fidan met his Ethiopian counterpart Taye Atske Selassie in Ankara on Thursday .", "PERSON:Taye Atske Selassie")]
    [InlineData("Earlier , Defence Minister Yasar Guler hosted Somali army chief Brig. Gen. Odowaa Yusuf Rageh .", "PERSON:Odowaa Yusuf Rageh")]
    public void Names_in_a_name_dense_sentence_are_whole(string sentence, string expected)
    {
        var doc = NerTestDocs.FromWords(sentence);
        NerTestDocs.Shipped.Annotate(doc, new NerScratch());
        Assert.Contains(expected, NerTestDocs.Mentions(doc));
    }
}
