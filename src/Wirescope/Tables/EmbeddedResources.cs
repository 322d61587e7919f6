namespace Wirescope.Tables;

/// <summary>
/// Opens the data files shipped under <c>src/Wirescope/Resources/</c> (tables, migrations).
/// The csproj names each resource by its folder path, whose separator is the build machine's
/// ('/' on Linux, '\\' on Windows); older SDKs use '.'. This is the one place that knows.
/// </summary>
public static class EmbeddedResources
{
    /// <summary>The resource at <paramref name="path"/> ("ner/countries.tsv"), or null.</summary>
    public static Stream? TryOpen(string path)
    {
        var asm = typeof(EmbeddedResources).Assembly;
        return asm.GetManifestResourceStream("Wirescope.Resources." + path)
            ?? asm.GetManifestResourceStream("Wirescope.Resources." + path.Replace('/', '\\'))
            ?? asm.GetManifestResourceStream("Wirescope.Resources." + path.Replace('/', '.'));
    }

    /// <summary>Every shipped resource path under <paramref name="folder"/> ("storage/migrations"), '/'-separated, sorted.</summary>
    public static IReadOnlyList<string> List(string folder)
    {
        var prefixes = new[] { "Wirescope.Resources." + folder + "/", "Wirescope.Resources." + folder.Replace('/', '\\') + "\\" };
        return typeof(EmbeddedResources).Assembly.GetManifestResourceNames()
            .Select(n => prefixes.FirstOrDefault(p => n.StartsWith(p, StringComparison.Ordinal)) is { } p ? folder + "/" + n[p.Length..].Replace('\\', '/') : null)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
