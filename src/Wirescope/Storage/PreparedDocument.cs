using Wirescope.Documents;
using Wirescope.Documents.Json;

namespace Wirescope.Storage;

/// <summary>
/// A document made ready for the single writer: identity keys, near-duplicate signature and the
/// JSON record are computed beforehand (off the writer thread), so the writer only runs SQL.
/// </summary>
public sealed class PreparedDocument
{
    private PreparedDocument(Document doc) => Document = doc;

    public Document Document { get; }
    public string? CanonicalUrl { get; private init; }
    public string? ContentHash { get; private init; }
    public uint[]? Signature { get; private init; }
    /// <summary>The analyze record as UTF-8 JSON (made here, off the writer thread). Kept as bytes:
    /// SQLite stores UTF-8, so a string would be encoded here and decoded again by the driver.</summary>
    public byte[]? JsonUtf8 { get; private init; }
    /// <summary><see cref="Signature"/> as stored (little-endian uint32s).</summary>
    public byte[]? SignatureBytes { get; private init; }
    /// <summary>"YYYY-MM-DD" of the published date when the day is known (for date filters).</summary>
    public string? PublishedDay { get; private init; }

    /// <summary>Said in the log of an article stored with a failed later layer, else null.</summary>
    public string? Note { get; private init; }

    /// <summary>Why the document cannot be stored (it is logged as failed), or null.</summary>
    public string? FailReason { get; private init; }

    /// <summary>Set when the page was not fetched: the server said it had not changed (HTTP 304), or
    /// a feed listed a URL already stored.</summary>
    public bool NotModified { get; private init; }

    /// <summary>The same document, to be logged as failed for <paramref name="reason"/>.</summary>
    public static PreparedDocument Failed(Document doc, string reason) => new(doc) { FailReason = reason };

    private static bool IsRoot(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) && u.AbsolutePath is "/" or "" && u.Query.Length == 0;

    public static PreparedDocument From(Document doc)
    {
        // A later layer failed but the article was extracted: the finished layers are kept (as
        // analyze keeps them), the record carries the error and the log line says so.
        bool partial = doc.Error is { } pe && pe.Code is not (StoreCodes.NotModified or Inputs.Web.FetchCodes.AlreadyStored)
            && doc.Done.HasFlag(Layers.Article) && !string.IsNullOrWhiteSpace(doc.Article?.Text);
        if (doc.Error is { } e && !partial)
            return new PreparedDocument(doc)
            {
                FailReason = $"{e.Code}: {e.Message}",
                NotModified = e.Code is StoreCodes.NotModified or Inputs.Web.FetchCodes.AlreadyStored,
                CanonicalUrl = UrlCanonicalizer.Default.Canonicalize(doc.Input.Uri),
            };
        var a = doc.Article;
        if (a is null || !doc.Done.HasFlag(Layers.Article))
            return new PreparedDocument(doc) { FailReason = $"{StoreCodes.NoArticle}: no article was extracted" };
        if (string.IsNullOrWhiteSpace(a.Text))
            return new PreparedDocument(doc) { FailReason = $"{ErrorCodes.ExtractEmptyBody}: the article has no body text" };
        var inputUrl = doc.Input.Kind is "url" or "warc" or "feed" or "sitemap" ? UrlCanonicalizer.Default.Canonicalize(doc.Input.Uri) : null;
        var url = UrlCanonicalizer.Default.Canonicalize(a.Url);
        // A CMS bug seen on news sites: every article declares the home page as canonical. Taken
        // at its word it would make all of them duplicates of one URL, so a root canonical URL
        // is ignored unless the page was read from the root itself (identity then rests on the
        // page's own URL, or on its text alone).
        if (url is not null && IsRoot(url) && (inputUrl is null || !IsRoot(inputUrl))) url = inputUrl;
        url ??= inputUrl;
        // One pass over the normalized words gives both the content hash and the MinHash input.
        var words = new List<ulong>(256);
        var contentHash = TextFingerprint.ContentHash(a.Text, w => words.Add(MinHasher.WordHash(w)));
        var signature = MinHasher.Shared.Signature(words);
        return new PreparedDocument(doc)
        {
            CanonicalUrl = url,
            ContentHash = contentHash,
            Signature = signature,
            SignatureBytes = signature is null ? null : MinHasher.ToBytes(signature),
            JsonUtf8 = DocumentJsonWriter.ToUtf8(doc),
            PublishedDay = a.Published is { Day: > 0 } p ? $"{p.Year:D4}-{p.Month:D2}-{p.Day:D2}" : null,
            Note = doc.Error is { } err ? $"stored without the layers after the failure: {err.Code}: {err.Message}" : null,
        };
    }
}
