namespace Wirescope.Storage.Ingest;

/// <summary>Batching of the single writer.</summary>
public sealed record IngestOptions
{
    /// <summary>Articles per transaction: large enough that commit cost is spread thin, small
    /// enough that a kill loses little work (it is redone on the next run anyway).</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Longest a prepared article waits before its batch commits, so a slow source
    /// (a feed being fetched) still shows progress in the store.</summary>
    public TimeSpan MaxBatchDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Prepared articles queued between analysis and the writer (bounds memory).</summary>
    public int QueueCapacity { get; init; } = 256;
}
