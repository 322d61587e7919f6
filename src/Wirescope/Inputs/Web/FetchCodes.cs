namespace Wirescope.Inputs.Web;

/// <summary>Fetcher reasons (layer.reason) beyond the shared ErrorCodes.</summary>
public static class FetchCodes
{
    /// <summary>304 to a conditional request: the stored copy is current.</summary>
    public const string NotModified = "fetch.not_modified";
    /// <summary>A feed or sitemap entry already in the store, so not fetched again.</summary>
    public const string AlreadyStored = "fetch.already_stored";
    /// <summary>robots.txt disallows the URL for our user agent.</summary>
    public const string Robots = "fetch.robots";
    /// <summary>More redirect hops than allowed.</summary>
    public const string TooManyRedirects = "fetch.too_many_redirects";
    /// <summary>A final HTTP status that is not a success (404, 410, 403 ...).</summary>
    public const string HttpStatus = "fetch.http_status";
}
