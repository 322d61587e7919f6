using System.CommandLine;
using Wirescope.Language;

namespace Wirescope.Cli;

/// <summary>
/// `--parser neural|vote|fast|neural-first|neural-vote`: how the language layer parses
/// (<see cref="ParserModes"/>). `neural` (default) is the BiLSTM + biaffine parser; `vote` the
/// three perceptron parsers, `fast` their first alone; the combined modes add the neural
/// scores to the perceptron votes (most accurate, slower). Figures: models/MODELS.md.
/// </summary>
public static class ParserOption
{
    public static Option<string> Create()
    {
        var o = new Option<string>("--parser") { Description = "neural (BiLSTM + biaffine, the default) | vote (three perceptron parsers) | fast (the first perceptron parser alone, fastest) | neural-first / neural-vote (neural scores plus the first / all three perceptron votes: most accurate, slower)", DefaultValueFactory = _ => ParserModes.Names[0] };
        o.AcceptOnlyFromAmong(ParserModes.Names);
        return o;
    }

    /// <summary>The <see cref="ParserModes"/> value of the option (the shipped mode: the models as loaded).</summary>
    public static ParserMode Mode(string? value) => ParserModes.Of(value) is var mode && mode == ParserModes.Shipped ? ParserMode.AsLoaded : mode;
}
