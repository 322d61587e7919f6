using Lingua;

namespace Wirescope.Extraction.Metadata;

/// <summary>
/// Checks a page's declared language against its text with Lingua. The detector is built once,
/// lazily, over a fixed set of news languages (building it over all 75 loads every model and
/// takes seconds), and is thread-safe once built.
/// </summary>
public static class LanguageIdentifier
{
    /// <summary>Characters of body text given to the detector: enough for a verdict, cheap.</summary>
    public const int SampleChars = 600;

    /// <summary>The languages Wirescope tells apart: the news wires' and the dev sets' languages.</summary>
    public static readonly Language[] Languages =
    [
        Language.English, Language.German, Language.French, Language.Spanish, Language.Italian, Language.Portuguese,
        Language.Dutch, Language.Polish, Language.Russian, Language.Ukrainian, Language.Czech, Language.Swedish,
        Language.Turkish, Language.Arabic, Language.Persian, Language.Chinese, Language.Japanese, Language.Korean,
    ];

    private static readonly Lazy<LanguageDetector> Detector = new(
        () => LanguageDetectorBuilder.FromLanguages(Languages).WithLowAccuracyMode().Build(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>ISO 639-1 code of <paramref name="text"/>'s language, or null when unsure or too short.</summary>
    public static string? Detect(string text)
    {
        if (text.Length < 40) return null;
        var sample = text.Length > SampleChars ? text[..SampleChars] : text;
        var lang = Detector.Value.DetectLanguageOf(sample);
        return lang == Language.Unknown ? null : lang.IsoCode6391().ToString().ToLowerInvariant();
    }
}
