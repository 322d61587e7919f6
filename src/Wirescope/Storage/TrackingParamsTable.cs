using Wirescope.Tables;

namespace Wirescope.Storage;

/// <summary>Loads Resources/storage/tracking_params.tsv (name, note); a bad row stops startup with file:line.</summary>
public static class TrackingParamsTable
{
    public const string Resource = "storage/tracking_params.tsv";

    public static IReadOnlyList<string> Load()
    {
        using var reader = new StreamReader(TsvTable.Open(Resource));
        return Parse(reader, Resource);
    }

    public static IReadOnlyList<string> Parse(TextReader reader, string file)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in TsvTable.Read(reader, file, columns: 2, requiredColumns: 2))
        {
            // A bare "*" would strip every query parameter, including ones that name the article.
            if (row[0] == "*") throw row.Error("expected 'name<TAB>note' with a non-empty name other than '*'");
            if (!seen.Add(row[0])) throw row.Error($"duplicate parameter '{row[0]}'");
            names.Add(row[0]);
        }
        return names;
    }
}
