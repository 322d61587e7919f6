using BenchmarkDotNet.Attributes;
using Wirescope.Documents;
using Wirescope.Storage;
using Wirescope.Storage.Sqlite;

namespace Wirescope.Bench;

/// <summary>
/// Store writes: prepared articles (~700 words, as news runs) committed by the single writer in
/// batches, into a fresh SQLite file. Articles/s = <see cref="Articles"/> / mean time.
/// `dotnet run -c Release --project bench/Wirescope.Bench -- --filter '*StoreBench*'`
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class StoreBench
{
    public const int Articles = 1000;

    [Params(1, 64)]
    public int Batch { get; set; }

    /// <summary>article: the article layer only; all: with entities, a quote and an event each.</summary>
    [Params("article", "all")]
    public string Layers { get; set; } = "article";

    private List<PreparedDocument> _docs = new();
    private string _path = "";
    private SqliteStore? _store;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        var vocab = Enumerable.Range(0, 5000).Select(i => "word" + i).ToArray();
        _docs = Enumerable.Range(0, Articles).Select(i =>
        {
            var text = "Kim Jong Un met Vladimir Putin. " + string.Join(' ', Enumerable.Range(0, 700).Select(_ => vocab[rng.Next(vocab.Length)]));
            var doc = new Document($"d{i}", new InputInfo("url", $"https://bench.example/{i}", "html")) { Done = Documents.Layers.Article };
            doc.Article = new Article { Title = $"Story {i}", Url = $"https://bench.example/{i}", Text = text, Site = "bench", Published = new PartialDate(2019, 4, 1 + i % 28) };
            if (Layers == "all") AddLayers(doc);
            return PreparedDocument.From(doc);
        }).ToList();
    }

    private static void AddLayers(Document doc)
    {
        doc.Done |= Documents.Layers.Language | Documents.Layers.Entities | Documents.Layers.Actors | Documents.Layers.Quotes | Documents.Layers.Events;
        var kim = new Entity { Id = "E1", Type = "PERSON", Name = "Kim Jong Un", Actor = new Actor("PRK", "GOV") };
        kim.Mentions.Add(new Mention(0, 11, "Kim Jong Un", MentionKind.Name));
        var putin = new Entity { Id = "E2", Type = "PERSON", Name = "Vladimir Putin", Actor = new Actor("RUS", "GOV") };
        putin.Mentions.Add(new Mention(16, 30, "Vladimir Putin", MentionKind.Name));
        doc.Entities.AddRange([kim, putin]);
        var q = new Quote { Text = "met Vladimir Putin", Start = 12, End = 30, Kind = "direct", Speaker = new QuoteSpeaker("E1", "Kim Jong Un", 0, 11) };
        q.Via.Add(new QuoteRelay(null, "KCNA"));
        doc.Quotes.Add(q);
        doc.Events.Add(new Event { Type = "CONSULT", Source = new EventActor("E1", "Kim Jong Un", "PRK", "GOV"),
            Target = new EventActor("E2", "Vladimir Putin", "RUS", "GOV"), Date = new EventDate("2019-04-25", "day", "text"), Trigger = new EventSpan(12, 15, "met") });
    }

    [IterationSetup]
    public void Open()
    {
        _path = Path.Combine(Path.GetTempPath(), $"wirescope-bench-{Guid.NewGuid():N}.db");
        _store = SqliteStore.Open(_path);
    }

    [Benchmark]
    public int Write()
    {
        int added = 0;
        for (int i = 0; i < _docs.Count; i += Batch)
            added += _store!.Write(_docs.GetRange(i, Math.Min(Batch, _docs.Count - i))).Count(o => o.Status == IngestStatus.Added);
        return added;
    }

    [IterationCleanup]
    public void Close()
    {
        _store?.Dispose();
        foreach (var s in new[] { "", "-wal", "-shm" }) File.Delete(_path + s);
    }
}

/// <summary>What the writer thread does not do: hashing, MinHash and JSON per article (runs on the pool).</summary>
[MemoryDiagnoser]
public class StorePrepareBench
{
    private Document _doc = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        var text = string.Join(' ', Enumerable.Range(0, 700).Select(_ => "word" + rng.Next(5000)));
        _doc = new Document("d", new InputInfo("url", "https://bench.example/1", "html")) { Done = Documents.Layers.Article };
        _doc.Article = new Article { Title = "T", Url = "https://bench.example/1", Text = text };
    }

    [Benchmark]
    public PreparedDocument Prepare() => PreparedDocument.From(_doc);
}
