namespace Wirescope.Storage;

/// <summary>Reasons the store and the fetcher give in the ingest log (layer.reason, as ErrorCodes).</summary>
public static class StoreCodes
{
    /// <summary>The server answered 304 to a conditional request: the stored copy is current.</summary>
    public const string NotModified = Inputs.Web.FetchCodes.NotModified;
    /// <summary>robots.txt disallows the URL for our user agent.</summary>
    public const string RobotsDisallowed = "fetch.robots";
    /// <summary>The pipeline produced no article (layer not run).</summary>
    public const string NoArticle = "store.no_article";
    /// <summary>The document could not be made ready for storage (e.g. text the JSON writer refuses).</summary>
    public const string PrepareFailed = "store.prepare_failed";
    /// <summary>A source (feed, sitemap, WARC) could not be read as a whole.</summary>
    public const string BadSource = "input.bad_source";
}
