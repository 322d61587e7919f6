using Wirescope.Tables;
using Xunit;

namespace Wirescope.Tests.Tables;

public class EmbeddedResourcesTests
{
    [Theory]
    [InlineData("extraction/class_words.tsv")]
    [InlineData("language/abbreviations.tsv")]
    [InlineData("ner/countries.tsv")]
    [InlineData("storage/tracking_params.tsv")]
    public void Every_layer_table_opens_by_its_folder_path(string path)
    {
        using var s = EmbeddedResources.TryOpen(path);
        Assert.NotNull(s);
        Assert.True(s!.ReadByte() >= 0);
    }

    [Fact]
    public void A_missing_table_is_null_and_a_load_error_names_it()
    {
        Assert.Null(EmbeddedResources.TryOpen("ner/no_such_table.tsv"));
        var e = Assert.Throws<TableException>(() => TsvTable.Open("ner/no_such_table.tsv"));
        Assert.Contains("ner/no_such_table.tsv", e.Message);
    }

    [Fact]
    public void Migrations_are_listed_in_order_with_folder_paths()
    {
        var list = EmbeddedResources.List("storage/migrations");
        Assert.True(list.Count >= 2);
        Assert.All(list, p => Assert.StartsWith("storage/migrations/", p));
        Assert.Equal(list.Order(StringComparer.Ordinal), list);
        Assert.StartsWith("storage/migrations/001_", list[0]);
    }
}
