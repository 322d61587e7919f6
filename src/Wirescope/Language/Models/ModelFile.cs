using System.IO.Compression;

namespace Wirescope.Language.Models;

/// <summary>
/// Model files: a magic string, a version, then the payload, compressed. A path ending in
/// ".br" is written with Brotli at its highest quality (14 % smaller than gzip on the
/// perceptron parsers, 26.8 MB instead of 31.1 MB: the repository's models must stay under
/// 40 MB; slow to write, which happens once per training run, and as fast to read); any other
/// with gzip. Reading tells the two apart by gzip's magic bytes, whatever the name.
/// </summary>
public static class ModelFile
{
    /// <summary>Brotli's highest quality; the window stays at its default so that writers and readers agree on memory.</summary>
    private const int BrotliQuality = 11;

    public static void Write(string path, string magic, Action<BinaryWriter> body)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var fs = File.Create(path);
        using Stream compressed = path.EndsWith(".br", StringComparison.Ordinal)
            ? new BrotliStream(fs, new BrotliCompressionOptions { Quality = BrotliQuality })
            : new GZipStream(fs, CompressionLevel.SmallestSize);
        using var bw = new BinaryWriter(new BufferedStream(compressed, 1 << 16));
        bw.Write(magic);
        bw.Write(2);
        body(bw);
    }

    public static T Read<T>(string path, string magic, Func<BinaryReader, T> body)
    {
        using var fs = File.OpenRead(path);
        Span<byte> head = stackalloc byte[2];
        bool gzip = fs.Read(head) == 2 && head[0] == 0x1f && head[1] == 0x8b;
        fs.Position = 0;
        using Stream decompressed = gzip ? new GZipStream(fs, CompressionMode.Decompress) : new BrotliStream(fs, CompressionMode.Decompress);
        using var br = new BinaryReader(new BufferedStream(decompressed, 1 << 16));
        string m;
        try
        {
            m = br.ReadString();
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or EndOfStreamException)
        {
            throw new InvalidDataException($"{path}: not a {magic} model (neither gzip nor Brotli data)", e);
        }
        if (m != magic) throw new InvalidDataException($"{path}: not a {magic} model (found '{m}')");
        int version = br.ReadInt32();
        if (version != 2) throw new InvalidDataException($"{path}: unsupported model version {version}");
        return body(br);
    }
}
