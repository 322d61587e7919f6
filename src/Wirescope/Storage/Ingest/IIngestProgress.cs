namespace Wirescope.Storage.Ingest;

/// <summary>Receives each outcome as the writer commits it (the CLI shows a bar or lines).</summary>
public interface IIngestProgress
{
    void Report(IngestOutcome outcome);
}
