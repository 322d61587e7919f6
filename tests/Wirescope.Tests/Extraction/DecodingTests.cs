using System.Text;
using Wirescope.Documents;
using Wirescope.Extraction.Decoding;
using Wirescope.Pipeline;
using Xunit;

namespace Wirescope.Tests.Extraction;

public class DecodingTests
{
    static DecodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Page(string body, string? metaCharset, Encoding enc) =>
        enc.GetBytes($"<html><head>{(metaCharset is null ? "" : $"<meta charset=\"{metaCharset}\">")}</head><body><p>{body}</p></body></html>");

    [Theory]
    // text, declared in meta, transport charset, encoding of the bytes, expected charset used, warning expected
    [InlineData("Müller sagte: „Grüße“.", null, null, "utf-8", "utf-8", null)]
    [InlineData("Müller sagte: „Grüße“.", "utf-8", null, "utf-8", "utf-8", null)]
    [InlineData("Café à Paris, déjà vu.", "iso-8859-1", null, "windows-1252", "windows-1252", null)]
    [InlineData("Café à Paris, déjà vu.", null, null, "windows-1252", "windows-1252", null)]
    [InlineData("宇航员在太空中喝酒", "gb2312", null, "utf-8", "utf-8", CharsetDecoder.WarnMismatch)]
    [InlineData("宇航员在太空中喝酒", "gb2312", null, "gb18030", "gb18030", null)]
    [InlineData("Café à Paris, déjà vu.", "utf-8", null, "windows-1252", "windows-1252", CharsetDecoder.WarnMismatch)]
    [InlineData("Zażółć gęślą jaźń", null, "windows-1250", "windows-1250", "windows-1250", null)]
    [InlineData("Zażółć gęślą jaźń", "windows-1252", "utf-8", "utf-8", "utf-8", null)]
    [InlineData("plain ascii text", "no-such-charset", null, "us-ascii", "us-ascii", CharsetDecoder.WarnUnknownCharset)]
    public void Declared_charsets_are_checked_against_the_bytes(string text, string? meta, string? transport, string bytesEncoding, string expectedCharset, string? warning)
    {
        var enc = Encoding.GetEncoding(bytesEncoding);
        var doc = new Document("t", new InputInfo("file", "t", "auto"));
        var decoded = CharsetDecoder.Decode(Page(text, meta, enc), transport, doc);
        Assert.Contains(text, decoded.Text);
        Assert.Equal(expectedCharset, decoded.Charset);
        if (warning is null) Assert.Empty(doc.Warnings);
        else Assert.Contains(doc.Warnings, w => w.Code == warning);
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i', 0xC3, 0xA9 }, "hié", "utf-8")]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'h', 0, (byte)'i', 0 }, "hi", "utf-16le")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0, (byte)'h', 0, (byte)'i' }, "hi", "utf-16be")]
    public void A_byte_order_mark_decides(byte[] bytes, string expected, string charset)
    {
        var decoded = CharsetDecoder.Decode(bytes, "windows-1252", null);
        Assert.Equal(expected, decoded.Text);
        Assert.Equal(charset, decoded.Charset);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 0, 0, 0, 13 })]
    [InlineData(new byte[] { (byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', (byte)'1', (byte)'.', (byte)'4' })]
    [InlineData(new byte[] { (byte)'<', (byte)'p', (byte)'>', 0, 1, 2, 3, 0, 5, 6, 0, 0, 7, 8, 0, 9, 0, 0, 0, 0 })]
    public void Binary_input_is_refused_with_its_code(byte[] bytes)
    {
        var e = Assert.Throws<StageException>(() => CharsetDecoder.Decode(bytes, null, null));
        Assert.Equal(ErrorCodes.InputBinary, e.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t  ")]
    public void Empty_input_is_refused_with_its_code(string text)
    {
        var e = Assert.Throws<StageException>(() => CharsetDecoder.Decode(Encoding.ASCII.GetBytes(text), null, null));
        Assert.Equal(ErrorCodes.InputEmpty, e.Code);
    }

    [Fact]
    public void Mostly_valid_utf8_keeps_its_text_and_says_what_was_replaced()
    {
        var good = Encoding.UTF8.GetBytes("<p>Grüße aus Köln, schöne Grüße, Straße, Größe.</p>");
        var bytes = good.Concat(new byte[] { 0xC3 }).Concat(Encoding.UTF8.GetBytes("<p>über</p>")).ToArray();
        var doc = new Document("t", new InputInfo("file", "t", "auto"));
        var decoded = CharsetDecoder.Decode(bytes, null, doc);
        Assert.Contains("Grüße aus Köln", decoded.Text);
        Assert.Contains('\uFFFD', decoded.Text);
        Assert.Contains(doc.Warnings, w => w.Code == CharsetDecoder.WarnInvalidUtf8);
    }
}
