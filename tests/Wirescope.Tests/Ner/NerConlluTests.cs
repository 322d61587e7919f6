using Wirescope.Language.Ner;
using Xunit;

namespace Wirescope.Tests.Ner;

public class NerConlluTests
{
    private const string Sample =
        "# newdoc id = d1\n# sent_id = s1\n" +
        "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\tNER=O\n" +
        "2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_\n" +
        "2.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t1:conj\t_\n" +
        "3\tPutin\tPutin\tPROPN\tNNP\t_\t1\tobj\t_\tNER=B-PERSON|SpaceAfter=No\n" +
        "4\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\tSpaceAfter=No\n\n" +
        "# newdoc id = d2\n" +
        "1\tTASS\tTASS\tPROPN\tNNP\t_\t0\troot\t_\tNER=B-ORG\n\n";

    [Fact]
    public void Reads_words_tags_and_documents_skipping_ranges_and_empty_nodes()
    {
        var s = NerConllu.Read(new StringReader(Sample), "x.conllu");
        Assert.Equal(2, s.Count);
        Assert.Equal(["do", "n't", "Putin", "."], s[0].Forms);
        Assert.Equal(["O", "O", "B-PERSON", "O"], s[0].Tags);
        Assert.Equal([true, true, false, false], s[0].SpaceAfter);
        Assert.Equal(["d1", "d2"], s.Select(x => x.DocId));
    }

    [Fact]
    public void Rewrite_replaces_ner_in_misc_and_keeps_every_other_line()
    {
        var output = new StringWriter();
        NerConllu.Rewrite(new StringReader(Sample), [["O", "O", "I-GPE", "O"], ["O"]], output);
        var lines = output.ToString().Split('\n');
        Assert.Equal(Sample.Split('\n').Length, lines.Length);
        Assert.Contains("3\tPutin\tPutin\tPROPN\tNNP\t_\t1\tobj\t_\tNER=I-GPE|SpaceAfter=No", lines);
        Assert.Contains("2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\tNER=O", lines);
        Assert.Contains("1\tTASS\tTASS\tPROPN\tNNP\t_\t0\troot\t_\tNER=O", lines);
        Assert.Contains("1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_", lines);
    }

    [Fact]
    public void A_short_line_is_a_format_error_with_file_and_line()
    {
        var e = Assert.Throws<FormatException>(() => NerConllu.Read(new StringReader("# c\n1\tx\n"), "bad.conllu"));
        Assert.StartsWith("bad.conllu:2:", e.Message);
    }
}
