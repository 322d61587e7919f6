using System.CommandLine;
using Wirescope.Cli;

// The `wirescope` command: each verb is built in its own file; this only adds them.
var root = new RootCommand("Wirescope reads the news the way an analyst does: article, entities, quotes, events.");
root.Subcommands.Add(AnalyzeCommand.Create());
root.Subcommands.Add(AnnotateCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(SearchCommand.Create());
root.Subcommands.Add(StatsCommand.Create());
root.Subcommands.Add(QuotesCommand.Create());
root.Subcommands.Add(EventsCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(new Command("eval", "Score a layer with the shared scorers") { EvalUdCommand.Create(), EvalNerCommand.Create() });
return await root.Parse(args).InvokeAsync();
