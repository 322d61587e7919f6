namespace Wirescope.Inputs.Web;

/// <summary>A fetched resource: body and what the server said about it. <see cref="NotModified"/> means 304 (no body).</summary>
public sealed record FetchResult(Uri RequestedUrl, Uri FinalUrl, int Status, byte[] Body, string? ContentType, string? Charset,
    string? ETag, string? LastModified, DateTimeOffset FetchedAt, bool NotModified);
