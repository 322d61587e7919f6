namespace Wirescope.Storage;

/// <summary>Conditional-request validators of a fetched URL.</summary>
public sealed record FetchState(string? ETag, string? LastModified, DateTimeOffset FetchedAt);
