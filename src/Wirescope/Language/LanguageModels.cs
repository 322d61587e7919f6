using Wirescope.Language.Lemmas;
using Wirescope.Language.Models;
using Wirescope.Language.Morphology;
using Wirescope.Language.Parsing;
using Wirescope.Language.Parsing.Neural;
using Wirescope.Language.Tagging;

namespace Wirescope.Language;

/// <summary>
/// The shipped tagger, lemmatizer and parser, loaded once per process on first use and shared
/// by all threads (they are read-only). Found in $WIRESCOPE_MODELS, else in the first
/// <c>models/</c> folder above the running assembly (the repository's, for the launcher,
/// the tests and the benchmarks).
/// </summary>
public sealed class LanguageModels
{
    public const string TaggerFile = "tagger.bin.br";
    public const string LemmatizerFile = "lemmatizer.bin.br";
    public const string ParserFile = "parser.bin.br";
    public const string FeatsFile = "feats.bin.br";
    public const string NeuralParserFile = "neural-parser.bin.br";

    private static readonly Lazy<LanguageModels> Shared = new(() => Load(FindDirectory()
        ?? throw new FileNotFoundException($"no models folder with {TaggerFile} found (set WIRESCOPE_MODELS)")), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The process-wide models (loaded on first access).</summary>
    public static LanguageModels Default => Shared.Value;

    /// <summary>The process-wide models, or null with the reason (missing or corrupt files) for a command to report.</summary>
    public static LanguageModels? TryDefault(out string? error)
    {
        try
        {
            error = null;
            return Shared.Value;
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or EndOfStreamException or IOException)
        {
            error = e.Message;
            return null;
        }
    }

    public Tagger Tagger { get; }
    public Lemmatizer Lemmatizer { get; }
    public ParserEnsemble Parser { get; }
    /// <summary>The FEATS predictor; null: FEATS are not predicted ("_").</summary>
    public FeatsModel? Feats { get; }

    /// <summary>Per tagger class: the hash the parser reads as the word's tag.</summary>
    internal ulong[] TagHashes { get; }

    /// <summary>The neural parser loaded with the models (null: none), whether or not <see cref="Parser"/> uses it.</summary>
    public NeuralParser? Neural { get; }

    /// <summary>
    /// Every perceptron parser of the model file, for the modes that vote them; loaded on first
    /// use when the models were loaded with the first alone (<see cref="Load"/>).
    /// </summary>
    private readonly Lazy<ParserEnsemble> _allPerceptrons;

    public LanguageModels(Tagger tagger, Lemmatizer lemmatizer, ParserEnsemble parser, NeuralParser? neural = null, FeatsModel? feats = null)
        : this(tagger, lemmatizer, parser, neural, feats, null)
    {
    }

    private LanguageModels(Tagger tagger, Lemmatizer lemmatizer, ParserEnsemble parser, NeuralParser? neural, FeatsModel? feats, Lazy<ParserEnsemble>? allPerceptrons)
    {
        Tagger = tagger;
        Lemmatizer = lemmatizer;
        Parser = parser;
        Feats = feats;
        Neural = neural ?? parser.Neural;
        _allPerceptrons = allPerceptrons ?? new Lazy<ParserEnsemble>(() => parser.WithNeural(null, 0));
        TagHashes = Enumerable.Range(0, tagger.Classes).Select(c => FeatureHash.Of(TagName(tagger.Upos[c], tagger.Xpos[c]))).ToArray();
    }

    /// <summary>The tag string both the tagger's classes and the parser's training use.</summary>
    public static string TagName(string upos, string xpos) => upos + "\t" + xpos;

    /// <summary>These models with the parser decoding at another beam width.</summary>
    public LanguageModels WithBeam(int beamWidth) => beamWidth <= 0 || beamWidth == Parser.BeamWidth ? this
        : new(Tagger, Lemmatizer, Parser.WithBeam(beamWidth), Neural, Feats, new Lazy<ParserEnsemble>(() => _allPerceptrons.Value.WithBeam(beamWidth)));

    /// <summary>
    /// These models parsing in another way (<see cref="ParserMode"/>; AsLoaded: as they are). A
    /// neural mode without a neural model keeps the perceptron parsers.
    /// </summary>
    public LanguageModels WithParsers(ParserMode mode)
    {
        // The first perceptron alone needs no more of the file than was loaded.
        var first = Parser.WithNeural(null, 0).WithMembers(1);
        ParserEnsemble? parser = mode switch
        {
            ParserMode.Fast => Parser.Members.Length > 1 || Parser.Neural is not null ? first : null,
            ParserMode.Vote => _allPerceptrons.Value,
            ParserMode.Neural when Neural is not null => first.WithNeural(Neural, double.PositiveInfinity),
            ParserMode.NeuralFirst when Neural is not null => first.WithNeural(Neural, ParserModes.NeuralWeight(mode)),
            ParserMode.NeuralVote when Neural is not null => _allPerceptrons.Value.WithNeural(Neural, ParserModes.NeuralWeight(mode)),
            _ => null,
        };
        return parser is null ? this : new(Tagger, Lemmatizer, parser, Neural, Feats, _allPerceptrons);
    }

    /// <summary>Whether a mode reads only the first perceptron parser (then the others need not be loaded).</summary>
    private static bool FirstParserOnly(ParserMode mode) => mode is ParserMode.Fast or ParserMode.Neural or ParserMode.NeuralFirst;

    /// <summary>Loads the three models in parallel (decompression dominates; two cores halve it).</summary>
    public static LanguageModels Load(string directory)
    {
        var tagger = Task.Run(() => Tagger.Load(Path.Combine(directory, TaggerFile)));
        var lemmatizer = Task.Run(() => Lemmatizer.Load(Path.Combine(directory, LemmatizerFile)));
        var feats = Task.Run(() => FeatsModel.Load(Path.Combine(directory, FeatsFile)));
        var neuralPath = Path.Combine(directory, NeuralParserFile);
        var neural = Task.Run(() => File.Exists(neuralPath) ? NeuralParser.Load(neuralPath) : null);
        var parserPath = Path.Combine(directory, ParserFile);
        var all = new Lazy<ParserEnsemble>(() => ParserEnsemble.Load(parserPath), LazyThreadSafetyMode.ExecutionAndPublication);
        // The shipped mode reads the first perceptron parser alone (sentences over 250 words):
        // the other two wait until a voting mode asks for them (0.17 CPU-s and 120 MB saved).
        var parser = FirstParserOnly(ParserModes.Shipped) ? ParserEnsemble.Load(parserPath, maxMembers: 1) : all.Value;
        var models = new LanguageModels(tagger.GetAwaiter().GetResult(), lemmatizer.GetAwaiter().GetResult(), parser, neural.GetAwaiter().GetResult(), feats.GetAwaiter().GetResult(), all);
        return models.WithParsers(ParserModes.Shipped);
    }

    public static string? FindDirectory() =>
        ModelLocator.Find(TaggerFile) is { } tagger ? Path.GetDirectoryName(tagger) : null;
}
