using System.Reflection;

namespace Wirescope.Storage;

/// <summary>Loads Resources/storage/tracking_params.tsv; a bad row stops startup with file:line.</summary>
public static class TrackingParamsTable
{
    public const string ResourceName = "Wirescope.Resources.storage/tracking_params.tsv";

    public static IReadOnlyList<string> Load()
    {
        using var s = typeof(TrackingParamsTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? FindResource(typeof(TrackingParamsTable).Assembly)
            ?? throw new InvalidOperationException($"missing embedded resource {ResourceName}");
        return Parse(new StreamReader(s), "tracking_params.tsv");
    }

    public static IReadOnlyList<string> Parse(TextReader reader, string file)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cols = line.Split('\t');
            var name = cols[0].Trim();
            if (cols.Length != 2 || name.Length == 0 || name == "*")
                throw new FormatException($"{file}:{lineNo}: expected 'name<TAB>note' with a non-empty name");
            if (!seen.Add(name)) throw new FormatException($"{file}:{lineNo}: duplicate parameter '{name}'");
            names.Add(name);
        }
        return names;
    }

    private static Stream? FindResource(Assembly asm)
    {
        // Resource names join folders with '.' or '/' depending on the SDK; match the ending.
        var name = asm.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("tracking_params.tsv", StringComparison.Ordinal));
        return name is null ? null : asm.GetManifestResourceStream(name);
    }
}
