namespace Wirescope.Language;

/// <summary>
/// How the language layer parses (`--parser`; <see cref="LanguageModels.WithParsers"/>).
/// The figures behind each mode and the shipped choice are in models/MODELS.md.
/// </summary>
public enum ParserMode
{
    /// <summary>The models as loaded (<see cref="ParserModes.Shipped"/> for the shipped ones).</summary>
    AsLoaded,
    /// <summary>The first perceptron parser alone (fastest).</summary>
    Fast,
    /// <summary>The three voted perceptron parsers, no neural parser.</summary>
    Vote,
    /// <summary>The BiLSTM + biaffine parser alone.</summary>
    Neural,
    /// <summary>The neural arc log-probabilities plus the first perceptron parser's vote.</summary>
    NeuralFirst,
    /// <summary>The neural arc log-probabilities plus the votes of the three perceptron parsers (most accurate, slowest).</summary>
    NeuralVote,
}

/// <summary>The `--parser` names of the <see cref="ParserMode"/>s and the shipped choice.</summary>
public static class ParserModes
{
    /// <summary>The mode the shipped models load in.</summary>
    public const ParserMode Shipped = ParserMode.Neural;

    /// <summary>
    /// Weight of the neural log-probabilities against one perceptron vote in the combined
    /// modes (GUM dev, tried 0.5 / 1 / 2 / 4: with the first parser 1 is best, with all three 2).
    /// </summary>
    public static double NeuralWeight(ParserMode mode) => mode == ParserMode.NeuralVote ? 2.0 : 1.0;

    public static readonly string[] Names = ["neural", "vote", "fast", "neural-first", "neural-vote"];

    /// <summary>The mode of a `--parser` value (unknown or null: <see cref="ParserMode.AsLoaded"/>).</summary>
    public static ParserMode Of(string? name) => name switch
    {
        "fast" => ParserMode.Fast,
        "vote" => ParserMode.Vote,
        "neural" => ParserMode.Neural,
        "neural-first" => ParserMode.NeuralFirst,
        "neural-vote" => ParserMode.NeuralVote,
        _ => ParserMode.AsLoaded,
    };
}
