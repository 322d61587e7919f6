namespace Wirescope.Inputs.Web;

/// <summary>Politeness and safety settings of the fetcher. Defaults suit crawling news sites.</summary>
public sealed record FetcherOptions
{
    public const string DefaultUserAgent = "Wirescope/0.1 (+https://github.com/wirescope)";

    /// <summary>Sent with every request; robots.txt groups are matched on its product token ("wirescope").</summary>
    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>Allow loopback, link-local and private addresses (off by default: SSRF).</summary>
    public bool AllowPrivate { get; init; }

    /// <summary>Replaces <see cref="AddressGuard.IsForbidden"/> (tests: allow only 127.0.0.1, so a
    /// redirect to another private address is refused before any packet is sent).</summary>
    public Func<System.Net.IPAddress, bool>? AddressPolicy { get; init; }

    /// <summary>Honour robots.txt (RFC 9309).</summary>
    public bool RespectRobots { get; init; } = true;

    /// <summary>Largest body read, in bytes (after decompression).</summary>
    public long MaxBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Wall-clock cap for one fetch, redirects and retries included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Redirect hops followed; each hop is checked again (scheme, address, robots).</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Least time between two requests to one host (a robots.txt Crawl-delay, up to <see cref="MaxCrawlDelay"/>, raises it).</summary>
    public TimeSpan MinHostInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest Crawl-delay honoured: a site asking for more is fetched at this pace.</summary>
    public TimeSpan MaxCrawlDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Requests in flight to one host at once.</summary>
    public int PerHostConcurrency { get; init; } = 2;

    /// <summary>Retries after 429 and 5xx (500, 502, 503, 504) and connection failures.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First backoff; doubled on each retry unless the server sends Retry-After.</summary>
    public TimeSpan RetryBase { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait honoured from Retry-After or backoff; a longer one fails the fetch.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);
}
