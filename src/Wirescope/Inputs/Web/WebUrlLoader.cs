using Wirescope.Documents;
using Wirescope.Inputs.Feeds;
using Wirescope.Pipeline;

namespace Wirescope.Inputs.Web;

/// <summary>
/// URLs as pending documents, fetched on the pipeline's workers by the polite fetcher. Also
/// fetches sources (feeds, sitemaps) in the producer, where their links are needed.
/// </summary>
public sealed class WebUrlLoader : ISourceLoader
{
    /// <summary>Pool threads kept ready: pipeline workers wait for fetches synchronously (each
    /// holds a pool thread), and the fetches' own continuations need threads too. With the
    /// default minimum (one per core) the pool grows by about two threads a second and fetches
    /// stall for seconds; measured as timeouts in the feed tests on a loaded 2-core machine.</summary>
    private const int MinPoolThreads = 64;

    private readonly WebFetcher fetcher;

    public WebUrlLoader(WebFetcher fetcher)
    {
        this.fetcher = fetcher;
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (workers < MinPoolThreads) ThreadPool.SetMinThreads(MinPoolThreads, io);
    }

    public WebFetcher Fetcher => fetcher;

    public PendingDocument Pending(Uri url, InputOptions options) => Pending(url, options, null, "url");

    public PendingDocument Pending(Uri url, InputOptions options, FeedEntry? entry, string kind)
    {
        var id = url.AbsoluteUri;
        return new PendingDocument(id, new InputInfo(kind, id, options.Format), ct => Load(url, options, entry, ct));
    }

    public FetchResult Fetch(Uri url, CancellationToken ct) => Run(() => fetcher.FetchAsync(url, conditional: true, ct));

    private RawPage Load(Uri url, InputOptions options, FeedEntry? entry, CancellationToken ct)
    {
        var result = Run(() => fetcher.FetchAsync(url, conditional: true, ct));
        if (result.NotModified)
            throw new StageException(FetchCodes.NotModified, $"{url}: not modified since the last fetch (HTTP 304)");
        return ToRawPage(result, options, entry);
    }

    public static RawPage ToRawPage(FetchResult result, InputOptions options, FeedEntry? entry) => new()
    {
        Bytes = result.Body,
        Format = options.Format,
        Url = result.FinalUrl.AbsoluteUri,
        Charset = result.Charset,
        ContentType = result.ContentType,
        FetchedAt = result.FetchedAt,
        FeedTitle = entry?.Title,
        FeedAuthors = entry?.Authors,
        FeedPublished = entry?.Published,
    };

    /// <summary>Runs a fetch synchronously (workers are threads), turning its failure into a stage error.</summary>
    private static FetchResult Run(Func<Task<FetchResult>> fetch)
    {
        try
        {
            return fetch().GetAwaiter().GetResult();
        }
        catch (FetchException e)
        {
            throw new StageException(e.Code, e.Message);
        }
    }
}
