namespace Wirescope.Storage;

/// <summary>Counts for `wirescope stats`.</summary>
public sealed record StoreStats(long Articles, long Stories, long Entities, long Quotes, long Events, long Sources);
