namespace Wirescope.Storage;

/// <summary>One stored article's record (the analyze schema) and its store ids.</summary>
public sealed record StoredRecord(long Id, long Story, string Json);
