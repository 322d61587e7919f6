using System.Diagnostics;
using System.Threading.Channels;
using Wirescope.Pipeline;

namespace Wirescope.Storage.Ingest;

/// <summary>
/// The ingest pipeline: a bounded producer/consumer. Analysis runs on the pipeline's workers
/// (ordered), each finished document is prepared (hash, MinHash, JSON) on the thread that takes
/// it from the pipeline (otherwise idle, waiting for the next document; a thread-pool task per
/// document cost a task, a queue hop and a worker wake-up each, for ~0.1 ms of work), and
/// ONE writer commits them in batches (<see cref="IngestOptions.BatchSize"/> articles or
/// <see cref="IngestOptions.MaxBatchDelay"/>). Cancelling stops taking new documents; what is
/// already analysed is committed, so the next run resumes where this one stopped.
/// </summary>
public sealed class IngestRunner(IStore store, Pipeline.Pipeline pipeline, IngestOptions? options = null)
{
    private readonly IngestOptions _options = options ?? new IngestOptions();

    public IngestSummary Run(IEnumerable<PendingDocument> inputs, IIngestProgress? progress = null, CancellationToken ct = default)
    {
        var summary = new IngestSummary();
        var clock = Stopwatch.StartNew();
        var channel = Channel.CreateBounded<PreparedDocument>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        var writer = Task.Factory.StartNew(() => WriteLoop(channel, summary, progress),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            // The pipeline gets no token: documents already in flight finish, and we simply stop
            // taking more when asked to, which is "stop after the current article".
            foreach (var doc in pipeline.Run(inputs, CancellationToken.None))
            {
                var prepared = Prepare(doc);
                if (!channel.Writer.TryWrite(prepared) && !channel.Writer.WriteAsync(prepared).AsTask().Wait(Timeout.Infinite, CancellationToken.None)) break;
                if (ct.IsCancellationRequested)
                {
                    summary.Cancelled = true;
                    break;
                }
            }
        }
        catch (AggregateException e) when (e.InnerException is ChannelClosedException)
        {
            // The writer failed; its exception is thrown below.
        }
        finally
        {
            channel.Writer.TryComplete();
        }
        writer.GetAwaiter().GetResult();
        summary.Elapsed = clock.Elapsed;
        return summary;
    }

    /// <summary>Prepares a document for the writer; a document that cannot be prepared (text the
    /// JSON writer refuses) becomes a failed input instead of stopping the ingest.</summary>
    private static PreparedDocument Prepare(Documents.Document doc)
    {
        try
        {
            return PreparedDocument.From(doc);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            return PreparedDocument.Failed(doc, $"{StoreCodes.PrepareFailed}: {e.Message}");
        }
    }

    private void WriteLoop(Channel<PreparedDocument> channel, IngestSummary summary, IIngestProgress? progress)
    {
        var reader = channel.Reader;
        var batch = new List<PreparedDocument>(_options.BatchSize);
        var waited = Stopwatch.StartNew();
        try
        {
            while (true)
            {
                // Wait for the next item, but no longer than the batch delay allows.
                var wait = reader.WaitToReadAsync().AsTask();
                var remaining = batch.Count == 0 ? Timeout.InfiniteTimeSpan : _options.MaxBatchDelay - waited.Elapsed;
                if (batch.Count > 0 && (remaining <= TimeSpan.Zero || !wait.Wait(remaining)))
                {
                    Commit(batch, summary, progress);
                    if (!wait.GetAwaiter().GetResult()) break;
                }
                else if (!wait.GetAwaiter().GetResult()) break;
                while (reader.TryRead(out var next))
                {
                    if (batch.Count == 0) waited.Restart();
                    batch.Add(next);
                    if (batch.Count >= _options.BatchSize) Commit(batch, summary, progress);
                }
            }
            Commit(batch, summary, progress);
        }
        catch (Exception e)
        {
            // Unblock the producer (its next write throws), then let the caller see the failure.
            channel.Writer.TryComplete(e);
            throw;
        }
    }

    private void Commit(List<PreparedDocument> batch, IngestSummary summary, IIngestProgress? progress)
    {
        if (batch.Count == 0) return;
        var outcomes = store.Write(batch);
        batch.Clear();
        foreach (var o in outcomes)
        {
            summary.Count(o);
            progress?.Report(o);
        }
    }
}
