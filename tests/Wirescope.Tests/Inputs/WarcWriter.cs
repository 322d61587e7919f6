using System.IO.Compression;
using System.Text;

namespace Wirescope.Tests.Inputs;

/// <summary>Writes small WARC files for the tests: records as CC-NEWS has them, optionally one gzip member each.</summary>
internal sealed class WarcWriter(Stream output, bool gzip)
{
    private int _n;

    public void Record(string type, string? uri, string contentType, byte[] block)
    {
        var head = new StringBuilder();
        head.Append("WARC/1.0\r\n");
        head.Append($"WARC-Type: {type}\r\n");
        head.Append($"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{++_n:D12}>\r\n");
        head.Append("WARC-Date: 2019-04-26T01:02:03Z\r\n");
        if (uri is not null) head.Append($"WARC-Target-URI: {uri}\r\n");
        head.Append($"Content-Type: {contentType}\r\n");
        head.Append($"Content-Length: {block.Length}\r\n\r\n");
        var bytes = Encoding.ASCII.GetBytes(head.ToString()).Concat(block).Concat("\r\n\r\n"u8.ToArray()).ToArray();
        if (gzip)
        {
            using var member = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true);
            member.Write(bytes);
        }
        else output.Write(bytes);
    }

    public void Response(string uri, string html, string contentType = "text/html; charset=utf-8", int status = 200, string? extraHeaders = null, byte[]? body = null)
    {
        body ??= Encoding.UTF8.GetBytes(html);
        var http = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\n{extraHeaders}Content-Length: {body.Length}\r\n\r\n");
        Record("response", uri, "application/http; msgtype=response", http.Concat(body).ToArray());
    }

    public static string Page(string title, string body) =>
        $"<html><head><title>{title}</title></head><body><p>{body}</p></body></html>";
}
