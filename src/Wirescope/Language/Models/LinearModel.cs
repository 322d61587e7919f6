using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Wirescope.Language.Models;

/// <summary>
/// A frozen multi-class linear scorer over hashed features: an open-addressing table from
/// feature hash to a row of 16-bit quantised weights (one per class). Read-only after
/// construction, so one instance serves every thread.
/// </summary>
public sealed class LinearModel
{
    /// <summary>
    /// One probe reads one 16-byte slot: the key and either the row index or, for models of at
    /// most four classes (the parser's transitions), the four weights themselves. A feature
    /// lookup is then one cache miss instead of two or three (the parser's speed is bounded
    /// by these misses: ~80 features per transition).
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Slot
    {
        public ulong Key; // 0 = empty
        public long Value;
    }

    private readonly Slot[] _slots;
    /// <summary>
    /// The keys in row order, kept only for a model of full keys (training's, before
    /// <see cref="Compact"/>): a compact model's are its slots' keys (rows are in key order).
    /// </summary>
    private readonly ulong[]? _rowKeys;
    /// <summary>row * Classes + class; null for a compact model of inline weights (they are in its slots).</summary>
    private readonly short[]? _weights;
    private readonly int _rows;
    private readonly int _mask;
    private readonly bool _inline;
    /// <summary>0, or <see cref="CompactShift"/>: keys are the top 40 bits of the feature hash.</summary>
    private readonly int _shift;

    /// <summary>
    /// A compact model keeps only the top 64 - 24 = 40 bits of each feature hash. Sorted, those
    /// keys are written as small gaps (about 3 bytes each instead of 8 incompressible ones: the
    /// keys were 8 of the parser's 13 MB; rows in key order compress a little worse, so the file
    /// shrinks by about a quarter). A feature absent from a model of a million rows matches a
    /// kept key by chance about twice per million look-ups; two kept features sharing 40 bits
    /// (about one pair per model) have their weights added.
    /// </summary>
    public const int CompactShift = 24;

    public int Classes { get; }
    public int Features => _rows;
    /// <summary>Multiply an integer score by this to get back the float weight scale.</summary>
    public float Scale { get; }

    public LinearModel(int classes, ulong[] featureKeys, short[] weights, float scale) : this(classes, featureKeys, weights, scale, 0) { }

    private LinearModel(int classes, ulong[] featureKeys, short[] weights, float scale, int shift)
        : this(classes, featureKeys, shift == 0 || classes > 4 ? weights : null, classes <= 4 ? Pack(classes, featureKeys.Length, weights) : null, scale, shift)
    {
    }

    /// <summary>
    /// Builds the table from keys and either row-major weights or, for at most four classes,
    /// each row's weights packed in one long (<paramref name="packed"/>). A compact model keeps
    /// neither the keys nor, when inline, the weights: the slots hold both (a third of the
    /// parser's memory).
    /// </summary>
    private LinearModel(int classes, ulong[] featureKeys, short[]? weights, long[]? packed, float scale, int shift)
    {
        _shift = shift;
        Classes = classes;
        Scale = scale;
        _inline = classes <= 4;
        _rows = featureKeys.Length;
        _weights = weights;
        _rowKeys = shift == 0 ? featureKeys : null;
        int capacity = 16;
        while (capacity < featureKeys.Length * 2) capacity <<= 1;
        _slots = HugePages.Zeroed<Slot>(capacity);
        _mask = capacity - 1;
        Insert(featureKeys, packed);
    }

    /// <summary>How many rows ahead <see cref="Insert"/> asks for a home slot.</summary>
    private const int InsertAhead = 16;

    /// <summary>
    /// Puts every row in its slot. The home slots are random over a table of tens of MB, so
    /// each insert would wait for memory; asking for the slot a few rows ahead overlaps those
    /// waits (the order of inserts does not matter: keys are distinct, so every look-up finds
    /// the same row).
    /// </summary>
    private unsafe void Insert(ulong[] keys, long[]? packed)
    {
        fixed (Slot* slots = _slots)
            for (int r = 0; r < keys.Length; r++)
            {
                if (Sse.IsSupported && r + InsertAhead < keys.Length)
                    Sse.Prefetch0(slots + (int)((keys[r + InsertAhead] | 1UL) & (ulong)_mask));
                ulong k = keys[r] | 1UL;
                int slot = (int)(k & (ulong)_mask);
                while (slots[slot].Key != 0) slot = (slot + 1) & _mask;
                slots[slot].Key = k;
                slots[slot].Value = packed is null ? r : packed[r];
            }
    }

    /// <summary>Row-major weights of at most four classes as one long per row (class c in bits 16c..16c+15).</summary>
    private static long[] Pack(int classes, int rows, short[] weights)
    {
        var packed = new long[rows];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < classes; c++) packed[r] |= (long)(ushort)weights[r * classes + c] << (16 * c);
        return packed;
    }

    /// <summary>The keys in row order and the weights row-major (rebuilt from the slots for a compact model).</summary>
    private (ulong[] Keys, short[] Weights) Rows()
    {
        if (_rowKeys is not null && _weights is not null) return (_rowKeys, _weights);
        var keys = new ulong[_rows];
        var weights = _weights ?? new short[_rows * Classes];
        if (!_inline)
        {
            foreach (var s in _slots) if (s.Key != 0) keys[(int)s.Value] = s.Key;
            return (keys, weights);
        }
        // A compact model's rows are in key order (Compact sorts them, files keep that order).
        var values = new long[_rows];
        int n = 0;
        foreach (var s in _slots)
            if (s.Key != 0) { keys[n] = s.Key; values[n++] = s.Value; }
        Array.Sort(keys, values);
        for (int r = 0; r < _rows; r++)
            for (int c = 0; c < Classes; c++) weights[r * Classes + c] = (short)(values[r] >> (16 * c));
        return (keys, weights);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryFind(ulong key, out long value)
    {
        key = (key >> _shift) | 1UL;
        var slots = _slots;
        int slot = (int)(key & (ulong)_mask);
        while (true)
        {
            ref var s = ref slots[slot];
            if (s.Key == key) { value = s.Value; return true; }
            if (s.Key == 0) { value = 0; return false; }
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Adds the rows of the present features into <paramref name="scores"/> (length Classes, zeroed by the caller).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<int> scores)
    {
        Prefetch(features);
        int n = Classes;
        if (_inline)
        {
            foreach (var f in features)
            {
                if (!TryFind(f, out var packed)) continue;
                for (int c = 0; c < n; c++) scores[c] += (short)(packed >> (16 * c));
            }
            return;
        }
        // Rows of many classes (the tagger's 114, the relations' 51) span several cache lines:
        // find every row first, ask for all their lines, then add them, so that the row misses
        // overlap too instead of each waiting for its slot's.
        var w = _weights!;
        Span<int> found = features.Length <= 128 ? stackalloc int[features.Length] : new int[features.Length];
        int m = 0;
        foreach (var f in features)
            if (TryFind(f, out var r)) found[m++] = (int)r;
        PrefetchRows(found[..m], n);
        foreach (var r in found[..m]) AddRow(w.AsSpan(r * n, n), scores);
    }

    /// <summary>
    /// scores[c] += row[c], sixteen classes at a time (the tagger's rows are 114 wide, the
    /// relations' 51): integer sums, so the scores are exactly those of the plain loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void AddRow(ReadOnlySpan<short> row, Span<int> scores)
    {
        int c = 0;
        if (Vector256.IsHardwareAccelerated && scores.Length >= row.Length)
        {
            ref short w = ref MemoryMarshal.GetReference(row);
            ref int s = ref MemoryMarshal.GetReference(scores);
            for (; c <= row.Length - 16; c += 16)
            {
                var (lo, hi) = Vector256.Widen(Vector256.LoadUnsafe(ref w, (nuint)c));
                (Vector256.LoadUnsafe(ref s, (nuint)c) + lo).StoreUnsafe(ref s, (nuint)c);
                (Vector256.LoadUnsafe(ref s, (nuint)(c + 8)) + hi).StoreUnsafe(ref s, (nuint)(c + 8));
            }
        }
        for (; c < row.Length; c++) scores[c] += row[c];
    }

    private unsafe void PrefetchRows(ReadOnlySpan<int> rows, int n)
    {
        if (!Sse.IsSupported) return;
        fixed (short* w = _weights)
            foreach (var r in rows)
            {
                byte* start = (byte*)(w + r * n), end = (byte*)(w + r * n + n);
                for (byte* p = start; p < end; p += 64) Sse.Prefetch0(p);
                Sse.Prefetch0(end - 1);
            }
    }

    /// <summary>
    /// Asks for every feature's home slot before the first probe: the look-ups are independent,
    /// so the ~90 cache misses of a parser transition overlap instead of queueing one by one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe void Prefetch(ReadOnlySpan<ulong> features)
    {
        if (!Sse.IsSupported) return;
        fixed (Slot* slots = _slots)
            foreach (var f in features)
                Sse.Prefetch0(slots + (int)(((f >> _shift) | 1UL) & (ulong)_mask));
    }

    /// <summary>This model with compact keys (<see cref="CompactShift"/>), rows sorted by key.</summary>
    public LinearModel Compact()
    {
        if (_shift != 0) return this;
        int n = Classes;
        var (rowKeys, rowWeights) = Rows();
        var order = Enumerable.Range(0, rowKeys.Length).OrderBy(r => (rowKeys[r] >> CompactShift) | 1UL).ThenBy(r => r).ToArray();
        var keys = new List<ulong>(order.Length);
        var weights = new List<short>(order.Length * n);
        foreach (var r in order)
        {
            ulong k = (rowKeys[r] >> CompactShift) | 1UL;
            if (keys.Count > 0 && keys[^1] == k)
            {
                int at = (keys.Count - 1) * n;
                for (int c = 0; c < n; c++) weights[at + c] = (short)Math.Clamp(weights[at + c] + rowWeights[r * n + c], short.MinValue, short.MaxValue);
                continue;
            }
            keys.Add(k);
            for (int c = 0; c < n; c++) weights.Add(rowWeights[r * n + c]);
        }
        return new LinearModel(n, keys.ToArray(), weights.ToArray(), Scale, CompactShift);
    }

    /// <summary>Marks a compact model in a file (an ordinary one starts with its class count).</summary>
    private const int CompactMarker = -1;

    public void Save(BinaryWriter w)
    {
        if (_shift != 0)
        {
            w.Write(CompactMarker);
            w.Write(_shift);
        }
        w.Write(Classes);
        w.Write(Scale);
        int rows = Features;
        w.Write(rows);
        var (rowKeys, rowWeights) = Rows();
        if (_shift != 0)
        {
            // Sorted keys as gaps, 7 bits a byte (LEB128).
            ulong prev = 0;
            foreach (var k in rowKeys)
            {
                for (ulong gap = k - prev; ; gap >>= 7)
                {
                    if (gap < 0x80) { w.Write((byte)gap); break; }
                    w.Write((byte)(gap & 0x7F | 0x80));
                }
                prev = k;
            }
        }
        else w.Write(MemoryMarshal.AsBytes(rowKeys.AsSpan()));
        // Class-major order puts a class's (mostly zero) weights together: it compresses better.
        var byClass = new short[rows * Classes];
        for (int c = 0; c < Classes; c++)
            for (int r = 0; r < rows; r++) byClass[c * rows + r] = rowWeights[r * Classes + c];
        w.Write(MemoryMarshal.AsBytes(byClass.AsSpan()));
    }

    /// <summary>Reads what <see cref="Save"/> wrote, in blocks (a model loads in well under a second).</summary>
    public static LinearModel Load(BinaryReader r)
    {
        int classes = r.ReadInt32(), shift = 0;
        if (classes == CompactMarker)
        {
            shift = r.ReadInt32();
            if (shift != CompactShift) throw new InvalidDataException($"unsupported key width {64 - shift}");
            classes = r.ReadInt32();
        }
        if (classes < 1 || classes > 4096) throw new InvalidDataException($"model has {classes} classes");
        float scale = r.ReadSingle();
        int rows = r.ReadInt32();
        if (rows < 0) throw new InvalidDataException($"model has {rows} rows");
        var input = new BlockReader(r.BaseStream, (long)rows * classes * sizeof(short));
        var keys = GC.AllocateUninitializedArray<ulong>(rows);
        if (shift != 0) input.ReadGaps(keys);
        else input.ReadExactly(MemoryMarshal.AsBytes(keys.AsSpan()));
        // Weights come class by class (Save); scoring wants a row's classes together.
        if (classes <= 4)
        {
            // Inline rows: pack each class's run straight into one long per row.
            var packed = new long[rows];
            var run = GC.AllocateUninitializedArray<short>(Math.Min(rows, 1 << 16));
            for (int c = 0; c < classes; c++)
                for (int at = 0; at < rows; at += run.Length)
                {
                    var part = run.AsSpan(0, Math.Min(run.Length, rows - at));
                    input.ReadExactly(MemoryMarshal.AsBytes(part));
                    for (int i = 0; i < part.Length; i++) packed[at + i] |= (long)(ushort)part[i] << (16 * c);
                }
            return new LinearModel(classes, keys, shift == 0 ? Unpack(classes, packed) : null, packed, scale, shift);
        }
        // Each class's run is scattered into the rows as it is read: a whole class-major copy
        // to transpose from was 36 MB per tagger direction at the peak (about 100 MB of the
        // process's resident memory) and saved no time.
        // Rows are read at random too (the tagger's 36 MB per direction): huge pages as well.
        var weights = HugePages.Zeroed<short>(rows * classes);
        var chunk = GC.AllocateUninitializedArray<short>(Math.Min(rows, 1 << 16));
        for (int c = 0; c < classes; c++)
            for (int at = 0; at < rows; at += chunk.Length)
            {
                var part = chunk.AsSpan(0, Math.Min(chunk.Length, rows - at));
                input.ReadExactly(MemoryMarshal.AsBytes(part));
                for (int i = 0; i < part.Length; i++) weights[(at + i) * classes + c] = part[i];
            }
        return new LinearModel(classes, keys, weights, null, scale, shift);
    }

    /// <summary>Row-major weights from packed rows (a full-key model keeps both).</summary>
    private static short[] Unpack(int classes, long[] packed)
    {
        var weights = new short[packed.Length * classes];
        for (int r = 0; r < packed.Length; r++)
            for (int c = 0; c < classes; c++) weights[r * classes + c] = (short)(packed[r] >> (16 * c));
        return weights;
    }

    /// <summary>
    /// Reads a model's keys and weights from the (decompressing) stream in 64 KB blocks: a byte
    /// at a time through BinaryReader cost a third of the parser's load. Reads exactly what the
    /// section holds, so the stream is left at the next section.
    /// </summary>
    private sealed class BlockReader(Stream stream, long weightBytes)
    {
        private readonly byte[] _buffer = new byte[1 << 16];
        private int _at, _end;

        /// <summary>Sorted keys written as LEB128 gaps; reads no byte past the last key.</summary>
        public void ReadGaps(ulong[] keys)
        {
            ulong prev = 0;
            for (int i = 0; i < keys.Length; i++)
            {
                ulong gap = 0;
                for (int bits = 0; ; bits += 7)
                {
                    if (_at == _end) Fill(keys.Length - i + weightBytes);
                    byte b = _buffer[_at++];
                    if (bits > 63) throw new InvalidDataException("model key is malformed");
                    gap |= (ulong)(b & 0x7F) << bits;
                    if (b < 0x80) break;
                }
                keys[i] = prev += gap;
            }
        }

        /// <summary>Fills <paramref name="into"/> from what is buffered, then from the stream.</summary>
        public void ReadExactly(Span<byte> into)
        {
            int have = Math.Min(into.Length, _end - _at);
            _buffer.AsSpan(_at, have).CopyTo(into);
            _at += have;
            into = into[have..];
            while (into.Length > 0)
            {
                int n = stream.Read(into);
                if (n <= 0) throw new EndOfStreamException("model file is truncated");
                into = into[n..];
            }
        }

        /// <summary>
        /// Refills the buffer with no more than <paramref name="sectionLeft"/> bytes: each key
        /// still to read takes at least one byte and the weights' size is known, so no byte of
        /// the next section is taken (the stream cannot seek back).
        /// </summary>
        private void Fill(long sectionLeft)
        {
            _at = 0;
            _end = stream.Read(_buffer, 0, (int)Math.Min(_buffer.Length, sectionLeft));
            if (_end <= 0) throw new EndOfStreamException("model file is truncated");
        }
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
