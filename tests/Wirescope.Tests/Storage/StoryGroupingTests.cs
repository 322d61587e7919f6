using Wirescope.Documents;
using Wirescope.Storage;
using Wirescope.Storage.Sqlite;
using Xunit;

namespace Wirescope.Tests.Storage;

public class StoryGroupingTests
{
    /// <summary>A made-up story of <paramref name="words"/> words from a fixed vocabulary.</summary>
    private static List<string> Story(int seed, int words = 220)
    {
        var rng = new Random(seed);
        var vocab = Enumerable.Range(0, 600).Select(i => "w" + i.ToString("x", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return Enumerable.Range(0, words).Select(_ => vocab[rng.Next(vocab.Length)]).ToList();
    }

    /// <summary>A syndicated copy: a few words edited, a site's own sentence added, the ending trimmed.</summary>
    private static string Copy(List<string> story, int seed, double edits = 0.02)
    {
        var rng = new Random(seed);
        var words = story.Take(story.Count - 10).Select(w => rng.NextDouble() < edits ? "edit" + rng.Next(1000) : w).ToList();
        return $"Site {seed} reports: " + string.Join(' ', words) + ". Follow us for more.";
    }

    private static Document[] Corpus()
    {
        var a = Story(1);
        var b = Story(2);
        return
        [
            TestDocs.Article("a1", Copy(a, 11), "https://one.example/a"),
            TestDocs.Article("b1", Copy(b, 21), "https://one.example/b"),
            TestDocs.Article("a2", Copy(a, 12), "https://two.example/a"),
            TestDocs.Article("c1", string.Join(' ', Story(3)), "https://two.example/c"),
            TestDocs.Article("a3", Copy(a, 13), "https://three.example/a"),
            TestDocs.Article("b2", Copy(b, 22), "https://three.example/b"),
        ];
    }

    /// <summary>The grouping as sets of input ids, independent of the ids the store gave.</summary>
    private static HashSet<string> Groups(IEnumerable<Document> docs)
    {
        using var tmp = new TestDocs.TempDb();
        using var store = SqliteStore.Open(tmp.Path);
        var outcomes = TestDocs.Write(store, docs.ToArray());
        Assert.All(outcomes, o => Assert.Equal(IngestStatus.Added, o.Status));
        // Stories may merge after an article was written: read the final story of each.
        var finalStory = store.Records(new ArticleFilter { Limit = 0 }).ToDictionary(r => r.Id, r => r.Story);
        return outcomes.GroupBy(o => finalStory[o.ArticleId!.Value])
            .Select(g => string.Join(",", g.Select(o => o.Input).Order(StringComparer.Ordinal)))
            .ToHashSet();
    }

    [Fact]
    public void Syndicated_copies_share_a_story_and_keep_their_own_records()
    {
        var groups = Groups(Corpus());
        Assert.Equal(new HashSet<string> { "a1,a2,a3", "b1,b2", "c1" }, groups);
    }

    [Fact]
    public void The_grouping_does_not_depend_on_input_order()
    {
        var docs = Corpus();
        var expected = Groups(docs);
        var rng = new Random(7);
        for (int i = 0; i < 3; i++)
        {
            var shuffled = docs.OrderBy(_ => rng.Next()).ToArray();
            Assert.Equal(expected, Groups(shuffled));
        }
    }

    [Fact]
    public void Similarity_estimates_are_close_to_the_shingle_jaccard()
    {
        var story = Story(5);
        var same = MinHasher.Shared.Signature(string.Join(' ', story))!;
        Assert.Equal(1.0, MinHasher.Similarity(same, MinHasher.Shared.Signature(string.Join(' ', story))!));
        Assert.True(MinHasher.Similarity(same, MinHasher.Shared.Signature(Copy(story, 1))!) >= MinHasher.SameStoryThreshold);
        Assert.True(MinHasher.Similarity(same, MinHasher.Shared.Signature(string.Join(' ', Story(6)))!) < 0.1);
        Assert.Null(MinHasher.Shared.Signature(" ... "));
    }

    /// <summary>
    /// Stored signatures must keep matching new ones, so the hash must not change with the code
    /// that computes it (the vectorized minimum, one normalization pass for hash and MinHash).
    /// The values come from an independent Python transcription of the documented scheme
    /// (FNV-1a words, SplitMix64 shingles of 5, multiply-shift per position).
    /// </summary>
    [Fact]
    public void Signatures_are_stable_across_versions()
    {
        var sig = MinHasher.Shared.Signature("The quick brown fox jumps over the lazy dog, again and again: 42 times!")!;
        Assert.Equal(new uint[] { 1727790911, 360764876, 8830640, 1214497749, 45989558, 304324345 }, sig[..6]);
        uint sum = 0;
        foreach (var v in sig) sum += v;
        Assert.Equal(4283594374u, sum);
    }
}
