namespace Wirescope.Inputs;

/// <summary>How inputs are named and read.</summary>
public sealed record InputOptions
{
    /// <summary>auto, html, text or jsonl.</summary>
    public string Format { get; init; } = "auto";

    /// <summary>Largest input read, in bytes after decompression.</summary>
    public long MaxBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>File endings taken from a directory (a named file is always taken).</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [".html", ".htm", ".xhtml", ".txt", ".gz", ".jsonl"];

    /// <summary>The endings ingest also takes from directories: archives, feeds and sitemaps.</summary>
    public static readonly IReadOnlyList<string> SourceExtensions =
        [".html", ".htm", ".xhtml", ".txt", ".gz", ".jsonl", ".warc", ".xml", ".rss", ".atom", ".json"];

    /// <summary>
    /// Read WARC archives, feeds and sitemaps as the documents they hold (ingest). Off for
    /// analyze, where every named input is one page.
    /// </summary>
    public bool ExpandSources { get; init; }

    /// <summary>Deepest chain of sitemap indexes followed.</summary>
    public int MaxSitemapDepth { get; init; } = 3;

    /// <summary>
    /// Whether a URL is already stored (ingest). Feed and sitemap entries it knows are not
    /// fetched again (feeds are polled over and over and list the same articles for days), and
    /// WARC records it knows are not analysed again (resuming a multi-GB archive is quick).
    /// </summary>
    public Func<string, bool>? IsKnownUrl { get; init; }

    /// <summary>Counts the bytes of WARC files read (for a progress bar), when set.</summary>
    public InputProgress? Progress { get; init; }

    /// <summary>Told of each source read (uri, kind: file, dir, warc, feed, sitemap, url), for the store's sources table.</summary>
    public Action<string, string>? OnSource { get; init; }
}
