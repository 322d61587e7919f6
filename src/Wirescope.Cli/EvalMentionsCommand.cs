using System.CommandLine;
using System.Diagnostics;
using Wirescope.Actors.Coreference;
using Wirescope.Actors.Coreference.Evaluation;
using Wirescope.Language;
using Wirescope.Language.Conllu;
using Wirescope.Language.Ner;

namespace Wirescope.Cli;

/// <summary>
/// <c>wirescope eval mentions --data UD-GUM.conllu</c>: tags and parses the gold words with the
/// shipped models, runs the NER and the coreference pass per document, and scores pronoun and
/// nominal links against GUM's gold coreference (<see cref="MentionEvaluation"/>).
/// </summary>
public static class EvalMentionsCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "UD GUM CoNLL-U with Entity= in MISC (ud-gum/en_gum-ud-dev.conllu; train-open.conllu for tuning)", Required = true };
        var goldParse = new Option<bool>("--gold-parse") { Description = "Use the file's tags, lemmas and parse instead of predicting them (an upper bound)" };
        var errors = new Option<string?>("--errors") { Description = "Write wrong and missed links (TSV) to this file" };
        var prefix = new Option<string?>("--docs") { Description = "Only documents whose id starts with this (e.g. GUM_news_)" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Threads for tagging and parsing", DefaultValueFactory = _ => Environment.ProcessorCount };
        var cmd = new Command("mentions", "Score nominal and pronoun links to named entities against GUM's gold coreference");
        foreach (var o in new Option[] { data, goldParse, errors, prefix, jobs }) cmd.Options.Add(o);
        cmd.SetAction(parse =>
        {
            var path = parse.GetValue(data)!;
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"wirescope: --data: no such file '{path}'");
                return ExitCodes.Usage;
            }
            var clock = Stopwatch.StartNew();
            List<(string Id, List<ConlluSentence> Sentences)> documents;
            try
            {
                documents = ConlluDocuments.Group(ConlluReader.ReadFile(path)).ToList();
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"wirescope: {e.Message}");
                return ExitCodes.Usage;
            }
            if (parse.GetValue(prefix) is { Length: > 0 } p) documents = documents.Where(d => d.Id.StartsWith(p, StringComparison.Ordinal)).ToList();
            // Gold mentions first: the annotator overwrites the columns their heads are read from.
            var gold = documents.Select(d => GumCoreference.Read(d.Sentences)).ToList();
            if (!parse.GetValue(goldParse))
            {
                var annotator = new ConlluAnnotator(LanguageModels.Default, Math.Max(1, parse.GetValue(jobs)));
                foreach (var _ in annotator.Annotate(documents.SelectMany(d => d.Sentences))) { }
            }
            var ner = new NerAnnotator(NerModelStore.Shared, DateMoneyRules.Shared);
            var scratch = new NerScratch();
            var coref = Coreferencer.Shared;
            var eval = new MentionEvaluation(MentionTables.Shared) { KeepErrors = parse.GetValue(errors) is not null };
            var corefTime = new Stopwatch();
            long tokens = 0;
            for (var k = 0; k < documents.Count; k++)
            {
                var doc = ParsedConlluDocument.Build(documents[k].Id, documents[k].Sentences);
                ner.Annotate(doc, scratch);
                corefTime.Start();
                coref.Resolve(doc);
                corefTime.Stop();
                tokens += doc.Tokens.Count;
                eval.Add(doc, gold[k]);
            }
            Console.WriteLine($"{documents.Count} documents, {tokens:N0} words ({(parse.GetValue(goldParse) ? "gold" : "predicted")} tags and parse, predicted names) in {clock.Elapsed.TotalSeconds:F1} s; coreference {corefTime.Elapsed.TotalMilliseconds:F0} ms");
            Console.WriteLine($"pronoun links: {eval.Pronouns}");
            Console.WriteLine($"nominal links: {eval.Nominals}");
            foreach (var (rule, (n, ok)) in eval.Rules)
                Console.WriteLine($"  {rule,-22} {ok,5}/{n,-5} {(n == 0 ? 0 : 100.0 * ok / n),5:F1}%");
            if (parse.GetValue(errors) is { } errorPath) File.WriteAllLines(errorPath, eval.Errors);
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
