using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Wirescope.Inputs.Warc;

/// <summary>
/// Parses the HTTP response held in a WARC response record. Archives keep the bytes as sent,
/// so the body may still be chunked or gzip/deflate/brotli-encoded; both are undone here.
/// Returns null for a block that is not an HTTP response.
/// </summary>
public static class HttpResponseParser
{
    public static HttpResponse? Parse(byte[] block, long maxBodyBytes = 16 * 1024 * 1024)
    {
        int headerEnd = IndexOf(block, "\r\n\r\n"u8, out int sepLen);
        if (headerEnd < 0) headerEnd = IndexOf(block, "\n\n"u8, out sepLen);
        if (headerEnd < 0) return null;
        var head = Encoding.Latin1.GetString(block, 0, headerEnd);
        var lines = head.Split('\n');
        var statusLine = lines[0].TrimEnd('\r');
        if (!statusLine.StartsWith("HTTP/", StringComparison.Ordinal)) return null;
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status)) return null;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in lines.Skip(1))
        {
            var line = raw.TrimEnd('\r');
            int colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var prev) ? prev + ", " + value : value;
        }
        // The body is the rest of the block, not a copy of it: a page is a large object, and one
        // fewer per record keeps a long WARC ingest's heap smaller. Chunked or encoded bodies
        // (rare in archives) are rebuilt into their own arrays.
        ReadOnlyMemory<byte> body = block.AsMemory(headerEnd + sepLen);
        if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            body = Dechunk(body.ToArray());
        if (headers.TryGetValue("Content-Encoding", out var ce) && IsEncoded(ce.Trim().ToLowerInvariant()))
            body = Decode(body.ToArray(), ce.Trim().ToLowerInvariant(), maxBodyBytes);
        return new HttpResponse(status, headers, body);
    }

    /// <summary>The charset parameter of a Content-Type, lower-cased, without quotes.</summary>
    public static string? CharsetOf(string? contentType)
    {
        if (contentType is null) return null;
        foreach (var p in contentType.Split(';').Skip(1))
        {
            var kv = p.Split('=', 2);
            if (kv.Length == 2 && kv[0].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                var v = kv[1].Trim().Trim('"', '\'').ToLowerInvariant();
                return v.Length == 0 ? null : v;
            }
        }
        return null;
    }

    private static byte[] Dechunk(byte[] body)
    {
        using var ms = new MemoryStream(body.Length);
        int i = 0;
        while (i < body.Length)
        {
            int nl = Array.IndexOf(body, (byte)'\n', i);
            if (nl < 0) break;
            var sizeText = Encoding.Latin1.GetString(body, i, nl - i).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size < 0)
                return body; // not really chunked: keep the bytes as they are
            if (size == 0) break;
            int start = nl + 1;
            int n = Math.Min(size, body.Length - start);
            ms.Write(body, start, n);
            i = start + n;
            while (i < body.Length && body[i] is (byte)'\r' or (byte)'\n') i++;
        }
        return ms.ToArray();
    }

    private static bool IsEncoded(string encoding) => encoding is "gzip" or "x-gzip" or "deflate" or "br";

    private static byte[] Decode(byte[] body, string encoding, long max)
    {
        Stream? s = encoding switch
        {
            "gzip" or "x-gzip" => new GZipStream(new MemoryStream(body), CompressionMode.Decompress),
            "deflate" => new ZLibStream(new MemoryStream(body), CompressionMode.Decompress),
            "br" => new BrotliStream(new MemoryStream(body), CompressionMode.Decompress),
            _ => null,
        };
        if (s is null) return body;
        try
        {
            using (s)
            {
                using var ms = new MemoryStream();
                var buf = new byte[81920];
                int r;
                while ((r = s.Read(buf, 0, buf.Length)) > 0)
                {
                    if (ms.Length + r > max) break;
                    ms.Write(buf, 0, r);
                }
                return ms.ToArray();
            }
        }
        catch (InvalidDataException)
        {
            // Many archives store the body already decoded but keep the header: use it as is.
            return body;
        }
    }

    private static int IndexOf(byte[] data, ReadOnlySpan<byte> needle, out int length)
    {
        length = needle.Length;
        return data.AsSpan().IndexOf(needle);
    }
}
