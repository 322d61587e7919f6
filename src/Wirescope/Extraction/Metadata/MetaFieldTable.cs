using Wirescope.Tables;

namespace Wirescope.Extraction.Metadata;

/// <summary>meta_fields.tsv, frozen: for each article field, the meta keys in priority order.</summary>
public sealed class MetaFieldTable
{
    public static readonly string[] Fields = ["title", "author", "published", "modified", "site", "description", "image", "tags", "language"];

    private readonly Dictionary<string, string[]> _keys;

    private MetaFieldTable(Dictionary<string, string[]> keys) => _keys = keys;

    public static MetaFieldTable Load(string resource = "extraction/meta_fields.tsv")
    {
        var lists = Fields.ToDictionary(f => f, _ => new List<string>(), StringComparer.Ordinal);
        var seen = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var row in TsvTable.ReadResource(resource, 3, 2))
        {
            if (!lists.TryGetValue(row[0], out var list))
                throw new TableException(row.Where, $"unknown field '{row[0]}' (one of {string.Join(", ", Fields)})");
            var key = row[1].ToLowerInvariant();
            TsvTable.AddUnique(seen, row[0] + ":" + key, true, row);
            list.Add(key);
        }
        return new MetaFieldTable(lists.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>The meta keys for <paramref name="field"/>, best first.</summary>
    public IReadOnlyList<string> KeysFor(string field) => _keys[field];
}
