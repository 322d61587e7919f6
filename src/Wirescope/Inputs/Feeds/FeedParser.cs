using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using Wirescope.Documents;

namespace Wirescope.Inputs.Feeds;

/// <summary>
/// Small, lenient parsers for RSS 2.0 (and RSS 1.0/RDF), Atom, JSON Feed and sitemaps (urlset,
/// Google news sitemaps, sitemap indexes). XmlReader with DTDs ignored and no resolver, so a
/// feed cannot pull in external entities. Entries without a usable http(s) link are dropped.
/// </summary>
public static partial class FeedParser
{
    /// <summary>Most entries taken from one feed or sitemap (news sitemaps hold up to 1,000; plain ones 50,000).</summary>
    public const int MaxEntries = 50_000;

    internal static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        CheckCharacters = false,
        MaxCharactersInDocument = 256L * 1024 * 1024,
    };

    /// <summary>Parses <paramref name="bytes"/> as the kind <see cref="SourceSniffer"/> found; relative links resolve against <paramref name="baseUrl"/>.</summary>
    public static FeedDocument Parse(byte[] bytes, Uri? baseUrl = null)
    {
        var kind = SourceSniffer.Detect(bytes);
        return kind switch
        {
            SourceKind.JsonFeed => ParseJsonFeed(bytes, baseUrl),
            SourceKind.Rss or SourceKind.Atom or SourceKind.Sitemap or SourceKind.SitemapIndex => ParseXml(bytes, kind, baseUrl),
            _ => throw new FormatException("not a feed or sitemap"),
        };
    }

    private static FeedDocument ParseXml(byte[] bytes, SourceKind kind, Uri? baseUrl)
    {
        var entries = new List<FeedEntry>();
        string? feedTitle = null;
        using var reader = XmlReader.Create(new MemoryStream(bytes), Settings);
        var item = new ItemBuilder();
        int depth = -1; // depth of the current item element, -1 when outside one
        string itemName = kind switch
        {
            SourceKind.Rss => "item",
            SourceKind.Atom => "entry",
            SourceKind.Sitemap => "url",
            _ => "sitemap",
        };
        try
        {
            // ReadText leaves the reader on the node after the element it read; then the loop must
            // look at that node before reading on, or an item's end tag would be missed.
            bool advanced = false;
            while ((advanced || reader.Read()) && entries.Count < MaxEntries)
            {
                advanced = false;
                if (reader.NodeType == XmlNodeType.EndElement && depth >= 0 && reader.Depth == depth && reader.LocalName == itemName)
                {
                    if (item.Build(baseUrl) is { } e) entries.Add(e);
                    item = new ItemBuilder();
                    depth = -1;
                    continue;
                }
                if (reader.NodeType != XmlNodeType.Element) continue;
                var name = reader.LocalName;
                if (depth < 0)
                {
                    if (name == itemName)
                    {
                        depth = reader.Depth;
                        if (reader.IsEmptyElement) depth = -1;
                    }
                    else if (name == "title" && feedTitle is null) feedTitle = ReadText(reader, ref advanced);
                    continue;
                }
                ReadField(reader, name, kind, item, ref advanced);
            }
        }
        catch (XmlException)
        {
            // A broken tail: keep the entries read so far (feeds are often cut or malformed).
        }
        return new FeedDocument(kind, feedTitle, entries);
    }

    private static void ReadField(XmlReader reader, string name, SourceKind kind, ItemBuilder item, ref bool advanced)
    {
        switch (name)
        {
            case "link" when kind == SourceKind.Atom:
                var rel = reader.GetAttribute("rel") ?? "alternate";
                var href = reader.GetAttribute("href");
                if (rel == "alternate" && href is not null && item.Link is null) item.Link = href;
                break;
            case "link":
                item.Link ??= ReadText(reader, ref advanced);
                break;
            case "guid" when kind == SourceKind.Rss:
                var permalink = reader.GetAttribute("isPermaLink");
                var guid = ReadText(reader, ref advanced);
                if (permalink is null or "true" && guid?.StartsWith("http", StringComparison.OrdinalIgnoreCase) == true) item.Guid ??= guid;
                break;
            case "loc":
                item.Link ??= ReadText(reader, ref advanced);
                break;
            case "title":
                item.Title ??= ReadText(reader, ref advanced);
                break;
            case "pubDate" or "published" or "date" or "publication_date":
                item.Date = ParseDate(ReadText(reader, ref advanced)) ?? item.Date;
                break;
            case "updated" or "lastmod" or "modified":
                item.Updated ??= ParseDate(ReadText(reader, ref advanced));
                break;
            case "creator" or "author" when kind != SourceKind.Atom:
                if (ReadText(reader, ref advanced) is { Length: > 0 } who) item.Authors.Add(CleanRssAuthor(who));
                break;
            case "name" when kind == SourceKind.Atom:
                if (ReadText(reader, ref advanced) is { Length: > 0 } n) item.Authors.Add(n);
                break;
        }
    }

    /// <summary>RSS's author is "email (Name)"; keep the name.</summary>
    private static string CleanRssAuthor(string s)
    {
        var m = RssAuthor().Match(s);
        return m.Success ? m.Groups[1].Value.Trim() : s.Trim();
    }

    private static string? ReadText(XmlReader reader, ref bool advanced)
    {
        if (reader.IsEmptyElement) return null;
        try
        {
            advanced = true;
            return reader.ReadElementContentAsString().Trim();
        }
        catch (XmlException)
        {
            return null; // mixed content (XHTML title): skip the field
        }
    }

    private static FeedDocument ParseJsonFeed(byte[] bytes, Uri? baseUrl)
    {
        var entries = new List<FeedEntry>();
        using var json = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var root = json.RootElement;
        string? title = Str(root, "title");
        if (root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var it in items.EnumerateArray())
            {
                if (entries.Count >= MaxEntries) break;
                var b = new ItemBuilder { Link = Str(it, "url") ?? Str(it, "external_url"), Title = Str(it, "title"),
                    Date = ParseDate(Str(it, "date_published")), Updated = ParseDate(Str(it, "date_modified")) };
                if (it.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
                    foreach (var a in authors.EnumerateArray()) if (Str(a, "name") is { } n) b.Authors.Add(n);
                if (it.TryGetProperty("author", out var author) && Str(author, "name") is { } an) b.Authors.Add(an);
                if (b.Build(baseUrl) is { } e) entries.Add(e);
            }
        }
        return new FeedDocument(SourceKind.JsonFeed, title, entries);
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>ISO 8601 (Atom, sitemaps, JSON Feed) or RFC 822 (RSS: "Fri, 26 Apr 2019 10:05:00 +0900", "GMT", "EST").</summary>
    public static PartialDate? ParseDate(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        s = s.Trim();
        if (char.IsDigit(s[0]) && s.Length > 4 && s[4] == '-' && PartialDate.TryParse(s, out var iso)) return iso;
        var m = Rfc822().Match(s);
        if (!m.Success) return null;
        var zone = m.Groups["zone"].Value;
        var offset = zone switch
        {
            "" or "GMT" or "UT" or "UTC" or "Z" => "+00:00",
            "EST" => "-05:00", "EDT" => "-04:00", "CST" => "-06:00", "CDT" => "-05:00",
            "MST" => "-07:00", "MDT" => "-06:00", "PST" => "-08:00", "PDT" => "-07:00",
            _ when zone.Length == 5 => zone[..3] + ":" + zone[3..],
            _ when zone.Length == 6 && zone[3] == ':' => zone,
            _ => null,
        };
        if (offset is null) return null;
        var time = m.Groups["time"].Value;
        if (time.Length == 5) time += ":00";
        var text = $"{m.Groups["day"].Value} {m.Groups["mon"].Value} {m.Groups["year"].Value} {time} {offset}";
        return DateTimeOffset.TryParseExact(text, "d MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var ts)
            ? new PartialDate(ts) : null;
    }

    [GeneratedRegex(@"^(?:[A-Za-z]{3},?\s+)?(?<day>\d{1,2})\s+(?<mon>[A-Za-z]{3})[a-z]*\s+(?<year>\d{4})\s+(?<time>\d{1,2}:\d{2}(?::\d{2})?)\s*(?<zone>[A-Za-z]{1,3}|[+-]\d{4}|[+-]\d{2}:\d{2})?$")]
    private static partial Regex Rfc822();

    [GeneratedRegex(@"\(([^)]+)\)")]
    private static partial Regex RssAuthor();

    private sealed class ItemBuilder
    {
        public string? Link;
        public string? Guid;
        public string? Title;
        public PartialDate? Date;
        public PartialDate? Updated;
        public List<string> Authors { get; } = new();

        public FeedEntry? Build(Uri? baseUrl)
        {
            var link = Link ?? Guid;
            if (string.IsNullOrWhiteSpace(link)) return null;
            Uri? uri = baseUrl is not null ? (Uri.TryCreate(baseUrl, link.Trim(), out var u) ? u : null)
                : Uri.TryCreate(link.Trim(), UriKind.Absolute, out var a) ? a : null;
            if (uri is null || uri.Scheme is not ("http" or "https")) return null;
            return new FeedEntry(uri.AbsoluteUri, Title, Date ?? Updated, Authors.Count > 0 ? Authors.Distinct().ToList() : null);
        }
    }
}
