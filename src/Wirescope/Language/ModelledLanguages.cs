namespace Wirescope.Language;

/// <summary>
/// Which article languages the trained models speak. The tagger, parser and NER model are
/// trained on English treebanks only: run on German or French they tag "Der Stadtrat" or
/// "Wir" as people, which is worse than no answer. Such articles get tokens and sentences
/// (the tokenizer and splitter are script-aware, not English-bound) and a warning instead.
/// An article with no language (clean text given through --input-format jsonl, a page whose
/// language could not be told) is taken as English, the language the caller is most likely
/// to mean.
/// </summary>
public static class ModelledLanguages
{
    /// <summary>Primary subtags the shipped models are trained for.</summary>
    private static readonly string[] Primary = ["en"];

    public static bool IsModelled(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return true;
        var span = language.AsSpan().Trim();
        int cut = span.IndexOfAny('-', '_');
        var primary = cut < 0 ? span : span[..cut];
        foreach (var p in Primary)
            if (primary.Equals(p, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
