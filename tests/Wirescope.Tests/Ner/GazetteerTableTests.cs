using Wirescope.Language.Ner;
using Wirescope.Tables;
using Xunit;

namespace Wirescope.Tests.Ner;

public class GazetteerTableTests
{
    private static void Load(string table, int columns, string text)
    {
        var rows = TsvTable.Read(new StringReader(text), table, columns, columns);
        new GazetteerBuilder().Add(table, rows);
    }

    [Theory]
    [InlineData("countries.tsv", 6, "# header\nRUS\tRussia\tRussian\tRussians\tMoscow\n", "countries.tsv:2: expected 6 tab-separated columns, found 5")]
    [InlineData("countries.tsv", 6, "RUS\tRussia\tRussian\tRussians\tMoscow\t-\nRU\tRuritania\t-\t-\t-\t-\n", "countries.tsv:2: 'RU' is not an ISO 3166-1 alpha-3 code")]
    [InlineData("countries.tsv", 6, "RUS\tRussia\t\tRussians\tMoscow\t-\n", "countries.tsv:1: column 3 is empty (a degenerate row would match everything)")]
    [InlineData("organizations.tsv", 4, "TASS\tMED\tRUS\t-\nArnor Herald\tPAPER\t-\t-\n", "organizations.tsv:2: unknown sector 'PAPER'")]
    [InlineData("organizations.tsv", 4, "\n# c\nTASS\tMED\tRUS\t-\nTASS\tMED\tRUS\tITAR-TASS\n", "organizations.tsv:4: duplicate name 'TASS'")]
    [InlineData("places.tsv", 4, "Gondor\tKINGDOM\t-\t-\n", "places.tsv:1: unknown place type 'KINGDOM' (GPE, LOC, FAC, EVENT)")]
    [InlineData("titles.tsv", 2, "Steward\tfeudal\n", "titles.tsv:1: unknown title kind 'feudal'")]
    [InlineData("groups.tsv", 3, "Dunedain\tkindred\t-\n", "groups.tsv:1: unknown group kind 'kindred' (religion, ethnic, political)")]
    [InlineData("name_words.tsv", 2, "Grey Havens\tLOC\n", "name_words.tsv:1: a name word is one word")]
    [InlineData("name_words.tsv", 2, "Havens\tPORT\n", "name_words.tsv:1: unknown name-word type 'PORT' (ORG, LOC, FAC, GPE, EVENT, LINK)")]
    public void Bad_rows_are_rejected_with_file_and_line(string table, int columns, string text, string expected)
    {
        var e = Assert.Throws<TableException>(() => Load(table, columns, text));
        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void Aliases_map_to_their_canonical_name_and_demonyms_are_norp()
    {
        var b = new GazetteerBuilder();
        b.Add("countries.tsv", TsvTable.Read(new StringReader("GDR\tGondor\tGondorian\tGondorians\tMinas Tirith\tSouth-kingdom|The Gondor\n"), "countries.tsv", 6, 6));
        var g = b.Build("test");
        Assert.Equal(GazetteerClass.Gpe, g.Lookup("Gondor"));
        Assert.Equal(GazetteerClass.Gpe, g.Lookup("minas tirith"));
        Assert.Equal(GazetteerClass.Norp, g.Lookup("Gondorians"));
        Assert.Equal(GazetteerClass.None, g.Lookup("Mordor"));
        // Hyphenated names are also found split the way GUM tokenizes them.
        Assert.Equal(GazetteerClass.Gpe, g.Lookup("South - kingdom"));
        Assert.True(g.TryCanonical(Gazetteer.KeyOf(["The", "Gondor"]), out var name));
        Assert.Equal("Gondor", name);
    }

    [Theory]
    [InlineData("Russia", GazetteerClass.Gpe)]
    [InlineData("Pyongyang", GazetteerClass.Gpe)]
    [InlineData("North Koreans", GazetteerClass.Norp)]
    [InlineData("KCNA", GazetteerClass.Org)]
    [InlineData("Yonhap", GazetteerClass.Org)]
    [InlineData("United Nations", GazetteerClass.Org)]
    [InlineData("Middle East", GazetteerClass.Loc)]
    [InlineData("Gen.", GazetteerClass.Title)]
    [InlineData("Kim Jong Un", GazetteerClass.Person)]
    [InlineData("Ministry", GazetteerClass.OrgWord)]
    [InlineData("Democratic People 's Republic of Korea", GazetteerClass.Gpe)]
    [InlineData("Democratic People's Republic of Korea", GazetteerClass.Gpe)]
    [InlineData("al-Shabaab", GazetteerClass.Org)]
    [InlineData("bin", GazetteerClass.NameLink)]
    public void Shipped_tables_load_and_know_the_news_staples(string phrase, GazetteerClass expected)
    {
        Assert.True(Gazetteer.Shared.Lookup(phrase).HasFlag(expected), $"{phrase}: {Gazetteer.Shared.Lookup(phrase)}");
    }

    [Theory]
    [InlineData("Sunni")]
    [InlineData("Kurds")]
    [InlineData("Rohingya")]
    [InlineData("Maoists")]
    public void Groups_are_norp_after_the_model_but_no_model_feature(string phrase)
    {
        Assert.Equal(GazetteerClass.Norp, Gazetteer.Shared.LookupAfterModel(phrase));
        Assert.Equal(GazetteerClass.None, Gazetteer.Shared.Lookup(phrase));
    }
}
