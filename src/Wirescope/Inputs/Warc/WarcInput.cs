using Wirescope.Documents;
using Wirescope.Pipeline;

namespace Wirescope.Inputs.Warc;

/// <summary>
/// A WARC file as pending documents: one per HTTP 2xx response record with an HTML or text
/// payload (request, metadata, revisit, warcinfo records, redirects and images are skipped).
/// Records are read in the producer; decoding and extraction run on the workers.
/// </summary>
public static class WarcInput
{
    public static IEnumerable<PendingDocument> Read(string path, InputOptions options)
    {
        WarcReader? reader = null;
        string? error = null;
        try
        {
            reader = WarcReader.Open(path, options.MaxBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = e.Message;
        }
        if (reader is null)
        {
            yield return PendingDocument.Failed(path, new InputInfo("warc", path, options.Format), ErrorCodes.InputUnreadable, $"{path}: {error}");
            yield break;
        }
        using (reader)
        {
            long reported = 0;
            foreach (var rec in reader.Records())
            {
                if (options.Progress is { } progress)
                {
                    var at = reader.SourcePosition;
                    progress.Advance(at - reported);
                    reported = at;
                }
                var doc = ToPending(rec, path, options);
                if (doc is not null) yield return doc;
            }
            if (reader.Truncated is { } why)
                yield return PendingDocument.Failed($"{path}#{reader.Count + 1}", new InputInfo("warc", path, options.Format),
                    WarcCodes.Truncated, $"{path}: truncated WARC, {why}");
        }
    }

    internal static PendingDocument? ToPending(WarcRecord rec, string path, InputOptions options)
    {
        var uri = rec.TargetUri;
        var id = uri ?? $"{path}#{rec.Offset}";
        var info = new InputInfo("warc", uri ?? path, options.Format);
        if (rec.Block is null)
        {
            if (rec.Type is "response" or "resource" && rec.ContentLength > options.MaxBytes)
                return PendingDocument.Failed(id, info, ErrorCodes.InputTooLarge, $"{id}: record of {rec.ContentLength:N0} bytes is over the cap (--max-bytes)");
            return null;
        }
        if (uri is not null && options.IsKnownUrl?.Invoke(uri) == true)
        {
            // Resuming a large archive: what is stored already is not analysed again.
            return PendingDocument.Failed(id, info, Web.FetchCodes.AlreadyStored, $"{id}: already in the store (not read again)");
        }
        DateTimeOffset? fetched = DateTimeOffset.TryParse(rec.Date, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var d) ? d : null;
        if (rec.Type == "resource")
        {
            if (!IsPage(rec.ContentType)) return null;
            var raw = new RawPage { Bytes = rec.Block, Format = options.Format, Url = uri, ContentType = rec.ContentType,
                Charset = HttpResponseParser.CharsetOf(rec.ContentType), FetchedAt = fetched };
            return new PendingDocument(id, info, _ => raw);
        }
        // Only HTTP responses carry pages ("application/http; msgtype=response").
        var http = HttpResponseParser.Parse(rec.Block, options.MaxBytes);
        if (http is null || http.Status is < 200 or >= 300 || !IsPage(http.ContentType)) return null;
        var page = new RawPage
        {
            Bytes = http.Body,
            Format = options.Format,
            Url = uri,
            ContentType = http.ContentType,
            Charset = http.Charset,
            FetchedAt = fetched,
        };
        return new PendingDocument(id, info, _ => page);
    }

    /// <summary>HTML, XHTML and plain text; a missing type is given a chance (extraction decides).</summary>
    private static bool IsPage(string? contentType)
    {
        if (contentType is null) return true;
        var mime = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return mime is "text/html" or "application/xhtml+xml" or "text/plain" or "application/xml" or "text/xml" or "";
    }
}
