namespace Wirescope.Inputs.Web;

/// <summary>Remembers ETag / Last-Modified of fetched URLs so a re-fetch can be conditional (the store's sources table).</summary>
public interface IValidatorCache
{
    (string? ETag, string? LastModified)? Get(string url);
    void Put(string url, string? etag, string? lastModified, DateTimeOffset fetchedAt);
}
