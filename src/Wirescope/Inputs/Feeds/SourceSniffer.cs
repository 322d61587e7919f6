using System.Text;
using System.Xml;

namespace Wirescope.Inputs.Feeds;

/// <summary>
/// Decides what a source is from its first bytes, not its name: a WARC record, an RSS/RDF or
/// Atom feed, a JSON Feed, a sitemap or sitemap index, or else a page. Gzip is looked through.
/// </summary>
public static class SourceSniffer
{
    public static SourceKind Detect(ReadOnlySpan<byte> head)
    {
        var text = Skip(head);
        if (text.StartsWith("WARC/"u8)) return SourceKind.Warc;
        if (text.Length > 0 && text[0] == (byte)'{')
        {
            var s = Encoding.UTF8.GetString(text[..Math.Min(text.Length, 4096)]);
            return s.Contains("jsonfeed.org", StringComparison.OrdinalIgnoreCase) ? SourceKind.JsonFeed : SourceKind.Page;
        }
        if (text.Length == 0 || text[0] != (byte)'<') return SourceKind.Page;
        return RootElement(text) switch
        {
            "rss" or "RDF" => SourceKind.Rss,
            "feed" => SourceKind.Atom,
            "urlset" => SourceKind.Sitemap,
            "sitemapindex" => SourceKind.SitemapIndex,
            _ => SourceKind.Page,
        };
    }

    /// <summary>Skips a UTF-8 BOM and leading whitespace.</summary>
    private static ReadOnlySpan<byte> Skip(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) b = b[3..];
        int i = 0;
        while (i < b.Length && b[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        return b[i..];
    }

    /// <summary>The local name of the first element, read leniently from the first 8 KiB.</summary>
    private static string? RootElement(ReadOnlySpan<byte> text)
    {
        var sample = text[..Math.Min(text.Length, 8192)].ToArray();
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(sample), FeedParser.Settings);
            while (reader.Read())
                if (reader.NodeType == XmlNodeType.Element) return reader.LocalName;
        }
        catch (XmlException)
        {
            // An HTML page (or a cut-off sample): decided below from the raw text.
        }
        var s = Encoding.UTF8.GetString(sample);
        foreach (var name in new[] { "rss", "feed", "urlset", "sitemapindex", "RDF" })
        {
            int at = s.IndexOf("<" + name, StringComparison.Ordinal);
            if (at < 0) at = s.IndexOf(":" + name + " ", StringComparison.Ordinal);
            if (at >= 0 && !s.AsSpan(0, at).Contains("<html", StringComparison.OrdinalIgnoreCase)) return name;
        }
        return null;
    }
}
