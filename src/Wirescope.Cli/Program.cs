using System.CommandLine;
using Wirescope.Cli;

// The `wirescope` command: each verb is built in its own file; this only adds them.
var root = new RootCommand("Wirescope reads the news the way an analyst does: article, entities, quotes, events.");
root.Subcommands.Add(AnalyzeCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
return await root.Parse(args).InvokeAsync();
