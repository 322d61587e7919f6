using Wirescope.Language.Models;
using Xunit;

namespace Wirescope.Tests.Language;

/// <summary>Model files in either compression, told apart by content rather than name; bad files are refused clearly.</summary>
public class ModelFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wirescope-modelfile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("m.bin.br")]
    [InlineData("m.bin.gz")]
    [InlineData("m.bin")] // any name but .br is gzip
    public void RoundTripsThePayload(string name)
    {
        var path = Path.Combine(_dir, name);
        var payload = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7 % 251)).ToArray();
        ModelFile.Write(path, "test-model", w => { w.Write(42); w.Write(payload); });
        var head = File.ReadAllBytes(path).Take(2).ToArray();
        Assert.Equal(name.EndsWith(".br"), !(head[0] == 0x1f && head[1] == 0x8b));
        var (n, back) = ModelFile.Read(path, "test-model", r => (r.ReadInt32(), r.ReadBytes(payload.Length)));
        Assert.Equal(42, n);
        Assert.Equal(payload, back);
    }

    [Fact]
    public void BrotliDataUnderAGzipNameIsStillRead()
    {
        var br = Path.Combine(_dir, "m.bin.br");
        ModelFile.Write(br, "test-model", w => w.Write("hello"));
        var misnamed = Path.Combine(_dir, "m.bin.gz");
        File.Copy(br, misnamed);
        Assert.Equal("hello", ModelFile.Read(misnamed, "test-model", r => r.ReadString()));
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    [InlineData(new byte[] { 0x1f, 0x8b, 0, 0 })]
    [InlineData(new byte[0])]
    public void GarbageIsRefusedAsInvalidData(byte[] bytes)
    {
        var path = Path.Combine(_dir, "bad.bin.br");
        File.WriteAllBytes(path, bytes);
        var e = Record.Exception(() => ModelFile.Read(path, "test-model", r => r.ReadInt32()));
        Assert.True(e is InvalidDataException or EndOfStreamException, e?.GetType().Name + ": " + e?.Message);
    }

    [Fact]
    public void AnotherModelsMagicIsRefused()
    {
        var path = Path.Combine(_dir, "m.bin.br");
        ModelFile.Write(path, "other-model", w => w.Write(1));
        var e = Assert.Throws<InvalidDataException>(() => ModelFile.Read(path, "test-model", r => r.ReadInt32()));
        Assert.Contains("other-model", e.Message);
    }
}
