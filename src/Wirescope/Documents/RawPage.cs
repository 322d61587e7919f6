namespace Wirescope.Documents;

/// <summary>
/// A page as read from its source, before extraction: bytes (or already-decoded text for
/// jsonl input) plus what the transport said about it.
/// </summary>
public sealed class RawPage
{
    /// <summary>Undecoded bytes (files, HTTP bodies, WARC payloads).</summary>
    public ReadOnlyMemory<byte> Bytes { get; init; }

    /// <summary>Already-decoded text (jsonl input, stdin text); wins over <see cref="Bytes"/>.</summary>
    public string? Text { get; init; }

    /// <summary>auto, html, text or jsonl (jsonl text is taken verbatim as the article).</summary>
    public string Format { get; init; } = "auto";

    /// <summary>The page's URL, when known (fetched, WARC, feed entry).</summary>
    public string? Url { get; init; }

    /// <summary>Charset from the transport (HTTP Content-Type), the first choice when decoding.</summary>
    public string? Charset { get; init; }

    /// <summary>Content-Type as the transport gave it.</summary>
    public string? ContentType { get; init; }

    /// <summary>When the page was fetched or the file last written: no date may be later.</summary>
    public DateTimeOffset? FetchedAt { get; init; }

    /// <summary>For jsonl input: the caller's title and date.</summary>
    public string? Title { get; init; }
    public PartialDate? Date { get; init; }

    /// <summary>Metadata a feed entry gave (fills gaps, never overrides the page).</summary>
    public string? FeedTitle { get; init; }
    public IReadOnlyList<string>? FeedAuthors { get; init; }
    public PartialDate? FeedPublished { get; init; }
}
