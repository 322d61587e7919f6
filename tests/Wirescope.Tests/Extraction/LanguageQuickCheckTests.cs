using Wirescope.Extraction;
using Xunit;

namespace Wirescope.Tests.Extraction;

public class LanguageQuickCheckTests
{
    private const string Spanish =
        "El gobierno que dirige la coalición dijo que para este año las cuentas del país están en orden, " +
        "pero los datos de la oficina de estadística que se publicaron con el informe muestran que la deuda se mantiene.";
    private const string English =
        "The minister said on Monday that the plan was delayed by the strike and that the government has no date for it.";

    [Theory]
    // text, declared language, expected verdict (null: unsure, Lingua decides)
    [InlineData(Spanish, "es", "es")]           // agrees with its declaration although Portuguese shares words
    [InlineData(English, "en", "en")]
    [InlineData(English, null, "en")]
    [InlineData(English, "de", "en")]           // a wrong declaration is not confirmed
    [InlineData("Kurz.", "de", null)]           // too few words to say anything
    public void Confirms_a_declaration_only_with_the_text_behind_it(string text, string? declared, string? expected)
    {
        Assert.Equal(expected, ExtractionTables.Default.Languages.Guess(text, declared));
    }
}
