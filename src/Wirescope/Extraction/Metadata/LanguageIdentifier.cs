using Lingua;

namespace Wirescope.Extraction.Metadata;

/// <summary>
/// Checks a page's declared language against its text with Lingua. The detector is built once,
/// lazily, over a fixed set of news languages (building it over all 75 loads every model and
/// takes seconds), and is thread-safe once built.
/// </summary>
public static class LanguageIdentifier
{
    /// <summary>
    /// Characters of body text for the first look. Lingua's cost grows with the text (about
    /// 2.6 ms per 200 characters over 18 languages, measured over the 990 trafilatura-eval
    /// pages), so a short sample decides and a longer one confirms only a disagreement.
    /// </summary>
    public const int SampleChars = 160;
    public const int ConfirmChars = 480;

    /// <summary>The languages Wirescope tells apart: the news wires' and the dev sets' languages.</summary>
    public static readonly Lingua.Language[] Languages =
    [
        Lingua.Language.English, Lingua.Language.German, Lingua.Language.French, Lingua.Language.Spanish, Lingua.Language.Italian, Lingua.Language.Portuguese,
        Lingua.Language.Dutch, Lingua.Language.Polish, Lingua.Language.Russian, Lingua.Language.Ukrainian, Lingua.Language.Czech, Lingua.Language.Swedish,
        Lingua.Language.Turkish, Lingua.Language.Arabic, Lingua.Language.Persian, Lingua.Language.Chinese, Lingua.Language.Japanese, Lingua.Language.Korean,
    ];

    private static readonly Lazy<LanguageDetector> Detector = new(
        () => LanguageDetectorBuilder.FromLanguages(Languages).WithLowAccuracyMode().Build(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>ISO 639-1 code of <paramref name="text"/>'s language, or null when unsure or too short.</summary>
    public static string? Detect(string text) => Detect(text, SampleChars);

    /// <summary>
    /// Checks a declared primary subtag against the text: returns the declared code when the
    /// text agrees (or is too short to say), else the detected language, confirmed on a longer
    /// sample. A clear function-word verdict settles agreement or an undeclared page alone;
    /// Lingua (5–10 ms a call here) is asked only when that verdict is missing or disagrees.
    /// </summary>
    public static string? Check(string? declared, string text, LanguageQuickCheck quick, out bool disagrees)
    {
        disagrees = false;
        // The cheap opinion first: when it agrees with the declaration, Lingua is not needed.
        var cheap = quick.Guess(text.Length > ConfirmChars * 2 ? text[..(ConfirmChars * 2)] : text, declared);
        if (cheap is not null && (cheap == declared || declared is null)) return cheap;
        var first = Detect(text, SampleChars);
        if (first is null || first == declared) return declared ?? first;
        var sure = text.Length > SampleChars ? Detect(text, ConfirmChars) : first;
        if (sure is null || sure == declared) return declared ?? sure;
        disagrees = declared is not null;
        return sure;
    }

    private static string? Detect(string text, int chars)
    {
        if (text.Length < 40) return null;
        var sample = text.Length > chars ? text[..chars] : text;
        var lang = Detector.Value.DetectLanguageOf(sample);
        return lang == Lingua.Language.Unknown ? null : lang.IsoCode6391().ToString().ToLowerInvariant();
    }
}
