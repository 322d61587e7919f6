namespace Wirescope.Storage;

/// <summary>Loads Resources/storage/tracking_params.tsv; a bad row stops startup with file:line.</summary>
public static class TrackingParamsTable
{
    public static IReadOnlyList<string> Load()
    {
        using var s = Tables.EmbeddedResources.TryOpen("storage/tracking_params.tsv")
            ?? throw new InvalidOperationException("missing embedded resource storage/tracking_params.tsv");
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

}
