using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Wirescope.Documents;
using Wirescope.Language;
using Wirescope.Language.Conllu;
using Wirescope.Language.Tokenization;

namespace Wirescope.Bench;

/// <summary>
/// The language layer on one core: tokenizer + splitter alone, and the whole stage
/// (tokens, sentences, tags, lemmas, parse) over ~5,000 words of news, interview, bio and
/// travel text (the GUM dev excerpt the tests use). Tokens/s = tokens per op / mean time;
/// the op's token count is printed once at setup.
/// Run: <c>dotnet run -c Release --project bench/Wirescope.Bench -- --filter '*LanguageBench*'</c>.
/// </summary>
[MemoryDiagnoser]
public class LanguageBench
{
    private string _text = "";
    private Article _article = new();
    private LanguageStage _stage = null!;

    [GlobalSetup]
    public void Setup()
    {
        var paragraphs = new List<string>();
        foreach (var s in ConlluReader.ReadFile(FixturePath()))
            if (s.Text is { } t) paragraphs.Add(t);
        // Group sentences into paragraphs of five, as an article would be.
        var text = string.Join("\n\n", paragraphs.Chunk(5).Select(c => string.Join(' ', c)));
        _text = text;
        _article = Extraction.ExtractionStage.VerbatimArticle(new RawPage { Text = text, Format = "jsonl" });
        _stage = new LanguageStage(LanguageModels.Default);
        var doc = Run();
        Console.WriteLine($"// {doc.Tokens.Count} tokens, {doc.Sentences.Count} sentences per op");
    }

    private static string FixturePath([CallerFilePath] string here = "")
    {
        const string rel = "tests/Wirescope.Tests/Language/Fixtures/gum-dev-open.conllu";
        var direct = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here) ?? ".", "..", "..", rel));
        if (File.Exists(direct)) return direct;
        // Source paths mapped away (deterministic build): walk up from the working directory.
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, rel))) return Path.Combine(dir.FullName, rel);
        throw new FileNotFoundException(rel);
    }

    [Benchmark]
    public int TokenizeAndSplit()
    {
        var doc = new Document("bench", new InputInfo("bench", null, "text")) { Article = _article };
        _stage.Tokenize(_text, _article, doc);
        return doc.Sentences.Count;
    }

    [Benchmark]
    public int FullLanguageStage() => Run().Tokens.Count;

    private Document Run()
    {
        var doc = new Document("bench", new InputInfo("bench", null, "text")) { Article = _article };
        _stage.Run(doc, CancellationToken.None);
        return doc;
    }
}
