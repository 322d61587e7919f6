using Wirescope.Inputs;

namespace Wirescope.Cli;

/// <summary>The URL loader the CLI uses (the fetcher, once Inputs/Web has one).</summary>
internal static class UrlLoaders
{
    public static IUrlLoader? Default() => null;
}
