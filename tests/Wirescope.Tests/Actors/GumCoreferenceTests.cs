using Wirescope.Actors.Coreference;
using Wirescope.Actors.Coreference.Evaluation;
using Wirescope.Documents;
using Wirescope.Language.Conllu;
using Xunit;

namespace Wirescope.Tests.Actors;

/// <summary>The gold reader of GUM's Entity= brackets and the link scorer, on a made-up sentence.</summary>
public class GumCoreferenceTests
{
    // "Putin said the president and he agreed ." — Putin, "the president" and "he" are one entity (1).
    private const string Conllu =
        "# newdoc id = GUM_news_test\n" +
        "1\tPutin\tPutin\tPROPN\tNNP\t_\t2\tnsubj\t_\tEntity=(1-person-new-sssss-cf1-1-coref)\n" +
        "2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
        "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\tEntity=(1-person-giv:act-sssss-cf1-2-coref\n" +
        "4\tpresident\tpresident\tNOUN\tNN\t_\t7\tnsubj\t_\tEntity=1)\n" +
        "5\tand\tand\tCCONJ\tCC\t_\t6\tcc\t_\t_\n" +
        "6\the\the\tPRON\tPRP\t_\t4\tconj\t_\tEntity=(1-person-giv:act-sssss-cf1-1-coref)\n" +
        "7\tagreed\tagree\tVERB\tVBD\t_\t2\tccomp\t_\tEntity=(2-event-new-sssss-cf1-1-sgl)|SpaceAfter=No\n" +
        "8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

    [Fact]
    public void Brackets_give_mentions_with_heads_kinds_and_clusters()
    {
        var sentences = ConlluReader.Read(new StringReader(Conllu)).ToList();
        var gold = GumCoreference.Read(sentences);
        Assert.Equal(4, gold.Count);
        var byHead = gold.ToDictionary(g => g.Head);
        Assert.True(byHead[0].Named);
        Assert.Equal(GoldKind.Nominal, byHead[3].Kind);
        Assert.Equal((2, 3), (byHead[3].First, byHead[3].Last));
        Assert.Equal(GoldKind.Pronoun, byHead[5].Kind);
        Assert.Equal(byHead[0].Cluster, byHead[5].Cluster);
        Assert.NotEqual(byHead[0].Cluster, byHead[6].Cluster);
    }

    [Fact]
    public void A_link_to_the_entity_holding_the_name_is_right_and_a_missing_one_is_missed()
    {
        var sentences = ConlluReader.Read(new StringReader(Conllu)).ToList();
        var gold = GumCoreference.Read(sentences);
        var doc = ParsedConlluDocument.Build("GUM_news_test", sentences);
        var putin = new Entity { Id = "E1", Type = "PERSON", Name = "Putin" };
        putin.Mentions.Add(new Mention(0, 5, "Putin", MentionKind.Name, 0, 1, "ner.model"));
        var he = doc.Tokens[5];
        putin.Mentions.Add(new Mention(he.Start, he.End, "he", MentionKind.Pronoun, 5, 1, CorefRules.Pronoun));
        doc.Entities.Add(putin);
        var eval = new MentionEvaluation(MentionTables.Shared);
        eval.Add(doc, gold);
        Assert.Equal((1, 1, 1, 1), (eval.Pronouns.Predicted, eval.Pronouns.Correct, eval.Pronouns.Gold, eval.Pronouns.Found));
        Assert.Equal((0, 1, 0), (eval.Nominals.Predicted, eval.Nominals.Gold, eval.Nominals.Found));
    }
}
