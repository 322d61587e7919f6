using BenchmarkDotNet.Running;
using Wirescope.Bench;

// BenchmarkDotNet entry: `dotnet run -c Release --project bench/Wirescope.Bench -- --filter '*'`.
// `-- phases DIR [rounds]`: one thread's time per extraction phase (ExtractionPhases).
if (args is ["phases", var dir, ..])
    return ExtractionPhases.Run(dir, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
