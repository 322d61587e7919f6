using Wirescope.Documents;

namespace Wirescope.Inputs.Feeds;

/// <summary>One link a feed or sitemap names, with the metadata it gives (fills gaps in the page's own).</summary>
public sealed record FeedEntry(string Url, string? Title = null, PartialDate? Published = null, IReadOnlyList<string>? Authors = null);
