using Wirescope.Inputs.Feeds;
using Wirescope.Inputs.Web;
using Wirescope.Pipeline;

namespace Wirescope.Inputs;

/// <summary>
/// A URL loader that can also fetch a source whole (to tell a feed or sitemap from a page and
/// expand it) and make documents of feed entries carrying the feed's metadata.
/// </summary>
public interface ISourceLoader : IUrlLoader
{
    PendingDocument Pending(Uri url, InputOptions options, FeedEntry? entry, string kind);

    /// <summary>Fetches now (in the producer). Throws StageException on failure.</summary>
    FetchResult Fetch(Uri url, CancellationToken ct);
}
