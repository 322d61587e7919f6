using System.Diagnostics;
using Spectre.Console;
using Wirescope.Storage;
using Wirescope.Storage.Ingest;

namespace Wirescope.Cli;

/// <summary>
/// Ingest progress on stderr: a live Spectre.Console bar with rate and ETA when stderr is a
/// terminal (indeterminate when the number of inputs is not known up front: feeds, WARC),
/// plain lines every few seconds otherwise, nothing with --quiet.
/// </summary>
internal sealed class IngestProgress : IIngestProgress
{
    /// <summary>Seconds between plain progress lines.</summary>
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(5);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _lines;
    private int _added, _duplicates, _failed;
    private TimeSpan _lastLine;
    private ProgressTask? _task;
    private Func<long>? _bytesRead;

    private IngestProgress(bool lines) => _lines = lines;

    public int Done => _added + _duplicates + _failed;

    /// <summary>Runs <paramref name="body"/> with progress shown in the chosen way. The bar counts
    /// inputs when <paramref name="total"/> is known, else archive bytes when <paramref name="totalBytes"/>
    /// is (WARC files), else it only shows counts and rate.</summary>
    public static T Show<T>(string mode, int? total, long? totalBytes, Func<long> bytesRead, Func<IIngestProgress?, T> body)
    {
        if (mode == "none") return body(null);
        bool terminal = !Console.IsErrorRedirected;
        if (mode == "lines" || (mode == "auto" && !terminal)) return body(new IngestProgress(lines: true));
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        bool known = total is not null || totalBytes is > 0;
        ProgressColumn[] columns = known
            ? [new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn()]
            : [new TaskDescriptionColumn(), new SpinnerColumn(), new ElapsedTimeColumn()];
        console.Progress()
            .AutoClear(false)
            .Columns(columns)
            .Start(ctx =>
            {
                var progress = new IngestProgress(lines: false)
                {
                    _task = ctx.AddTask("ingest", maxValue: total ?? totalBytes ?? 1),
                    _bytesRead = total is null && totalBytes is > 0 ? bytesRead : null,
                };
                if (!known) progress._task.IsIndeterminate = true;
                result = body(progress);
                progress._task.Value = progress._task.MaxValue;
                progress._task.StopTask();
            });
        return result;
    }

    public void Report(IngestOutcome outcome)
    {
        switch (outcome.Status)
        {
            case IngestStatus.Added: _added++; break;
            case IngestStatus.Duplicate: _duplicates++; break;
            default: _failed++; break;
        }
        var rate = Done / Math.Max(0.001, _clock.Elapsed.TotalSeconds);
        if (_task is not null)
        {
            if (_bytesRead is not null) _task.Value = Math.Min(_task.MaxValue, _bytesRead());
            else if (!_task.IsIndeterminate) _task.Increment(1);
            _task.Description = $"{Done} in · {_added} added · {_duplicates} dup · {_failed} failed · {rate:0}/s";
        }
        else if (_lines && _clock.Elapsed - _lastLine >= LineInterval)
        {
            _lastLine = _clock.Elapsed;
            Console.Error.WriteLine($"wirescope ingest: {Done} inputs, {_added} added, {_duplicates} duplicate, {_failed} failed, {rate:0.0}/s");
        }
    }
}
