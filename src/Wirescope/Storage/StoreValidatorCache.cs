using Wirescope.Inputs.Web;

namespace Wirescope.Storage;

/// <summary>The store's sources table as the fetcher's memory of ETag / Last-Modified.</summary>
public sealed class StoreValidatorCache(IStore store) : IValidatorCache
{
    public (string? ETag, string? LastModified)? Get(string url) =>
        store.GetFetchState(url) is { } s ? (s.ETag, s.LastModified) : null;

    public void Put(string url, string? etag, string? lastModified, DateTimeOffset fetchedAt) =>
        store.PutFetchStates([new KeyValuePair<string, FetchState>(url, new FetchState(etag, lastModified, fetchedAt))]);
}
