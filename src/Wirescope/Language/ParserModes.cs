namespace Wirescope.Language;

/// <summary>
/// How the language layer parses (`--parser`; <see cref="LanguageModels.WithParsers"/>).
/// The figures behind each mode and the shipped choice are in models/MODELS.md.
/// </summary>
public static class ParserModes
{
    /// <summary>As loaded: <see cref="Shipped"/>.</summary>
    public const int Default = 0;
    /// <summary>The first perceptron parser alone (fastest).</summary>
    public const int Fast = 1;
    /// <summary>The three voted perceptron parsers, no neural parser.</summary>
    public const int Vote = -1;
    /// <summary>The BiLSTM + biaffine parser alone.</summary>
    public const int Neural = -2;
    /// <summary>The neural arc log-probabilities plus the first perceptron parser's vote.</summary>
    public const int NeuralFirst = -3;
    /// <summary>The neural arc log-probabilities plus the votes of the three perceptron parsers (most accurate, slowest).</summary>
    public const int NeuralVote = -4;

    /// <summary>The mode the shipped models load in.</summary>
    public const int Shipped = Neural;

    /// <summary>
    /// Weight of the neural log-probabilities against one perceptron vote in the combined
    /// modes (GUM dev, tried 0.5 / 1 / 2 / 4: with the first parser 1 is best, with all three 2).
    /// </summary>
    public static double NeuralWeight(int mode) => mode == NeuralVote ? 2.0 : 1.0;

    public static readonly string[] Names = ["neural", "vote", "fast", "neural-first", "neural-vote"];

    /// <summary>The mode of a `--parser` value (unknown or null: <see cref="Default"/>).</summary>
    public static int Of(string? name) => name switch
    {
        "fast" => Fast,
        "vote" => Vote,
        "neural" => Neural,
        "neural-first" => NeuralFirst,
        "neural-vote" => NeuralVote,
        _ => Default,
    };
}
