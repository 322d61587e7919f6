namespace Wirescope.Inputs.Warc;

/// <summary>An HTTP response as archived: status, headers, and the body (de-chunked and decompressed).</summary>
public sealed record HttpResponse(int Status, IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body)
{
    public string? ContentType => Headers.TryGetValue("Content-Type", out var v) ? v : null;
    public string? Charset => HttpResponseParser.CharsetOf(ContentType);
}
