using System.CommandLine;
using Wirescope.Cli;
using Xunit;

namespace Wirescope.Tests.Extraction;

/// <summary>DESIGN.md's exit codes through the real analyze verb, in process.</summary>
public class CliExitCodeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wirescope-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private int Analyze(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(AnalyzeCommand.Create());
        var output = Path.Combine(_dir, "out.jsonl");
        return root.Parse(["analyze", .. args, "--layers", "article", "--jobs", "1", "--output", output]).Invoke();
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private const string Page = "<html><body><article><p>The harbour bridge reopened to traffic on Monday after eight months of repairs, the council said.</p></article></body></html>";

    [Fact]
    public void All_documents_analysed_exits_0() => Assert.Equal(0, Analyze(Write("a.html", Page)));

    [Fact]
    public void Some_documents_failed_exits_1() => Assert.Equal(1, Analyze(Write("a.html", Page), Write("b.html", "")));

    [Fact]
    public void Nothing_readable_exits_3() => Assert.Equal(3, Analyze(Write("b.html", ""), Path.Combine(_dir, "missing.html")));

    [Fact]
    public void Bad_usage_exits_2()
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(AnalyzeCommand.Create());
        Assert.Equal(2, root.Parse(["analyze", Write("a.html", Page), "--layers", "nonsense", "--output", Path.Combine(_dir, "o")]).Invoke());
    }
}
