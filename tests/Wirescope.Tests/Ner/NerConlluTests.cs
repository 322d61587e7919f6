using Wirescope.Language.Conllu;
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
    public void Annotator_sets_one_ner_key_per_word_and_keeps_every_other_line()
    {
        var sentences = ConlluReader.Read(new StringReader(Sample)).ToList();
        var ner = new NerConlluAnnotator(NerTestDocs.Shipped);
        foreach (var (id, doc) in ConlluDocuments.Group(sentences)) ner.Annotate(id, doc);
        var output = new StringWriter();
        foreach (var x in sentences) ConlluWriter.Write(output, x);
        var lines = output.ToString().Split('\n');
        Assert.Equal(Sample.Split('\n').Length, lines.Length);
        Assert.Contains("1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_", lines);
        var words = sentences.SelectMany(x => x.Words).ToList();
        Assert.All(words, w => Assert.Single(w.Misc.Split('|'), k => k.StartsWith("NER=", StringComparison.Ordinal)));
        Assert.Equal("No", words[2].MiscValue("SpaceAfter"));
        Assert.Equal("B-PERSON", words[2].MiscValue("NER"));
        Assert.Equal(5, ner.Words);
    }

    /// <summary>Sentence i's "# newdoc" marks (1) and the expected document ids of the groups.</summary>
    [Theory]
    [InlineData("1 0 0 1 0", 50, "d0:3 d3:2")]
    [InlineData("0 0 0 0 0", 2, "doc1:2 doc2:2 doc3:1")]
    [InlineData("0 0 1 0 0", 50, "doc1:2 d2:3")]
    [InlineData("1 0 0 0 0", 50, "d0:4 d0/2:1")]
    public void Documents_start_at_newdoc_and_unmarked_sentences_are_chunked(string marks, int unmarked, string expected)
    {
        var sentences = marks.Split(' ').Select((m, i) =>
        {
            var s = new ConlluSentence();
            if (m == "1") s.Comments.Add($"# newdoc id = d{i}");
            s.Words.Add(new ConlluWord { Form = "w" });
            return s;
        });
        var groups = ConlluDocuments.Group(sentences, unmarked, max: 4);
        Assert.Equal(expected, string.Join(' ', groups.Select(g => $"{g.Id}:{g.Sentences.Count}")));
    }

    [Fact]
    public void A_marked_document_longer_than_the_cap_is_cut_into_parts()
    {
        var sentences = Enumerable.Range(0, 5).Select(i =>
        {
            var s = new ConlluSentence();
            if (i == 0) s.Comments.Add("# newdoc id = big");
            s.Words.Add(new ConlluWord { Form = "w" });
            return s;
        });
        Assert.Equal(["big", "big/2", "big/3"], ConlluDocuments.Group(sentences, 50, max: 2).Select(g => g.Id));
    }

    [Fact]
    public void A_short_line_is_a_format_error_with_file_and_line()
    {
        var e = Assert.Throws<FormatException>(() => NerConllu.Read(new StringReader("# c\n1\tx\n"), "bad.conllu"));
        Assert.StartsWith("bad.conllu:2:", e.Message);
    }
}
