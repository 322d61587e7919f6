using Wirescope.Tables;

namespace Wirescope.Extraction.Html;

/// <summary>What an element means to the extractor (tags.tsv's role column).</summary>
public enum TagRole : byte { Inline, Block, Heading, Item, Quote, Pre, Row, Cell, Caption, Break, Boiler, Skip, Head }

public readonly record struct TagInfo(TagRole Role, short Weight);

/// <summary>tags.tsv, frozen: local name → role and container weight.</summary>
public sealed class TagTable
{
    private readonly Dictionary<string, TagInfo> _tags;

    private TagTable(Dictionary<string, TagInfo> tags) => _tags = tags;

    public static TagTable Load(string resource = "extraction/tags.tsv")
    {
        var map = new Dictionary<string, TagInfo>(StringComparer.Ordinal);
        foreach (var row in TsvTable.ReadResource(resource, 4, 3))
        {
            var tag = row[0].ToLowerInvariant();
            TsvTable.AddUnique(map, tag, new TagInfo(TsvTable.Enum<TagRole>(row, 1), (short)TsvTable.Int(row, 2)), row);
        }
        return new TagTable(map);
    }

    public TagInfo Get(string localName) => _tags.TryGetValue(localName, out var info) ? info : default;
}
