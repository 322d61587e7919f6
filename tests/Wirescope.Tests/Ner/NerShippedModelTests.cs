using Wirescope.Documents;
using Wirescope.Language.Ner;
using Xunit;

namespace Wirescope.Tests.Ner;

/// <summary>Accuracy floors of the shipped models/ner.bin, so a bad retrain fails CI.</summary>
public class NerShippedModelTests
{
    [Fact]
    public void The_model_was_trained_with_the_shipped_gazetteer()
    {
        // Gazetteer rows are features: after editing a table, retrain (wirescope train ner).
        Assert.Equal(Gazetteer.Shared.Sha256, NerModelStore.Shared.TrainedGazetteerSha256);
    }

    /// <summary>
    /// Exact-span, exact-type micro F1 on 131 GUM news/interview sentences that are in the
    /// training data (so this measures fit: a loader or training bug drops it far below).
    /// Measured 2026-11-28: 0.903 (the gazetteer pass adds demonyms GUM leaves untagged); 0.836
    /// since "X of the Y Party" is split into a person and a party as OntoNotes does (GUM keeps the
    /// phrase as one person, 7 times in this fixture); the floor leaves room for an equally good
    /// retrain and still fails a loader or training bug.
    /// </summary>
    [Fact]
    public void Fit_on_the_gum_news_fixture_stays_above_the_floor()
    {
        var gold = NerConllu.ReadFile(NerTestDocs.FixturePath("gum-news-excerpt.conllu"));
        int goldCount = 0, predCount = 0, match = 0;
        foreach (var (g, predicted) in NerTestDocs.GoldAndPredicted(gold))
        {
            var p = predicted.Where(x => x.Type is not ("DATE" or "MONEY")).ToHashSet();
            goldCount += g.Count; predCount += p.Count; match += g.Count(p.Contains);
        }
        var f1 = 2.0 * match / (goldCount + predCount);
        Assert.True(goldCount > 150, $"fixture has {goldCount} spans");
        Assert.True(f1 >= 0.82, $"F1 {f1:F3} (gold {goldCount}, predicted {predCount}, matched {match})");
    }

    /// <summary>
    /// Recall of the entities in hand-written news sentences (not training data). Measured
    /// 2026-11-28: 140/141 (PERSON 32/32), precision 140/145. The gazetteers were written
    /// with these sentences in view, so this guards behaviour rather than measuring it.
    /// </summary>
    [Fact]
    public void Hand_written_news_sentences_find_most_expected_entities()
    {
        int expected = 0, found = 0, personExpected = 0, personFound = 0;
        var misses = new List<string>();
        foreach (var line in File.ReadLines(NerTestDocs.FixturePath("news_cases.tsv")))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var cols = line.Split('\t');
            var doc = NerTestDocs.FromWords(cols[0]);
            NerTestDocs.Shipped.Annotate(doc, new NerScratch());
            var got = NerTestDocs.Mentions(doc);
            foreach (var e in cols[1].Split(" ; "))
            {
                expected++;
                var ok = got.Contains(e);
                if (ok) found++; else misses.Add($"{e} in: {cols[0]} => {string.Join(", ", got)}");
                if (e.StartsWith("PERSON:", StringComparison.Ordinal)) { personExpected++; if (ok) personFound++; }
            }
        }
        var recall = (double)found / expected;
        Assert.True(recall >= 0.9, $"recall {recall:F3} ({found}/{expected}); misses:\n{string.Join("\n", misses)}");
        Assert.True((double)personFound / personExpected >= 0.9, $"PERSON recall {personFound}/{personExpected}; misses:\n{string.Join("\n", misses)}");
    }

    [Fact]
    public void Analyses_a_news_paragraph_into_entities()
    {
        var doc = NerTestDocs.FromWords("North Korean leader Kim Jong Un met Russian President Vladimir Putin in Vladivostok . " +
                                        "Putin said Kim needed security guarantees , TASS reported .");
        NerTestDocs.Shipped.Annotate(doc, new NerScratch());
        var putin = doc.Entities.Single(e => e.Name == "Vladimir Putin");
        Assert.Equal("PERSON", putin.Type);
        Assert.Equal(2, putin.Mentions.Count);
        Assert.Equal("PERSON", doc.Entities.Single(e => e.Name == "Kim Jong Un").Type);
        Assert.Contains(doc.Entities, e => e is { Type: "GPE", Name: "Vladivostok" });
        Assert.Contains(doc.Entities, e => e is { Type: "ORG", Name: "TASS" });
    }
}
