using Wirescope.Cli;
using Wirescope.Documents;
using Wirescope.Extraction;
using Xunit;

namespace Wirescope.Tests.Cli;

/// <summary>The --format text view: headline, byline, dates, body, then what was left out and why.</summary>
public class TextRendererTests
{
    private static string Render(Document doc)
    {
        var w = new StringWriter();
        TextRenderer.Write(w, doc);
        return w.ToString();
    }

    [Fact]
    public void Shows_title_authors_dates_paragraphs_and_warnings()
    {
        var doc = new Document("a.txt", new InputInfo("file", "a.txt", "text"))
        {
            Article = ExtractionStage.VerbatimArticle(new RawPage { Text = "Der Stadtrat hat beschlossen.", Format = "jsonl" }),
        };
        doc.Article!.Title = "Radwegenetz";
        doc.Article.Authors.Add("Katrin Vogel");
        doc.Article.Language = "de";
        doc.Warn(ErrorCodes.LanguageUnsupported, "the models are trained on English");
        var lines = Render(doc).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("== a.txt", lines[0]);
        Assert.Equal($"   note {ErrorCodes.LanguageUnsupported}: the models are trained on English", lines[1]);
        Assert.Equal("Radwegenetz", lines[2]);
        Assert.Equal("By Katrin Vogel", lines[3]);
        Assert.Contains("[de]", lines[4]);
        Assert.Contains("Der Stadtrat hat beschlossen.", lines);
    }

    [Fact]
    public void A_failed_document_shows_its_error_code()
    {
        var doc = new Document("bad.html", new InputInfo("file", "bad.html", "html"));
        doc.Error = new DocumentError(ErrorCodes.ExtractEmptyBody, "no article text");
        var text = Render(doc);
        Assert.Contains($"error {ErrorCodes.ExtractEmptyBody}: no article text", text);
    }
}
