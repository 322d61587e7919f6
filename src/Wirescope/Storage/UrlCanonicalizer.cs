using System.Text;

namespace Wirescope.Storage;

/// <summary>
/// The canonical form of an article URL, for identity: scheme and host lower-cased, default
/// port, fragment and tracking parameters (Resources/storage/tracking_params.tsv) dropped,
/// remaining query parameters sorted. The path keeps its case (servers treat it as significant).
/// </summary>
public sealed class UrlCanonicalizer
{
    private readonly HashSet<string> _exact;
    private readonly string[] _prefixes;

    public UrlCanonicalizer(IEnumerable<string> trackingNames)
    {
        _exact = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var prefixes = new List<string>();
        foreach (var n in trackingNames)
        {
            if (n.EndsWith('*')) prefixes.Add(n[..^1]);
            else _exact.Add(n);
        }
        _prefixes = prefixes.ToArray();
    }

    public static UrlCanonicalizer Default { get; } = new(TrackingParamsTable.Load());

    /// <summary>The canonical URL, or null when <paramref name="url"/> is not an absolute http(s) URL.</summary>
    public string? Canonicalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme is not ("http" or "https")) return null;
        var sb = new StringBuilder(url.Length);
        sb.Append(uri.Scheme).Append("://").Append(uri.IdnHost.ToLowerInvariant());
        if (!uri.IsDefaultPort) sb.Append(':').Append(uri.Port);
        sb.Append(uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath);
        var query = uri.Query.TrimStart('?');
        if (query.Length > 0)
        {
            var kept = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Where(p => !IsTracking(p.Split('=', 2)[0]))
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToList();
            if (kept.Count > 0) sb.Append('?').AppendJoin('&', kept);
        }
        return sb.ToString();
    }

    private bool IsTracking(string name)
    {
        if (_exact.Contains(name)) return true;
        foreach (var p in _prefixes) if (name.StartsWith(p, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
