using Wirescope.Extraction.Html;
using Xunit;

namespace Wirescope.Tests.Extraction;

public class PrescanTests
{
    [Theory]
    // markup in, markup the parser is given
    [InlineData("<p class=\"a\" data-x=\"1\" onclick='f()'>Hi</p>", "<p class=\"a\">Hi</p>")]
    // an unquoted value runs up to the "/>" and takes the slash, as the HTML tokenizer reads it
    [InlineData("<img srcset=\"a.jpg 1x, b.jpg 2x\" src=x.jpg/>", "<img>")]
    [InlineData("<br class=x />", "<br class=x />")]
    [InlineData("<a href=/news/a/ data-id=7>x</a>", "<a href=/news/a/>x</a>")]
    [InlineData("<meta property=\"og:title\" content=\"A > B\">", "<meta property=\"og:title\" content=\"A > B\">")]
    [InlineData("<div hidden ID=main Data-Foo>t</div>", "<div hidden ID=main>t</div>")]
    [InlineData("<time datetime=\"2024-05-01\" pubdate tabindex=\"0\">May</time>", "<time datetime=\"2024-05-01\" pubdate>May</time>")]
    [InlineData("<p>a < b</p>", "<p>a < b</p>")]
    // an unbalanced quote is copied as it stands rather than guessed at
    [InlineData("<p class=\"a>t</p>", "<p class=\"a>t</p>")]
    public void Keeps_only_the_attributes_read_after_the_parse(string html, string expected)
    {
        Assert.Equal(expected, HtmlPrescan.Run(html, 512, CancellationToken.None).Html);
    }
}
