namespace Wirescope.Storage;

/// <summary>Status of one ingested input.</summary>
public enum IngestStatus { Added, Duplicate, Failed }
