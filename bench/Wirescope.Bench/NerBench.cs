using BenchmarkDotNet.Attributes;
using Wirescope.Documents;
using Wirescope.Language.Ner;

namespace Wirescope.Bench;

/// <summary>
/// NER throughput on the GUM news/interview test fixture (131 sentences, 4 documents, with
/// gold tokens and sentences): the whole stage (model, gazetteer pass, consistency,
/// DATE/MONEY rules, Token.Ner, entities) and the model alone. Words per second =
/// <see cref="Words"/> / mean time. Run:
/// <c>dotnet run -c Release --project bench/Wirescope.Bench -- --filter '*NerBench*'</c>
/// </summary>
[MemoryDiagnoser]
public class NerBench
{
    private Document[] _docs = [];
    private NerAnnotator _full = null!;
    private NerAnnotator _modelOnly = null!;
    private readonly NerScratch _scratch = new();

    /// <summary>Words per operation.</summary>
    public int Words { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var path = FindUp(Path.Combine("tests", "Wirescope.Tests", "Fixtures", "ner", "gum-news-excerpt.conllu"));
        var sentences = NerConllu.ReadFile(path);
        _docs = NerCorpusDocuments.Build(sentences).Select(d => d.Doc).ToArray();
        Words = _docs.Sum(d => d.Tokens.Count);
        _full = new NerAnnotator(NerModelStore.Shared, DateMoneyRules.Shared);
        _modelOnly = new NerAnnotator(NerModelStore.Shared, null, gazetteerPass: false);
        Console.WriteLine($"// NerBench: {Words} words per operation");
    }

    [Benchmark(Baseline = true)]
    public int Stage()
    {
        var entities = 0;
        foreach (var doc in _docs)
        {
            _full.Annotate(doc, _scratch);
            entities += doc.Entities.Count;
        }
        return entities;
    }

    [Benchmark]
    public int ModelSpansOnly()
    {
        var spans = 0;
        foreach (var doc in _docs)
        {
            _modelOnly.FindSpans(doc, _scratch);
            spans += _scratch.Spans.Count;
        }
        return spans;
    }

    private static string FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var p = Path.Combine(dir.FullName, relative);
            if (File.Exists(p)) return p;
        }
        throw new FileNotFoundException(relative);
    }
}
