using Wirescope.Language.Conllu;
using Xunit;

namespace Wirescope.Tests.Language;

public class ConlluTests
{
    [Fact]
    public void Fixture_round_trips_byte_for_byte()
    {
        var original = File.ReadAllText(LanguageTestData.Fixture("gum-dev-open.conllu"));
        var w = new StringWriter();
        foreach (var s in ConlluReader.Read(new StringReader(original))) ConlluWriter.Write(w, s);
        Assert.Equal(original, w.ToString());
    }

    [Fact]
    public void Multiword_tokens_and_misc_are_kept()
    {
        const string text = "# text = I don't.\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\tSpaceAfter=No\n3\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n";
        var s = ConlluReader.Read(new StringReader(text)).Single();
        Assert.Equal(3, s.Words.Count);
        Assert.Equal((0, 1, "don't"), s.MultiwordTokens().Single());
        Assert.Equal("No", s.Words[1].MiscValue("SpaceAfter"));
        s.Words[1].SetMisc("NER", "O");
        Assert.Equal("SpaceAfter=No|NER=O", s.Words[1].Misc);
        var w = new StringWriter();
        ConlluWriter.Write(w, s);
        Assert.Contains("1-2\tdon't", w.ToString());
    }

    [Fact]
    public void Malformed_line_names_its_line()
    {
        var ex = Assert.Throws<FormatException>(() => ConlluReader.Read(new StringReader("# x\n1\tbad\n\n"), "t.conllu").ToList());
        Assert.Contains("t.conllu:2", ex.Message);
    }
}
