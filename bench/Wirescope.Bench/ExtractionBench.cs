using System.Text;
using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using Wirescope.Documents;
using Wirescope.Extraction;
using Wirescope.Pipeline;

namespace Wirescope.Bench;

/// <summary>
/// Extraction per page over the HTML pages of samples/, with SmartReader 0.11.1 (the .NET
/// port of Readability) and a bare AngleSharp parse as peers in the same run.
/// <c>dotnet run -c Release --project bench/Wirescope.Bench -- --filter '*ExtractionBench*'</c>
/// </summary>
[MemoryDiagnoser]
public class ExtractionBench
{
    private byte[][] _pages = [];
    private string[] _texts = [];
    private ExtractionStage _stage = null!;
    private readonly HtmlParser _parser = new();

    [GlobalSetup]
    public void Setup()
    {
        var dir = FindSamples();
        var files = Directory.GetFiles(dir, "*.html").Order(StringComparer.Ordinal).ToArray();
        _pages = files.Select(File.ReadAllBytes).ToArray();
        _texts = _pages.Select(b => Encoding.UTF8.GetString(b)).ToArray();
        _stage = new ExtractionStage(new PipelineOptions());
        // Build the tables and the language detector outside the measured loop.
        Wirescope_extract();
    }

    [Benchmark(Baseline = true, Description = "Wirescope: decode, parse, extract, metadata (all sample pages)")]
    public int Wirescope_extract()
    {
        int chars = 0;
        foreach (var bytes in _pages)
        {
            var doc = new Document("bench", new InputInfo("file", "bench", "html")) { Raw = new RawPage { Bytes = bytes, Format = "html" } };
            _stage.Run(doc, CancellationToken.None);
            chars += doc.Article!.Text.Length;
        }
        return chars;
    }

    [Benchmark(Description = "SmartReader 0.11.1: GetArticle (all sample pages)")]
    public int SmartReader_article()
    {
        int chars = 0;
        foreach (var text in _texts)
        {
            var article = new SmartReader.Reader("https://example.com/", text).GetArticle();
            chars += article.TextContent?.Length ?? 0;
        }
        return chars;
    }

    [Benchmark(Description = "AngleSharp 1.10.3: parse only (all sample pages)")]
    public int AngleSharp_parse()
    {
        int nodes = 0;
        foreach (var text in _texts)
        {
            using var doc = _parser.ParseDocument(text);
            nodes += doc.All.Length;
        }
        return nodes;
    }

    private static string FindSamples()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "samples"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("samples/ not found above the benchmark"), "samples");
    }
}
