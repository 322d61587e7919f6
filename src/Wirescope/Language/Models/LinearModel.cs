using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Wirescope.Language.Models;

/// <summary>
/// A frozen multi-class linear scorer over hashed features: an open-addressing table from
/// feature hash to a row of 16-bit quantised weights (one per class). Read-only after
/// construction, so one instance serves every thread.
/// </summary>
public sealed class LinearModel
{
    private readonly ulong[] _keys;   // 0 = empty slot
    private readonly int[] _rowOf;
    private readonly short[] _weights; // row * Classes + class
    private readonly int _mask;

    public int Classes { get; }
    public int Features => _weights.Length / Math.Max(1, Classes);
    /// <summary>Multiply an integer score by this to get back the float weight scale.</summary>
    public float Scale { get; }

    public LinearModel(int classes, ulong[] featureKeys, short[] weights, float scale)
    {
        Classes = classes;
        Scale = scale;
        _weights = weights;
        int capacity = 16;
        while (capacity < featureKeys.Length * 2) capacity <<= 1;
        _keys = new ulong[capacity];
        _rowOf = new int[capacity];
        _mask = capacity - 1;
        for (int r = 0; r < featureKeys.Length; r++)
        {
            ulong k = featureKeys[r] | 1UL;
            int slot = (int)(k & (ulong)_mask);
            while (_keys[slot] != 0) slot = (slot + 1) & _mask;
            _keys[slot] = k;
            _rowOf[slot] = r;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(ulong key)
    {
        key |= 1UL;
        int slot = (int)(key & (ulong)_mask);
        while (true)
        {
            ulong k = _keys[slot];
            if (k == key) return _rowOf[slot];
            if (k == 0) return -1;
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Adds the rows of the present features into <paramref name="scores"/> (length Classes, zeroed by the caller).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<int> scores)
    {
        int n = Classes;
        var w = _weights;
        foreach (var f in features)
        {
            int r = Find(f);
            if (r < 0) continue;
            var row = w.AsSpan(r * n, n);
            for (int c = 0; c < n; c++) scores[c] += row[c];
        }
    }

    public void Save(BinaryWriter w)
    {
        w.Write(Classes);
        w.Write(Scale);
        int rows = Features;
        w.Write(rows);
        var keys = new ulong[rows];
        for (int s = 0; s < _keys.Length; s++) if (_keys[s] != 0) keys[_rowOf[s]] = _keys[s];
        w.Write(MemoryMarshal.AsBytes(keys.AsSpan()));
        // Class-major order puts a class's (mostly zero) weights together: it compresses better.
        var byClass = new short[rows * Classes];
        for (int c = 0; c < Classes; c++)
            for (int r = 0; r < rows; r++) byClass[c * rows + r] = _weights[r * Classes + c];
        w.Write(MemoryMarshal.AsBytes(byClass.AsSpan()));
    }

    /// <summary>Reads what <see cref="Save"/> wrote, in blocks (a model loads in well under a second).</summary>
    public static LinearModel Load(BinaryReader r)
    {
        int classes = r.ReadInt32();
        float scale = r.ReadSingle();
        int rows = r.ReadInt32();
        var keys = new ulong[rows];
        ReadExactly(r, MemoryMarshal.AsBytes(keys.AsSpan()));
        var byClass = new short[rows * classes];
        ReadExactly(r, MemoryMarshal.AsBytes(byClass.AsSpan()));
        var weights = new short[rows * classes];
        for (int c = 0; c < classes; c++)
        {
            var src = byClass.AsSpan(c * rows, rows);
            for (int i = 0; i < rows; i++) weights[i * classes + c] = src[i];
        }
        return new LinearModel(classes, keys, weights, scale);
    }

    private static void ReadExactly(BinaryReader r, Span<byte> into)
    {
        while (into.Length > 0)
        {
            int n = r.BaseStream.Read(into);
            if (n <= 0) throw new EndOfStreamException("model file is truncated");
            into = into[n..];
        }
    }
}

/// <summary>Gzip model files: a magic string, a version, then the payload.</summary>
public static class ModelFile
{
    public static void Write(string path, string magic, Action<BinaryWriter> body)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var fs = File.Create(path);
        using var gz = new GZipStream(fs, CompressionLevel.SmallestSize);
        using var bw = new BinaryWriter(new BufferedStream(gz, 1 << 16));
        bw.Write(magic);
        bw.Write(2);
        body(bw);
    }

    public static T Read<T>(string path, string magic, Func<BinaryReader, T> body)
    {
        using var fs = File.OpenRead(path);
        using var gz = new GZipStream(fs, CompressionMode.Decompress);
        using var br = new BinaryReader(new BufferedStream(gz, 1 << 16));
        var m = br.ReadString();
        if (m != magic) throw new InvalidDataException($"{path}: not a {magic} model (found '{m}')");
        int version = br.ReadInt32();
        if (version != 2) throw new InvalidDataException($"{path}: unsupported model version {version}");
        return body(br);
    }
}
