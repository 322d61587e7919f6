namespace Wirescope.Extraction.Decoding;

/// <summary>A page's text and how it was decoded (the charset used and why).</summary>
public sealed record DecodedPage(string Text, string Charset, string Basis);
