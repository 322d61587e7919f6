using System.Text;
using System.Text.Json;
using Wirescope.Documents;
using Wirescope.Documents.Json;
using Xunit;

namespace Wirescope.Tests.Extraction;

/// <summary>
/// Each page under samples/ against its expected record in samples/expected/NAME.json (the
/// article layer only). On a mismatch the actual record is written beside it as
/// NAME.actual.json; set WIRESCOPE_UPDATE_GOLDEN=1 to accept the new output as expected.
/// </summary>
public class GoldenSampleTests
{
    public static IEnumerable<object[]> Samples()
    {
        var dir = Path.Combine(ExtractionHarness.RepoRoot(), "samples");
        foreach (var f in Directory.EnumerateFiles(dir).Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            yield return [Path.GetFileName(f)];
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_matches_its_golden_record(string name)
    {
        var root = ExtractionHarness.RepoRoot();
        var doc = ExtractionHarness.Run(File.ReadAllBytes(Path.Combine(root, "samples", name)), id: "samples/" + name);
        doc.Done = Layers.Article;
        var actual = Pretty(DocumentJsonWriter.ToJson(doc));
        var expectedPath = Path.Combine(root, "samples", "expected", Path.ChangeExtension(name, ".json"));
        var actualPath = Path.ChangeExtension(expectedPath, ".actual.json");
        if (Environment.GetEnvironmentVariable("WIRESCOPE_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllText(expectedPath, actual);
            if (File.Exists(actualPath)) File.Delete(actualPath);
        }
        Assert.True(File.Exists(expectedPath), $"no golden file {expectedPath}: run the tests with WIRESCOPE_UPDATE_GOLDEN=1");
        var expected = File.ReadAllText(expectedPath);
        if (expected != actual)
        {
            File.WriteAllText(actualPath, actual);
            Assert.Fail($"{name}: output differs from {expectedPath}; see {actualPath}");
        }
        if (File.Exists(actualPath)) File.Delete(actualPath);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_offsets_are_in_range_and_ordered(string name)
    {
        var doc = ExtractionHarness.Run(File.ReadAllBytes(Path.Combine(ExtractionHarness.RepoRoot(), "samples", name)));
        var a = doc.Article!;
        Assert.NotEmpty(a.Paragraphs);
        int last = 0;
        foreach (var p in a.Paragraphs)
        {
            Assert.InRange(p.Start, last, a.Text.Length);
            Assert.InRange(p.End, p.Start + 1, a.Text.Length);
            Assert.Equal(a.Text.AsSpan(p.Start, p.End - p.Start).Trim().Length, p.End - p.Start);
            last = p.End;
        }
        Assert.Contains(a.Paragraphs[0].Kind, new[] { "p", "h", "li", "quote", "pre", "table" });
    }

    private static string Pretty(string json)
    {
        using var d = JsonDocument.Parse(json);
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, DocumentJsonWriter.Options with { Indented = true })) d.WriteTo(w);
        return Encoding.UTF8.GetString(buffer.ToArray()).ReplaceLineEndings("\n") + "\n";
    }
}
