namespace Wirescope.Language;

/// <summary>
/// Where the shared treebanks are, and which of them may train a shipped model. The shared
/// folder is $WIRESCOPE_SHARED, else <c>../shared</c> beside the repository root.
/// </summary>
public static class LanguageData
{
    /// <summary>
    /// Open training sets (datasets/language/README.md): GUM's open genres, UD EWT train and
    /// EWT dev (allowed; GUM dev and EWT test stay unseen for measuring).
    /// </summary>
    public static readonly string[] DefaultTraining =
    [
        "datasets/language/ud-gum/train-open.conllu",
        "datasets/language/ud-ewt/en_ewt-ud-train.conllu",
        "datasets/language/ud-ewt/en_ewt-ud-dev.conllu",
    ];

    /// <summary>
    /// Files that must never train a shipped model: GUM dev/test and GUM's full train (it holds
    /// the NC genres). Training refuses them by name, so a typo cannot leak them into models/.
    /// </summary>
    private static readonly string[] MeasureOnly = ["en_gum-ud-train.conllu", "en_gum-ud-dev.conllu", "en_gum-ud-test.conllu", "en_ewt-ud-test.conllu"];

    public static bool IsMeasureOnly(string path)
    {
        var name = Path.GetFileName(path);
        if (MeasureOnly.Contains(name, StringComparer.OrdinalIgnoreCase)) return true;
        var dir = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)) ?? "");
        return dir == "gum-ner" && name is "dev.conllu" or "test.conllu";
    }

    public static string SharedRoot()
    {
        var env = Environment.GetEnvironmentVariable("WIRESCOPE_SHARED");
        if (!string.IsNullOrEmpty(env)) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Wirescope.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
        return Path.GetFullPath(Path.Combine("..", "shared"));
    }

    public static string Shared(string relative) => Path.Combine(SharedRoot(), relative);
}
