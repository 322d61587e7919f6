using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Wirescope.Inputs.Warc;

/// <summary>
/// A streaming WARC 1.0/1.1 reader. Reads record after record from a stream (plain, or gzip
/// with one member per record as CC-NEWS publishes it: .NET's GZipStream reads concatenated
/// members), keeps only the blocks the caller wants (<see cref="WantBlock"/>) and skips the
/// rest in fixed-size chunks, so memory stays flat on multi-GB files. A truncated tail ends
/// the enumeration with <see cref="Truncated"/> set instead of throwing.
/// </summary>
public sealed class WarcReader : IDisposable
{
    /// <summary>Longest header line accepted; WARC and HTTP headers are far shorter in practice.</summary>
    private const int MaxLineBytes = 64 * 1024;
    /// <summary>Most header lines per record, so a corrupt file cannot make a header map grow without end.</summary>
    private const int MaxHeaders = 512;

    private readonly Stream _stream;
    private readonly Stream _source;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _pos, _len;
    private long _consumed;

    public WarcReader(Stream stream, bool gzip)
    {
        _source = stream;
        _stream = gzip ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    /// <summary>Position in the underlying (compressed) stream, when it can tell; for progress.</summary>
    public long SourcePosition => _source.CanSeek ? _source.Position : 0;

    /// <summary>Opens a file; gzip is recognised from its first bytes, not its name.</summary>
    public static WarcReader Open(string path, long maxBlockBytes = 16 * 1024 * 1024)
    {
        var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        int b0 = fs.ReadByte(), b1 = fs.ReadByte();
        fs.Position = 0;
        return new WarcReader(fs, b0 == 0x1f && b1 == 0x8b) { MaxBlockBytes = maxBlockBytes };
    }

    /// <summary>Which records to buffer (the others are skipped). Default: response and resource records.</summary>
    public Func<string, IReadOnlyDictionary<string, string>, bool> WantBlock { get; init; } =
        (type, _) => type is "response" or "resource";

    /// <summary>Largest block buffered; a bigger wanted record comes back with a null block.</summary>
    public long MaxBlockBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Set when the stream ended inside a record (or the gzip data broke off): why.</summary>
    public string? Truncated { get; private set; }

    /// <summary>Records read so far.</summary>
    public int Count { get; private set; }

    public IEnumerable<WarcRecord> Records()
    {
        while (true)
        {
            WarcRecord? record;
            try
            {
                record = Next();
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
            {
                Truncated = $"record {Count + 1} at byte {_consumed}: {e.Message}";
                yield break;
            }
            if (record is null) yield break;
            Count++;
            yield return record;
        }
    }

    private WarcRecord? Next()
    {
        string? version;
        // Records are separated by CRLF CRLF; tolerate any number of blank lines.
        do
        {
            version = ReadLine();
            if (version is null) return null;
        } while (version.Length == 0);
        long offset = _consumed;
        if (!version.StartsWith("WARC/", StringComparison.Ordinal))
            throw new InvalidDataException($"expected a WARC version line, found '{Trim(version)}'");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            var line = ReadLine() ?? throw new EndOfStreamException("the stream ended inside the record headers");
            if (line.Length == 0) break;
            if (headers.Count >= MaxHeaders) throw new InvalidDataException("too many header lines");
            int colon = line.IndexOf(':');
            if (colon <= 0) continue; // a malformed line is skipped, as HTTP parsers do
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        if (!headers.TryGetValue("Content-Length", out var cl) || !long.TryParse(cl, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            throw new InvalidDataException("record without a valid Content-Length");
        var type = headers.TryGetValue("WARC-Type", out var t) ? t : "";
        byte[]? block = null;
        if (WantBlock(type, headers) && length <= MaxBlockBytes)
        {
            block = new byte[length];
            ReadExactly(block);
        }
        else Skip(length);
        return new WarcRecord { Type = type, Headers = headers, Block = block, Offset = offset, ContentLength = length };
    }

    private static string Trim(string s) => s.Length > 40 ? s[..40] + "…" : s;

    private bool Fill()
    {
        if (_pos < _len) return true;
        _len = _stream.Read(_buffer, 0, _buffer.Length);
        _pos = 0;
        return _len > 0;
    }

    /// <summary>One line without its CR LF (ISO-8859-1, as WARC and HTTP headers are); null at the end.</summary>
    private string? ReadLine()
    {
        var sb = new StringBuilder();
        int bytes = 0;
        while (true)
        {
            if (!Fill()) return sb.Length == 0 && bytes == 0 ? null : sb.ToString();
            int nl = Array.IndexOf(_buffer, (byte)'\n', _pos, _len - _pos);
            int end = nl < 0 ? _len : nl;
            bytes += end - _pos;
            if (bytes > MaxLineBytes) throw new InvalidDataException("a header line is over 64 KiB");
            sb.Append(Encoding.Latin1.GetString(_buffer, _pos, end - _pos));
            _consumed += end - _pos;
            _pos = end;
            if (nl >= 0)
            {
                _pos++;
                _consumed++;
                if (sb.Length > 0 && sb[^1] == '\r') sb.Length--;
                return sb.ToString();
            }
        }
    }

    private void ReadExactly(Span<byte> dest)
    {
        while (dest.Length > 0)
        {
            if (!Fill()) throw new EndOfStreamException("the stream ended inside a record block");
            int n = Math.Min(dest.Length, _len - _pos);
            _buffer.AsSpan(_pos, n).CopyTo(dest);
            _pos += n;
            _consumed += n;
            dest = dest[n..];
        }
    }

    private void Skip(long count)
    {
        while (count > 0)
        {
            if (!Fill()) throw new EndOfStreamException("the stream ended inside a record block");
            int n = (int)Math.Min(count, _len - _pos);
            _pos += n;
            _consumed += n;
            count -= n;
        }
    }

    public void Dispose() => _stream.Dispose();
}
