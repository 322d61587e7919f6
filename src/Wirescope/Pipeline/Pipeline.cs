using System.Diagnostics;
using Wirescope.Documents;

namespace Wirescope.Pipeline;

/// <summary>
/// An immutable, thread-safe sequence of stages (built by <see cref="PipelineBuilder"/>).
/// Owns the error policy: each stage runs inside a per-document guard; a failure becomes the
/// document's <see cref="Document.Error"/>, finished layers stay, and the batch goes on.
/// </summary>
public sealed class Pipeline
{
    internal Pipeline(IReadOnlyList<IStage> stages, PipelineOptions options)
    {
        Stages = stages;
        Options = options;
    }

    public IReadOnlyList<IStage> Stages { get; }
    public PipelineOptions Options { get; }

    /// <summary>Reads and analyses one document. Never throws except on cancellation of <paramref name="ct"/>.</summary>
    public Document Process(PendingDocument pending, CancellationToken ct = default)
    {
        var doc = new Document(pending.Id, pending.Input);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        string stage = "input";
        try
        {
            // Reading has its own caps (file size; the fetcher's time, size and redirect caps,
            // which allow for waiting on a slow host's crawl delay); the per-document time cap
            // covers analysis only, so a polite wait is never mistaken for a runaway page.
            doc.Raw = pending.Load(ct);
            timeout.CancelAfter(Options.MaxTimePerDocument);
            Run(doc, timeout.Token, ref stage);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            doc.Error = new DocumentError(ErrorCodes.Timeout,
                $"{stage}: over the time cap of {Options.MaxTimePerDocument.TotalSeconds:0.#} s per document");
        }
        catch (StageException e)
        {
            doc.Error = new DocumentError(e.Code, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            doc.Error = new DocumentError(ErrorCodes.StageFailed, $"{stage}: {e.GetType().Name}: {e.Message}");
        }
        doc.Raw = null;
        return doc;
    }

    /// <summary>Runs the stages over a document that already has its raw page or article.</summary>
    public void Process(Document doc, CancellationToken ct = default)
    {
        string stage = "pipeline";
        try
        {
            Run(doc, ct, ref stage);
        }
        catch (StageException e)
        {
            doc.Error = new DocumentError(e.Code, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            doc.Error = new DocumentError(ErrorCodes.StageFailed, $"{stage}: {e.GetType().Name}: {e.Message}");
        }
    }

    private void Run(Document doc, CancellationToken ct, ref string stage)
    {
        foreach (var s in Stages)
        {
            if ((doc.Done & s.Assigns) == s.Assigns && s.Assigns != Layers.None) continue;
            stage = s.Name;
            ct.ThrowIfCancellationRequested();
            s.Run(doc, ct);
            doc.Done |= s.Assigns;
        }
    }

    /// <summary>
    /// Streams documents through the pipeline on <see cref="PipelineOptions.Jobs"/> workers and
    /// yields them in input order. At most a few documents per worker are in flight, so memory
    /// stays flat however long the input is.
    /// </summary>
    public IEnumerable<Document> Run(IEnumerable<PendingDocument> inputs, CancellationToken ct = default)
    {
        int jobs = Math.Max(1, Options.Jobs);
        if (jobs == 1)
        {
            foreach (var p in inputs)
            {
                ct.ThrowIfCancellationRequested();
                yield return Process(p, ct);
            }
            yield break;
        }
        var window = new Queue<Task<Document>>();
        int maxInFlight = jobs * 4;
        using var gate = new SemaphoreSlim(jobs);
        foreach (var p in inputs)
        {
            ct.ThrowIfCancellationRequested();
            while (window.Count >= maxInFlight) yield return window.Dequeue().GetAwaiter().GetResult();
            var pending = p;
            window.Enqueue(Task.Run(() =>
            {
                gate.Wait(ct);
                try { return Process(pending, ct); }
                finally { gate.Release(); }
            }, ct));
        }
        while (window.Count > 0) yield return window.Dequeue().GetAwaiter().GetResult();
    }

    [Conditional("DEBUG")]
    internal static void Check(bool condition, string message) => Debug.Assert(condition, message);
}
