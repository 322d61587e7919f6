using System.Text;
using Wirescope.Documents;
using Wirescope.Extraction;
using Wirescope.Pipeline;

namespace Wirescope.Tests.Extraction;

/// <summary>Runs the extraction stage on bytes or text, the way the pipeline does, for one test.</summary>
internal static class ExtractionHarness
{
    /// <summary>A fixed fetch time, so "no date after the fetch" does not depend on the clock.</summary>
    public static readonly DateTimeOffset FetchedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<ExtractionStage> Stage = new(() => new ExtractionStage(new PipelineOptions()));

    public static Document Run(byte[] bytes, string format = "auto", string? charset = null, string id = "test", PipelineOptions? options = null, string? url = null)
    {
        var doc = new Document(id, new InputInfo("file", id, format))
        {
            Raw = new RawPage { Bytes = bytes, Format = format, Charset = charset, FetchedAt = FetchedAt, Url = url },
        };
        var stage = options is null ? Stage.Value : new ExtractionStage(options);
        var pipeline = new PipelineBuilder().WithOptions(options ?? new PipelineOptions()).Add(stage).Build();
        pipeline.Process(doc);
        return doc;
    }

    public static Document Html(string html, string? url = null) => Run(Encoding.UTF8.GetBytes(html), "auto", url: url);

    /// <summary>The repository root (holds Wirescope.sln), for golden files next to the samples.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Wirescope.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("no Wirescope.sln above the test binaries");
    }
}
