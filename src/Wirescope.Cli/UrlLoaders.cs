using Wirescope.Inputs;
using Wirescope.Inputs.Web;

namespace Wirescope.Cli;

/// <summary>The URL loader the CLI uses: the polite fetcher of Inputs/Web.</summary>
internal static class UrlLoaders
{
    /// <summary>For analyze: default politeness, private addresses refused, no remembered validators.</summary>
    public static IUrlLoader? Default() => new WebUrlLoader(new WebFetcher(new FetcherOptions()));

    public static WebUrlLoader Create(FetcherOptions options, IValidatorCache? validators) => new(new WebFetcher(options, validators));
}
