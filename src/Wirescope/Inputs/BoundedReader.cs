using System.IO.Compression;
using Wirescope.Documents;
using Wirescope.Pipeline;

namespace Wirescope.Inputs;

/// <summary>Reads a stream to bytes under a size cap, gunzipping when the data is gzip.</summary>
public static class BoundedReader
{
    /// <summary>Reads all of <paramref name="stream"/> (gunzipped if it starts with the gzip magic).</summary>
    public static byte[] ReadAll(Stream stream, long maxBytes, string name)
    {
        var buffered = stream.CanSeek ? stream : new BufferedStream(stream, 1 << 16);
        uint? trailerSize = TrailerSize(stream);
        Span<byte> magic = stackalloc byte[2];
        int got = ReadHeader(buffered, magic, out var head);
        Stream source = head;
        bool gzip = got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        if (gzip) source = new GZipStream(head, CompressionMode.Decompress);
        try
        {
            // The expected length, when the input tells it: the file's length, or for gzip the
            // trailer's ISIZE. Reading straight into an array of that size saves the doubling
            // buffer's copies (a 141 KiB page cost 600 KiB of allocations and four copies).
            long hint = gzip ? trailerSize ?? 0 : stream.CanSeek ? stream.Length - stream.Position + got : 0;
            var bytes = Copy(source, maxBytes, name, hint);
            // .NET's GZipStream ends quietly at a cut: a truncated download would pass as a
            // shorter page. The gzip trailer's ISIZE (length mod 2^32) tells; only seekable
            // inputs have it at hand. A multi-member file (concatenated gzip, which GZipStream
            // reads whole) ends with its last member's size, which is smaller than the total;
            // a cut file ends in compressed bytes, which read as a size almost always larger.
            if (gzip && trailerSize is { } size && size > (uint)bytes.Length)
                throw new StageException(ErrorCodes.InputBadGzip, $"{name}: truncated gzip data ({bytes.Length:N0} bytes, the trailer says {size:N0})");
            return bytes;
        }
        catch (InvalidDataException e) when (gzip)
        {
            throw new StageException(ErrorCodes.InputBadGzip, $"{name}: broken gzip data ({e.Message})");
        }
        catch (EndOfStreamException) when (gzip)
        {
            throw new StageException(ErrorCodes.InputBadGzip, $"{name}: truncated gzip data");
        }
        finally
        {
            if (gzip) source.Dispose();
        }
    }

    /// <summary>The last four bytes of a seekable stream (a gzip trailer's ISIZE), leaving its position as it was.</summary>
    private static uint? TrailerSize(Stream s)
    {
        if (!s.CanSeek || s.Length - s.Position < 18) return null;
        long pos = s.Position;
        Span<byte> tail = stackalloc byte[4];
        s.Seek(-4, SeekOrigin.End);
        s.ReadExactly(tail);
        s.Seek(pos, SeekOrigin.Begin);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(tail);
    }

    private static int ReadHeader(Stream s, Span<byte> magic, out Stream rest)
    {
        int n = 0;
        while (n < magic.Length)
        {
            int r = s.Read(magic[n..]);
            if (r == 0) break;
            n += r;
        }
        rest = new PrefixedStream(magic[..n].ToArray(), s);
        return n;
    }

    private static byte[] Copy(Stream source, long maxBytes, string name, long sizeHint)
    {
        byte[]? exact = null;
        int filled = 0;
        if (sizeHint > 0 && sizeHint <= maxBytes && sizeHint <= Array.MaxLength)
        {
            exact = GC.AllocateUninitializedArray<byte>((int)sizeHint);
            int r0;
            while (filled < exact.Length && (r0 = source.Read(exact, filled, exact.Length - filled)) > 0) filled += r0;
            if (filled < exact.Length) return exact.AsSpan(0, filled).ToArray(); // shorter than said (a cut gzip: the caller tells)
            Span<byte> probe = stackalloc byte[1];
            if (source.Read(probe) == 0) return exact;
            // Longer than said (a multi-member gzip's last ISIZE): go on with a growing buffer.
            if (filled + 1 > maxBytes) throw TooLarge(name, maxBytes);
            using var rest = new MemoryStream(filled * 2);
            rest.Write(exact, 0, filled);
            rest.Write(probe);
            return CopyRest(source, rest, maxBytes, name);
        }
        using var ms = new MemoryStream();
        return CopyRest(source, ms, maxBytes, name);
    }

    private static byte[] CopyRest(Stream source, MemoryStream ms, long maxBytes, string name)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int r;
            while ((r = source.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (ms.Length + r > maxBytes) throw TooLarge(name, maxBytes);
                ms.Write(buffer, 0, r);
            }
            return ms.ToArray();
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static StageException TooLarge(string name, long maxBytes) =>
        new(ErrorCodes.InputTooLarge, $"{name}: larger than the cap of {maxBytes:N0} bytes (--max-bytes)");

    /// <summary>A stream that replays a few already-read bytes before the rest.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream inner) : Stream
    {
        private int _pos;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException("length of a prefixed stream");
        public override long Position { get => throw new NotSupportedException("position"); set => throw new NotSupportedException("position"); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override int Read(Span<byte> buffer)
        {
            if (_pos < prefix.Length)
            {
                int n = Math.Min(buffer.Length, prefix.Length - _pos);
                prefix.AsSpan(_pos, n).CopyTo(buffer);
                _pos += n;
                return n;
            }
            return inner.Read(buffer);
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("seek");
        public override void SetLength(long value) => throw new NotSupportedException("set length");
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("write");
    }
}
