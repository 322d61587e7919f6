using Wirescope.Documents;
using Wirescope.Inputs;
using Xunit;

namespace Wirescope.Tests.Inputs;

public class DirectoryInputTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ws-dir-" + Guid.NewGuid().ToString("N"));

    public DirectoryInputTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "expected"));
        File.WriteAllText(Path.Combine(_dir, "b-page.html"), "<html><body><p>A page.</p></body></html>");
        File.WriteAllText(Path.Combine(_dir, "a-feed.json"),
            "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"T\",\"items\":[]}");
        File.WriteAllText(Path.Combine(_dir, "expected", "b-page.json"), "{\"id\":\"golden output, not news\"}");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static InputOptions Ingest => new() { ExpandSources = true, Extensions = InputOptions.SourceExtensions };

    [Fact]
    public void A_directory_walk_skips_json_that_is_not_a_feed()
    {
        var docs = new InputResolver(Ingest).Resolve([_dir]).ToList();
        Assert.Equal([Path.Combine(_dir, "b-page.html")], docs.Select(d => d.Id));
    }

    [Fact]
    public void Naming_a_json_file_that_is_not_a_feed_is_a_clear_failure()
    {
        var path = Path.Combine(_dir, "expected", "b-page.json");
        var doc = new Wirescope.Pipeline.PipelineBuilder().Build().Process(new InputResolver(Ingest).Resolve([path]).Single());
        Assert.Equal(ErrorCodes.InputUnreadable, doc.Error?.Code);
        Assert.Contains("not a JSON Feed", doc.Error!.Message);
    }
}
