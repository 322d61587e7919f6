using System.Text.Json;

namespace Wirescope.Extraction.Metadata;

/// <summary>What the page's JSON-LD says about the article (schema.org Article and kin).</summary>
public sealed class JsonLdFacts
{
    public string? Headline;
    public string? Name;
    public List<string> Authors { get; } = new();
    public string? Published;
    public string? Modified;
    public string? Publisher;
    public string? Description;
    public string? Image;
    public string? Url;
    public string? Language;
    public List<string> Keywords { get; } = new();
    public bool IsArticle;
}

/// <summary>
/// Reads JSON-LD blocks: finds the article object (NewsArticle, Article, BlogPosting,
/// ReportageNewsArticle, LiveBlogPosting..., also inside @graph or arrays), else a WebPage.
/// Broken JSON is skipped: it is common on news sites and never fatal.
/// </summary>
public static class JsonLdReader
{
    /// <summary>Most nested objects visited per block (a hostile page cannot make this slow).</summary>
    public const int MaxObjects = 2000;

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public static JsonLdFacts Read(IEnumerable<string> blocks)
    {
        var facts = new JsonLdFacts();
        JsonElement? article = null, page = null;
        var docs = new List<JsonDocument>();
        try
        {
            foreach (var block in blocks)
            {
                JsonDocument doc;
                try
                {
                    doc = JsonDocument.Parse(Unwrap(block), Options);
                }
                catch (JsonException)
                {
                    continue;
                }
                docs.Add(doc);
                int budget = MaxObjects;
                Find(doc.RootElement, ref article, ref page, ref budget, 0);
            }
            var chosen = article ?? page;
            if (chosen is { } el)
            {
                facts.IsArticle = article is not null;
                Fill(facts, el);
            }
        }
        finally
        {
            foreach (var d in docs) d.Dispose();
        }
        return facts;
    }

    /// <summary>Strips the CDATA or comment wrappers some CMSs put around the JSON.</summary>
    private static string Unwrap(string block)
    {
        var t = block.Trim();
        foreach (var (open, close) in new[] { ("<![CDATA[", "]]>"), ("<!--", "-->"), ("//<![CDATA[", "//]]>") })
        {
            if (t.StartsWith(open, StringComparison.Ordinal)) t = t[open.Length..];
            if (t.EndsWith(close, StringComparison.Ordinal)) t = t[..^close.Length];
            t = t.Trim();
        }
        return t.TrimEnd(';');
    }

    private static void Find(JsonElement el, ref JsonElement? article, ref JsonElement? page, ref int budget, int depth)
    {
        if (--budget < 0 || depth > 20) return;
        if (el.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in el.EnumerateArray()) Find(x, ref article, ref page, ref budget, depth + 1);
            return;
        }
        if (el.ValueKind != JsonValueKind.Object) return;
        var type = TypeOf(el);
        if (article is null && type is not null && IsArticleType(type)) article = el;
        else if (page is null && type is not null && type.EndsWith("WebPage", StringComparison.Ordinal)) page = el;
        if (el.TryGetProperty("@graph", out var graph)) Find(graph, ref article, ref page, ref budget, depth + 1);
        if (article is null && el.TryGetProperty("mainEntity", out var main)) Find(main, ref article, ref page, ref budget, depth + 1);
    }

    private static bool IsArticleType(string type) =>
        type.EndsWith("Article", StringComparison.Ordinal) || type is "BlogPosting" or "LiveBlogPosting" or "SocialMediaPosting"
            or "Report" or "NewsArticle" or "OpinionNewsArticle" or "AnalysisNewsArticle" or "Review";

    private static string? TypeOf(JsonElement el)
    {
        if (!el.TryGetProperty("@type", out var t)) return null;
        if (t.ValueKind == JsonValueKind.String) return t.GetString();
        if (t.ValueKind == JsonValueKind.Array)
        {
            string? any = null;
            foreach (var x in t.EnumerateArray())
            {
                if (x.ValueKind != JsonValueKind.String) continue;
                var s = x.GetString()!;
                if (IsArticleType(s)) return s;
                any ??= s;
            }
            return any;
        }
        return null;
    }

    private static void Fill(JsonLdFacts f, JsonElement el)
    {
        f.Headline = Str(el, "headline");
        f.Name = Str(el, "name");
        f.Published = Str(el, "datePublished") ?? Str(el, "dateCreated") ?? Str(el, "uploadDate");
        f.Modified = Str(el, "dateModified");
        f.Description = Str(el, "description");
        f.Url = Str(el, "url") ?? Str(el, "@id");
        f.Language = Str(el, "inLanguage");
        if (el.TryGetProperty("author", out var author)) AddPeople(f.Authors, author, 0);
        if (f.Authors.Count == 0 && el.TryGetProperty("creator", out var creator)) AddPeople(f.Authors, creator, 0);
        if (el.TryGetProperty("publisher", out var pub)) f.Publisher = pub.ValueKind == JsonValueKind.String ? pub.GetString() : Str(pub, "name");
        if (el.TryGetProperty("image", out var img)) f.Image = ImageUrl(img);
        if (el.TryGetProperty("keywords", out var kw))
        {
            if (kw.ValueKind == JsonValueKind.String)
                f.Keywords.AddRange(kw.GetString()!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            else if (kw.ValueKind == JsonValueKind.Array)
                foreach (var k in kw.EnumerateArray()) if (k.ValueKind == JsonValueKind.String) f.Keywords.Add(k.GetString()!.Trim());
        }
    }

    /// <summary>Authors as named; an organisation named as author is kept here and refused later only when it is the site itself.</summary>
    private static void AddPeople(List<string> into, JsonElement el, int depth)
    {
        if (depth > 4) return;
        switch (el.ValueKind)
        {
            case JsonValueKind.String:
                into.Add(el.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var x in el.EnumerateArray()) AddPeople(into, x, depth + 1);
                break;
            case JsonValueKind.Object:
                if (Str(el, "name") is { } name) into.Add(name);
                break;
        }
    }

    private static string? ImageUrl(JsonElement img) => img.ValueKind switch
    {
        JsonValueKind.String => img.GetString(),
        JsonValueKind.Object => Str(img, "url") ?? Str(img, "contentUrl"),
        JsonValueKind.Array => img.GetArrayLength() > 0 ? ImageUrl(img[0]) : null,
        _ => null,
    };

    private static string? Str(JsonElement el, string name)
    {
        if (el.ValueKind != JsonValueKind.Object || !el.TryGetProperty(name, out var v)) return null;
        var s = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Array when v.GetArrayLength() > 0 && v[0].ValueKind == JsonValueKind.String => v[0].GetString(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(s) ? null : System.Net.WebUtility.HtmlDecode(s.Trim());
    }
}
