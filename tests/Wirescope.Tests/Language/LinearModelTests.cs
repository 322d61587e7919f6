using Wirescope.Language.Models;
using Xunit;

namespace Wirescope.Tests.Language;

/// <summary>
/// The frozen scorer adds the rows of the features it holds and ignores the others, for the
/// inline layout (≤ 4 classes, the parser's transitions) and the row layout (more classes),
/// whatever the probe order: keys chosen to collide in a small table, absent keys, repeats.
/// </summary>
public class LinearModelTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(51)]
    public void Scores_are_the_sums_of_the_present_rows(int classes)
    {
        // Keys 16 apart share their home slot in a 16- or 32-slot table: probing must walk on.
        ulong[] keys = [0x10, 0x20, 0x30, 0x1234_5678_9ABC_DEF0UL, ulong.MaxValue - 1];
        var weights = new short[keys.Length * classes];
        for (int r = 0; r < keys.Length; r++)
            for (int c = 0; c < classes; c++) weights[r * classes + c] = (short)((r + 1) * (c % 2 == 0 ? 1 : -1) * (c + 1));
        var model = new LinearModel(classes, keys, weights, 1f);

        ulong[] features = [0x20, 0x40, 0x30, 0x20, 0xFFFF_0000UL, ulong.MaxValue - 1, 0];
        var scores = new int[classes];
        model.Score(features, scores);

        for (int c = 0; c < classes; c++)
        {
            int sign = c % 2 == 0 ? 1 : -1;
            // rows present: 0x20 twice (row 2), 0x30 (row 3), MaxValue-1 (row 5); the rest are absent.
            int expected = sign * (c + 1) * (2 + 2 + 3 + 5);
            Assert.Equal(expected, scores[c]);
        }
    }

    [Fact]
    public void An_empty_model_scores_nothing()
    {
        var model = new LinearModel(4, [], [], 1f);
        var scores = new int[4];
        model.Score([1, 2, 3], scores);
        Assert.All(scores, s => Assert.Equal(0, s));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(51)]
    public void A_compact_model_scores_as_the_full_one_and_survives_a_file(int classes)
    {
        var rng = new Random(classes);
        var keys = Enumerable.Range(0, 3000).Select(_ => (ulong)rng.NextInt64() * 2 + 1).Distinct().ToArray();
        var weights = Enumerable.Range(0, keys.Length * classes).Select(_ => (short)rng.Next(-3000, 3000)).ToArray();
        var full = new LinearModel(classes, keys, weights, 0.5f);
        var compact = full.Compact();
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true)) compact.Save(w);
        ms.Position = 0;
        var loaded = LinearModel.Load(new BinaryReader(ms));
        Assert.Equal(keys.Length, loaded.Features);
        // Present features (and absent ones mixed in) score the same in all three.
        for (int trial = 0; trial < 200; trial++)
        {
            var feats = Enumerable.Range(0, 20).Select(i => i % 3 == 0 ? (ulong)rng.NextInt64() : keys[rng.Next(keys.Length)]).ToArray();
            var a = new int[classes]; var b = new int[classes]; var c = new int[classes];
            full.Score(feats, a); compact.Score(feats, b); loaded.Score(feats, c);
            Assert.Equal(a, b);
            Assert.Equal(a, c);
        }
    }

    /// <summary>
    /// A loaded model writes back the bytes it was read from (a compact inline model keeps no
    /// key or weight arrays and rebuilds them from its slots), and reading stops at the end of
    /// its section: two models and a marker in one compressed stream come back whole, with key
    /// sections longer than the reader's 64 KB block.
    /// </summary>
    [Theory]
    [InlineData(4, 40000, false)]
    [InlineData(4, 40000, true)]
    [InlineData(3, 10, true)]
    [InlineData(51, 30000, true)]
    [InlineData(51, 500, false)]
    public void A_loaded_model_saves_the_same_bytes_and_reads_only_its_section(int classes, int rows, bool compact)
    {
        var rng = new Random(rows + classes);
        LinearModel Make()
        {
            var keys = Enumerable.Range(0, rows).Select(_ => (ulong)rng.NextInt64() * 2 + 1).Distinct().ToArray();
            var weights = Enumerable.Range(0, keys.Length * classes).Select(_ => (short)rng.Next(short.MinValue, short.MaxValue + 1)).ToArray();
            var m = new LinearModel(classes, keys, weights, 0.25f);
            return compact ? m.Compact() : m;
        }
        byte[] Bytes(Action<BinaryWriter> write)
        {
            using var ms = new MemoryStream();
            using (var w = new BinaryWriter(ms)) write(w);
            return ms.ToArray();
        }
        var (first, second) = (Make(), Make());
        var plain = Bytes(w => { first.Save(w); w.Write(0x5EC7105); second.Save(w); w.Write(0x5EC7106); });
        using var zipped = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(zipped, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true)) gz.Write(plain);
        zipped.Position = 0;
        using var reader = new BinaryReader(new BufferedStream(new System.IO.Compression.GZipStream(zipped, System.IO.Compression.CompressionMode.Decompress), 1 << 16));
        var a = LinearModel.Load(reader);
        Assert.Equal(0x5EC7105, reader.ReadInt32());
        var b = LinearModel.Load(reader);
        Assert.Equal(0x5EC7106, reader.ReadInt32());
        Assert.Equal(plain, Bytes(w => { a.Save(w); w.Write(0x5EC7105); b.Save(w); w.Write(0x5EC7106); }));
        Assert.Equal(first.Features, a.Features);
    }

    /// <summary>The vector row add gives the plain loop's sums, extremes and odd widths included.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(51)]
    [InlineData(114)]
    public void Adding_a_row_sums_every_class(int classes)
    {
        var rng = new Random(classes);
        var scores = Enumerable.Range(0, classes).Select(_ => rng.Next(-1_000_000, 1_000_000)).ToArray();
        var expected = scores.ToArray();
        for (int round = 0; round < 5; round++)
        {
            var row = Enumerable.Range(0, classes).Select(c => c % 7 == 0 ? short.MinValue : c % 5 == 0 ? short.MaxValue : (short)rng.Next(short.MinValue, short.MaxValue)).ToArray();
            for (int c = 0; c < classes; c++) expected[c] += row[c];
            LinearModel.AddRow(row, scores);
        }
        Assert.Equal(expected, scores);
    }

    /// <summary>Tables asked for huge pages are ordinary zeroed arrays of the length asked, even when reused memory held data.</summary>
    [Theory]
    [InlineData(10)]
    [InlineData(3 << 20)]
    public void Huge_page_tables_start_zeroed(int length)
    {
        for (int round = 0; round < 3; round++)
        {
            var table = HugePages.Zeroed<long>(length);
            Assert.Equal(length, table.Length);
            Assert.True(table.AsSpan().IndexOfAnyExcept(0L) < 0);
            table.AsSpan().Fill(-1);
        }
    }
}
