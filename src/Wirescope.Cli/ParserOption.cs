using System.CommandLine;

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
        var o = new Option<string>("--parser") { Description = "vote (three parsers, most accurate) | fast (the first parser alone, ~2.5x faster language layer)", DefaultValueFactory = _ => "vote" };
        o.AcceptOnlyFromAmong("vote", "fast");
        return o;
    }

    /// <summary>Parsers of the vote to run for a value of the option (0: all).</summary>
    public static int Parsers(string? value) => value == "fast" ? 1 : 0;
}
