using System.Text;
using Wirescope.Extraction;
using Wirescope.Tables;
using Wirescope.Extraction.Text;
using Xunit;

namespace Wirescope.Tests.Extraction;

public class TextPageTests
{
    /// <summary>Each line of text_lines.cases.tsv with the kind its page context gives it.</summary>
    public static IEnumerable<object[]> Cases()
    {
        var rows = TsvTable.ReadResource("extraction/text_lines.cases.tsv", 3, 3);
        var classifier = new TextPageClassifier(ExtractionTables.Default);
        foreach (var page in rows.GroupBy(r => r[0]))
        {
            var lines = page.Select(r => r[2]).ToList();
            var kinds = classifier.Classify(lines);
            int i = 0;
            foreach (var r in page) yield return [r.Where, r[2], r[1], kinds[i++].ToString()];
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lines_of_a_text_page_are_told_apart(string where, string line, string expected, string actual)
    {
        Assert.True(expected == actual, $"{where}: '{line}' expected {expected}, got {actual}");
    }

    [Fact]
    public void The_vladivostok_sample_reads_as_an_article()
    {
        var path = Path.Combine(ExtractionHarness.RepoRoot(), "samples", "vladivostok.txt");
        var doc = ExtractionHarness.Run(File.ReadAllBytes(path));
        var a = doc.Article!;
        Assert.Equal("Kim Jong Un Meets Vladimir Putin For 1st Time", a.Title);
        Assert.Equal(["Jane Roe"], a.Authors);
        Assert.Equal("2019-04-26", a.Published.ToString());
        Assert.Equal("text:byline", a.Provenance["published"]);
        Assert.Equal(2, a.Captions.Count);
        Assert.Equal("Yuri Kadobnov / Getty Images", a.Captions[0].Credit);
        Assert.DoesNotContain("Last update", a.Text);
        Assert.DoesNotContain("Getty", a.Text);
        Assert.StartsWith("North Korea is making headlines", a.Text);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body><p>x</p></body></html>", true)]
    [InlineData("  <div class=\"a\">text</div>", true)]
    [InlineData("Kim meets Putin\nBy Jane Roe\nNorth Korea's leader met Russia's president, and said x < y.", false)]
    [InlineData("Plain text with one <b> in it, once, in a long line of prose that goes on and on and on.", false)]
    [InlineData("Title\n<p>para one</p>\n<p>para two</p>\n<p>three</p>", true)]
    public void Html_and_text_are_told_apart_by_content(string text, bool html)
    {
        Assert.Equal(html, FormatDetector.LooksLikeHtml(text));
    }

    [Fact]
    public void Text_pages_keep_offsets_inside_the_text()
    {
        var doc = ExtractionHarness.Run(Encoding.UTF8.GetBytes("Site\nA headline for the story here\nBy Jane Roe\nThe first paragraph of the story is long enough to be body text, surely.\nThe second paragraph also has enough words in it to count as body text."));
        var a = doc.Article!;
        Assert.Equal(2, a.Paragraphs.Count);
        foreach (var p in a.Paragraphs) Assert.InRange(p.End, p.Start + 1, a.Text.Length);
    }
}
