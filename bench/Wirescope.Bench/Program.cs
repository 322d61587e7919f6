using BenchmarkDotNet.Running;

// BenchmarkDotNet entry: `dotnet run -c Release --project bench/Wirescope.Bench -- --filter '*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
