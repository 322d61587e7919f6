using System.CommandLine;
using Wirescope.Language;

namespace Wirescope.Cli;

/// <summary>
/// `--parser vote|fast`: the shipped three-parser vote (default, most accurate) or its first
/// parser alone (GUM dev + GUM test + EWT test pooled UAS / LAS about 0.45 lower; the language
/// layer about 2.5x faster per token; see models/MODELS.md).
/// </summary>
public static class ParserOption
{
    public static Option<string> Create()
    {
        var o = new Option<string>("--parser") { Description = "neural (BiLSTM + biaffine, the default) | vote (three perceptron parsers) | fast (the first perceptron parser alone, fastest) | neural-first / neural-vote (neural scores plus the first / all three perceptron votes: most accurate, slower)", DefaultValueFactory = _ => ParserModes.Names[0] };
        o.AcceptOnlyFromAmong(ParserModes.Names);
        return o;
    }

    /// <summary>Parsers of the vote to run for a value of the option (0: all).</summary>
    public static int Parsers(string? value) => ParserModes.Of(value) is var mode && mode == ParserModes.Shipped ? ParserModes.Default : mode;
}
