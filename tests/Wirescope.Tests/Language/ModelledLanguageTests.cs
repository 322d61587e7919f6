using System.Text.Json;
using Wirescope.Documents;
using Wirescope.Documents.Json;
using Wirescope.Language;
using Wirescope.Pipeline;
using Xunit;

namespace Wirescope.Tests.Language;

/// <summary>
/// The English-trained models are not run on other languages: a German page gets sentences but
/// no invented entities, and a warning that says why.
/// </summary>
public class ModelledLanguageTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("en", true)]
    [InlineData("en-GB", true)]
    [InlineData("EN_us", true)]
    [InlineData("de", false)]
    [InlineData("de-DE", false)]
    [InlineData("fr", false)]
    [InlineData("eng", false)]
    public void Only_english_or_unknown_is_modelled(string? language, bool expected) =>
        Assert.Equal(expected, ModelledLanguages.IsModelled(language));

    private static JsonElement Analyze(string html)
    {
        LayerNames.TryParse("entities", out var layers);
        var pipeline = StandardPipeline.Build(layers, new PipelineOptions { Jobs = 1 });
        var pending = new PendingDocument("page.html", new InputInfo("file", "page.html", "html"),
            _ => new RawPage { Text = html, Format = "html" });
        var doc = pipeline.Process(pending);
        Assert.Null(doc.Error);
        return JsonDocument.Parse(DocumentJsonWriter.ToUtf8(doc)).RootElement.Clone();
    }

    private static string Page(string lang, string title, string body) =>
        $"<html lang=\"{lang}\"><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>";

    [Fact]
    public void German_page_gets_sentences_and_a_warning_but_no_entities()
    {
        var record = Analyze(Page("de", "Stadtrat beschließt neues Radwegenetz",
            "<p>Der Stadtrat hat am Dienstagabend mit großer Mehrheit ein neues Radwegenetz für die Innenstadt beschlossen. " +
            "Bis 2026 sollen zwölf Kilometer geschützte Radwege entstehen, sagte Oberbürgermeisterin Anna Becker.</p>" +
            "<p>Die Kosten von rund 18 Millionen Euro will die Stadt zum größten Teil mit Fördermitteln des Landes decken. " +
            "Die Opposition kritisierte, dass dafür Parkplätze wegfallen.</p>"));
        Assert.Equal("de", record.GetProperty("article").GetProperty("language").GetString());
        Assert.True(record.GetProperty("sentences").GetArrayLength() >= 4);
        Assert.Equal(0, record.GetProperty("entities").GetArrayLength());
        var codes = record.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString());
        Assert.Contains(ErrorCodes.LanguageUnsupported, codes);
    }

    [Fact]
    public void English_page_still_gets_entities()
    {
        var record = Analyze(Page("en", "Leaders meet in Jakarta",
            "<p>Indonesian President Joko Widodo met Malaysian Prime Minister Anwar Ibrahim in Jakarta on Tuesday, " +
            "the state news agency Antara reported. Widodo said both countries would work together on the dispute.</p>" +
            "<p>Anwar told reporters that Malaysia would not take sides in the South China Sea.</p>"));
        Assert.Contains(record.GetProperty("entities").EnumerateArray(), e => e.GetProperty("name").GetString() == "Joko Widodo");
        Assert.False(record.TryGetProperty("warnings", out var w) && w.EnumerateArray().Any(x => x.GetProperty("code").GetString() == ErrorCodes.LanguageUnsupported));
    }
}
