using System.IO.Compression;
using System.Text;
using Wirescope.Documents;
using Wirescope.Extraction;
using Wirescope.Inputs;
using Wirescope.Pipeline;
using Xunit;

namespace Wirescope.Tests.Extraction;

public class BadInputTests
{
    [Fact]
    public void An_empty_file_is_a_per_document_error()
    {
        var doc = ExtractionHarness.Run([]);
        Assert.Equal(ErrorCodes.InputEmpty, doc.Error?.Code);
    }

    [Fact]
    public void A_binary_file_is_a_per_document_error()
    {
        var doc = ExtractionHarness.Run([0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 0, 0, 0, 13, 1, 2, 3]);
        Assert.Equal(ErrorCodes.InputBinary, doc.Error?.Code);
    }

    [Fact]
    public void Truncated_gzip_is_a_per_document_error()
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
            gz.Write(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>Some text of a page that goes on.</p>", 500))));
        var truncated = ms.ToArray()[..(int)(ms.Length / 2)];
        var e = Assert.Throws<StageException>(() => BoundedReader.ReadAll(new MemoryStream(truncated), 1 << 20, "page.html.gz"));
        Assert.Equal(ErrorCodes.InputBadGzip, e.Code);
    }

    [Fact]
    public void Multi_member_gzip_is_read_whole_not_taken_for_truncated()
    {
        var ms = new MemoryStream();
        foreach (var part in new[] { "<p>First member of the file.</p>", "<p>Second member, written later.</p>" })
            using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
                gz.Write(Encoding.UTF8.GetBytes(part));
        ms.Position = 0;
        var bytes = BoundedReader.ReadAll(ms, 1 << 20, "page.html.gz");
        Assert.Equal("<p>First member of the file.</p><p>Second member, written later.</p>", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Deep_nesting_is_cut_at_the_cap_without_overflow()
    {
        const int depth = 100_000;
        var sb = new StringBuilder("<html><body>");
        for (int i = 0; i < depth; i++) sb.Append("<div>");
        sb.Append("<p>Deep inside the page there is one paragraph of text that is long enough to be the article body, with commas, and more words to pass the size threshold of the cascade comfortably, we hope, so here are some more words for it.</p>");
        for (int i = 0; i < depth; i++) sb.Append("</div>");
        sb.Append("</body></html>");
        var doc = ExtractionHarness.Run(Encoding.UTF8.GetBytes(sb.ToString()));
        Assert.Null(doc.Error);
        Assert.Contains(doc.Warnings, w => w.Code == ErrorCodes.ExtractTooDeep);
        Assert.Contains("Deep inside the page", doc.Article!.Text);
    }

    [Fact]
    public void A_lying_charset_is_overruled_and_reported()
    {
        var bytes = Encoding.UTF8.GetBytes("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><article><p>Das Treffen in Wladiwostok dauerte länger als geplant, sagten Beobachter übereinstimmend, und es gab keine gemeinsame Erklärung.</p></article></body></html>");
        var doc = ExtractionHarness.Run(bytes);
        Assert.Contains("länger als geplant", doc.Article!.Text);
        Assert.Contains(doc.Warnings, w => w.Code == Wirescope.Extraction.Decoding.CharsetDecoder.WarnMismatch);
    }

    [Fact]
    public void A_page_with_no_article_gives_an_empty_article_with_a_reason()
    {
        var doc = ExtractionHarness.Html("<html><body><nav><a href='/a'>A</a> <a href='/b'>B</a></nav><footer>© 2024</footer></body></html>");
        Assert.Null(doc.Error);
        Assert.Equal("", doc.Article!.Text);
        Assert.Contains(doc.Warnings, w => w.Code == ErrorCodes.ExtractEmptyBody);
    }

    [Fact]
    public void A_large_allowed_page_is_extracted()
    {
        var sb = new StringBuilder("<html><body><article>");
        while (sb.Length < 8_000_000) sb.Append("<p>A paragraph of a very long page, repeated many times, with commas, to make a page of several megabytes.</p>\n<div class='share'><a href='#'>Share</a></div>\n");
        sb.Append("</article></body></html>");
        var doc = ExtractionHarness.Run(Encoding.UTF8.GetBytes(sb.ToString()));
        Assert.Null(doc.Error);
        Assert.True(doc.Article!.Text.Length > 1_000_000);
    }

    [Fact]
    public void The_time_cap_stops_extraction_with_a_timeout_code()
    {
        var sb = new StringBuilder("<html><body>");
        while (sb.Length < 4_000_000) sb.Append("<p>Paragraph text, again and again.</p>");
        var options = new PipelineOptions { MaxTimePerDocument = TimeSpan.FromMilliseconds(1) };
        var pipeline = new PipelineBuilder().WithOptions(options).Add(new ExtractionStage(options)).Build();
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        var pending = new PendingDocument("big", new InputInfo("file", "big", "auto"), ct =>
        {
            // Wait until the cap has passed (the timer may fire late on a busy machine).
            SpinWait.SpinUntil(() => ct.IsCancellationRequested, TimeSpan.FromSeconds(10));
            return new RawPage { Bytes = bytes, FetchedAt = ExtractionHarness.FetchedAt };
        });
        var doc = pipeline.Process(pending);
        Assert.Equal(ErrorCodes.Timeout, doc.Error?.Code);
    }
}
