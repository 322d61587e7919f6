using System.CommandLine;
using System.Text;
using Wirescope.Documents;
using Wirescope.Language;
using Wirescope.Language.Conllu;
using Wirescope.Language.Ner;
using Wirescope.Pipeline;

namespace Wirescope.Cli;

/// <summary>
/// <c>wirescope annotate --from conllu|text FILE</c>: the language layer as CoNLL-U on stdout
/// (DESIGN.md). From CoNLL-U the given sentences and words are kept; from text the tokenizer
/// and sentence splitter make them.
/// </summary>
public static class AnnotateCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Input file (- for stdin)" };
        var from = new Option<string>("--from") { Description = "conllu|text", DefaultValueFactory = _ => "conllu" };
        from.AcceptOnlyFromAmong("conllu", "text");
        var jobs = new Option<int>("--jobs", "-j") { Description = "Worker threads (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var beam = new Option<int>("--beam") { Description = "Parser beam width (default: the model's; 1 = greedy, fastest)", DefaultValueFactory = _ => 0 };
        var cmd = new Command("annotate", "Tag, lemmatise and parse CoNLL-U or raw text; CoNLL-U to stdout");
        cmd.Arguments.Add(file);
        cmd.Options.Add(from);
        cmd.Options.Add(jobs);
        cmd.Options.Add(beam);
        var parser = ParserOption.Create();
        cmd.Options.Add(parser);
        cmd.SetAction(p =>
        {
            var path = p.GetValue(file)!;
            if (path != "-" && !File.Exists(path)) return AnalyzeCommand.Usage($"no such file {path}");
            if (LanguageModels.TryDefault(out var modelError) is not { } loaded)
            {
                Console.Error.WriteLine($"wirescope: language models: {modelError}");
                return ExitCodes.NothingRead;
            }
            var models = loaded.WithBeam(p.GetValue(beam)).WithParsers(ParserOption.Mode(p.GetValue(parser)));
            using var input = path == "-" ? new StreamReader(Console.OpenStandardInput()) : new StreamReader(path);
            using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
            if (p.GetValue(from) == "conllu")
            {
                // Tags and parse per sentence (parallel); NER per document, for its consistency.
                var annotator = new ConlluAnnotator(models, p.GetValue(jobs));
                var ner = new NerConlluAnnotator(Ner.Value);
                foreach (var (id, doc) in ConlluDocuments.Group(annotator.Annotate(ConlluReader.Read(input, path))))
                {
                    ner.Annotate(id, doc);
                    foreach (var s in doc) ConlluWriter.Write(output, s);
                }
            }
            else
            {
                // Blocks of paragraphs are independent documents: analysed in parallel, written in order.
                var stage = new LanguageStage(models);
                int sentenceId = 0;
                var docs = Blocks(input.ReadToEnd()).AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Max(1, p.GetValue(jobs)))
                    .Select(text =>
                    {
                        var doc = new Document(path, new InputInfo("file", path, "text"));
                        doc.Article = Extraction.ExtractionStage.VerbatimArticle(new RawPage { Text = text, Format = "text" });
                        stage.Run(doc, CancellationToken.None);
                        foreach (var after in AfterLanguage()) after.Run(doc, CancellationToken.None);
                        return doc;
                    });
                foreach (var doc in docs)
                    foreach (var s in ConlluAnnotator.FromDocument(doc, sentenceId))
                    {
                        sentenceId++;
                        ConlluWriter.Write(output, s);
                    }
            }
            return 0;
        });
        return cmd;
    }

    /// <summary>The shipped NER, loaded on first use (once per process).</summary>
    private static readonly Lazy<NerAnnotator> Ner = new(() => new NerAnnotator(NerModelStore.Shared, DateMoneyRules.Shared));

    /// <summary>Stages run after the language stage for <c>--from text</c>.</summary>
    private static IStage[] AfterLanguage() => [new NerStage(Ner.Value)];

    /// <summary>Cuts raw text at blank lines into blocks of about <paramref name="chars"/> characters.</summary>
    internal static IEnumerable<string> Blocks(string text, int chars = 1 << 16)
    {
        int start = 0;
        while (start < text.Length)
        {
            int end = Math.Min(text.Length, start + chars);
            if (end < text.Length)
            {
                int cut = text.IndexOf("\n\n", end, StringComparison.Ordinal);
                end = cut < 0 ? text.Length : cut + 2;
            }
            yield return text[start..end];
            start = end;
        }
    }
}
