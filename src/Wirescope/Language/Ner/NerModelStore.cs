namespace Wirescope.Language.Ner;

/// <summary>
/// Finds and loads the shipped NER model once per process (lazily, thread-safe), so every
/// pipeline and thread shares one copy. The file is models/ner.bin at the repository root:
/// WIRESCOPE_MODELS names the models folder, else the folders above the program and the
/// current folder are searched for models/ner.bin.
/// </summary>
public static class NerModelStore
{
    public const string FileName = "ner.bin";

    private static readonly Lazy<NerModel> s_shared = new(() =>
    {
        var path = Locate() ?? throw new FileNotFoundException(
            $"NER model not found: set WIRESCOPE_MODELS to the folder holding {FileName}, or run `wirescope train ner`");
        return NerModel.Load(path, Gazetteer.Shared);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The shipped model (throws FileNotFoundException when it cannot be found).</summary>
    public static NerModel Shared => s_shared.Value;

    /// <summary>The path of the shipped model, or null.</summary>
    public static string? Locate() => Models.ModelLocator.Find(FileName);
}
