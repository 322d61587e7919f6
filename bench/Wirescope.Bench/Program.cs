using BenchmarkDotNet.Running;
using Wirescope.Language;

// BenchmarkDotNet entry: `dotnet run -c Release --project bench/Wirescope.Bench -- --filter '*'`;
// `-- language-cpu [CONLLU] [MODELS]` prints the language layer's tokens per CPU-second.
if (args is ["language-cpu", ..])
{
    var shared = Environment.GetEnvironmentVariable("WIRESCOPE_SHARED") ?? "../shared";
    var conllu = args.Length > 1 ? args[1] : Path.Combine(shared, "datasets/language/ud-gum/en_gum-ud-dev.conllu");
    Wirescope.Bench.LanguageCpu.Run(conllu, args.Length > 2 ? LanguageModels.Load(args[2]) : LanguageModels.Default);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
