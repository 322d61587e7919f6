using BenchmarkDotNet.Running;
using Wirescope.Bench;
using Wirescope.Language;

// BenchmarkDotNet entry: `dotnet run -c Release --project bench/Wirescope.Bench -- --filter '*'`.
// `-- phases DIR [rounds]`: one thread's time per extraction phase (ExtractionPhases).
// `-- language-cpu [CONLLU] [MODELS] [PARSER]`: the language layer's tokens per CPU-second (LanguageCpu; PARSER a `--parser` value).
// `-- language-load [MODELS]`: wall and CPU time of each model file's load, and the heap after (LanguageCpu.Load).
if (args is ["phases", var dir, ..])
    return ExtractionPhases.Run(dir, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2);
if (args is ["language-cpu", ..])
{
    var shared = Environment.GetEnvironmentVariable("WIRESCOPE_SHARED") ?? "../shared";
    var conllu = args.Length > 1 ? args[1] : Path.Combine(shared, "datasets/language/ud-gum/en_gum-ud-dev.conllu");
    var models = args.Length > 2 ? LanguageModels.Load(args[2]) : LanguageModels.Default;
    LanguageCpu.Run(conllu, args.Length > 3 ? models.WithParsers(ParserModes.Of(args[3])) : models);
    return 0;
}
if (args is ["language-load", ..])
{
    LanguageCpu.Load(args.Length > 1 ? args[1] : LanguageModels.FindDirectory() ?? "models");
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
