namespace Wirescope.Storage;

/// <summary>One line of the ingest log.</summary>
public sealed record IngestLogEntry(long Id, string Input, IngestStatus Status, long? OfArticle, string? Reason, DateTimeOffset Time);
