namespace Wirescope.Storage.Ingest;

/// <summary>Counts of one ingest run, and whether it stopped early (Ctrl-C).</summary>
public sealed class IngestSummary
{
    public int Added { get; internal set; }
    public int Duplicates { get; internal set; }
    public int Failed { get; internal set; }
    public int Total => Added + Duplicates + Failed;
    public bool Cancelled { get; internal set; }
    public TimeSpan Elapsed { get; internal set; }
    /// <summary>Stories that gained an article in this run (near-duplicates joined or new).</summary>
    public int StoriesTouched => _stories.Count;
    /// <summary>The first failures, for the summary (all of them are in the ingest log).</summary>
    public List<IngestOutcome> FirstFailures { get; } = new();

    private readonly HashSet<long> _stories = new();

    internal void Count(IngestOutcome o)
    {
        switch (o.Status)
        {
            case IngestStatus.Added:
                Added++;
                if (o.Story is { } s) _stories.Add(s);
                break;
            case IngestStatus.Duplicate: Duplicates++; break;
            default:
                Failed++;
                if (FirstFailures.Count < 20) FirstFailures.Add(o);
                break;
        }
    }
}
