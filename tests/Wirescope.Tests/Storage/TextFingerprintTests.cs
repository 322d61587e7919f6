using System.Security.Cryptography;
using System.Text;
using Wirescope.Storage;
using Xunit;

namespace Wirescope.Tests.Storage;

/// <summary>
/// The content hash is an article's identity in every store already written, so it must stay
/// the SHA-256 of the UTF-8 normalized text however it is computed.
/// </summary>
public class TextFingerprintTests
{
    [Theory]
    [InlineData("Kim and Putin met on Thursday.")]
    [InlineData("  \u201CWe agreed,\u201D he said \u2014 twice.\n\nNew paragraph\u00A0here. ")]
    [InlineData("Ligatures \uFB01nd \uFB03ce; full-width \uFF21\uFF22\uFF23 123; \u00C9COLE \u00E9cole")]
    [InlineData("Mixed scripts: \u041C\u043E\u0441\u043A\u0432\u0430, \u6771\u4EAC, \u0627\u0644\u0642\u0627\u0647\u0631\u0629 and ...")]
    [InlineData("lone surrogate \uD800 inside")]
    [InlineData("...")]
    [InlineData("")]
    public void ContentHashIsSha256OfTheNormalizedText(string text)
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(TextFingerprint.Normalize(text))));
        Assert.Equal(expected, TextFingerprint.ContentHash(text));
    }

    [Fact]
    public void ContentHashOfALongTextWithOverlongWords()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 3000; i++) sb.Append("word").Append(i).Append(i % 50 == 0 ? new string('x', 200) : "").Append(' ');
        var text = sb.ToString();
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(TextFingerprint.Normalize(text))));
        Assert.Equal(expected, TextFingerprint.ContentHash(text));
    }

    [Fact]
    public void CopiesDifferingInPunctuationSpacingAndCaseHashTheSame()
    {
        Assert.Equal(TextFingerprint.ContentHash("\u201CPeace,\u201D she said."), TextFingerprint.ContentHash("\"peace\"  SHE said"));
        Assert.NotEqual(TextFingerprint.ContentHash("peace she said"), TextFingerprint.ContentHash("war she said"));
    }
}
