using System.CommandLine;
using Wirescope.Pipeline;

namespace Wirescope.Cli;

/// <summary>The per-document caps and the parser choice shared by analyze and ingest.</summary>
public sealed class LimitOptions
{
    private readonly Option<long> _maxBytes = new("--max-bytes") { Description = "Largest page read, in bytes", DefaultValueFactory = _ => new PipelineOptions().MaxInputBytes };
    private readonly Option<int> _maxDepth = new("--max-depth") { Description = "Deepest HTML nesting walked", DefaultValueFactory = _ => new PipelineOptions().MaxDepth };
    private readonly Option<double> _timeout = new("--timeout") { Description = "Seconds allowed per document", DefaultValueFactory = _ => new PipelineOptions().MaxTimePerDocument.TotalSeconds };

    private readonly Option<string> _parser = ParserOption.Create();

    public void AddTo(Command cmd)
    {
        cmd.Options.Add(_parser);
        cmd.Options.Add(_maxBytes);
        cmd.Options.Add(_maxDepth);
        cmd.Options.Add(_timeout);
    }

    public PipelineOptions Pipeline(ParseResult parse) => new()
    {
        MaxInputBytes = Math.Max(1, parse.GetValue(_maxBytes)),
        MaxDepth = Math.Max(8, parse.GetValue(_maxDepth)),
        MaxTimePerDocument = TimeSpan.FromSeconds(Math.Max(0.1, parse.GetValue(_timeout))),
        Parser = ParserOption.Mode(parse.GetValue(_parser)),
    };
}
