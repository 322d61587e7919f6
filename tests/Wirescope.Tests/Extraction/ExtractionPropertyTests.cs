using System.Text;
using FsCheck.Xunit;
using Wirescope.Documents;
using Xunit;

namespace Wirescope.Tests.Extraction;

/// <summary>Crash-safety: whatever bytes come in, extraction returns a record, never an exception.</summary>
public class ExtractionPropertyTests
{
    private static readonly string[] Fragments =
    [
        "<html>", "<body>", "<div class=\"article-body\">", "</div>", "<p>", "</p>", "<p>Kim met Putin on Russky Island, the Kremlin said.</p>",
        "<script>var x = '</p>';</script>", "<style>p{}</style>", "<!-- c -->", "<!--", "<a href='/x'>link</a>", "<br>", "<table><tr><td>cell",
        "</td></tr></table>", "<h1>Headline</h1>", "<meta charset=\"gb2312\">", "<meta property=\"article:published_time\" content=\"2019-04-26\">",
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":[{\"name\":", "</script>", "<figure><figcaption>Photo: A / B",
        "<blockquote>", "<li>", "<ul>", "<nav>", "<footer>", "\"", "'", "<", ">", "&amp;", "&#x0;", "\u0000", "é", "宇航员", "<time datetime='9999-99-99'>",
        "<div style='display:none'>", "<svg><text>t</text>", "<p class='byline'>By Jane Roe April 26, 2019</p>",
    ];

    private static void AssertSane(Document doc)
    {
        if (doc.Error is not null)
        {
            Assert.True(doc.Error.Code is ErrorCodes.InputEmpty or ErrorCodes.InputBinary, $"{doc.Error.Code}: {doc.Error.Message}");
            return;
        }
        var a = doc.Article!;
        foreach (var p in a.Paragraphs)
        {
            Assert.InRange(p.Start, 0, a.Text.Length);
            Assert.InRange(p.End, p.Start, a.Text.Length);
        }
    }

    [Property(MaxTest = 200)]
    public void Random_strings_never_crash_the_extractor(string? text)
    {
        AssertSane(ExtractionHarness.Run(Encoding.UTF8.GetBytes(text ?? "")));
    }

    [Property(MaxTest = 200)]
    public void Random_bytes_never_crash_the_extractor(byte[]? bytes)
    {
        AssertSane(ExtractionHarness.Run(bytes ?? []));
    }

    [Property(MaxTest = 300)]
    public void Mutated_html_never_crashes_the_extractor(int[]? picks, string? noise)
    {
        var sb = new StringBuilder();
        foreach (var p in picks ?? [])
        {
            sb.Append(Fragments[(int)((uint)p % (uint)Fragments.Length)]);
            if (p % 5 == 0 && noise is not null) sb.Append(noise);
        }
        AssertSane(ExtractionHarness.Run(Encoding.UTF8.GetBytes(sb.ToString()), "html"));
        AssertSane(ExtractionHarness.Run(Encoding.UTF8.GetBytes(sb.ToString()), "text"));
    }
}
