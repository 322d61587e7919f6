namespace Wirescope.Documents;

/// <summary>The article extracted from a page: metadata, body text and its structure.</summary>
public sealed class Article
{
    public string? Title { get; set; }
    public List<string> Authors { get; } = new();
    public PartialDate? Published { get; set; }
    public PartialDate? Modified { get; set; }
    public string? Site { get; set; }
    /// <summary>Canonical URL when the page declares one, else the URL it was read from.</summary>
    public string? Url { get; set; }
    /// <summary>ISO 639-1 code (or the page's declared tag when no identifier confirms it).</summary>
    public string? Language { get; set; }
    public string? Description { get; set; }

    /// <summary>Body text: paragraphs joined by a blank line. Every offset refers to this.</summary>
    public string Text { get; set; } = "";

    public List<Paragraph> Paragraphs { get; } = new();
    public List<Caption> Captions { get; } = new();
    public string? Image { get; set; }
    public List<string> Tags { get; } = new();

    /// <summary>Which source won for each field, e.g. title = "jsonld", published = "meta:article:published_time".</summary>
    public Dictionary<string, string> Provenance { get; } = new(StringComparer.Ordinal);
}

/// <summary>A block of the body: kind is p, h (subheading), li, quote (blockquote), pre, table.</summary>
public readonly record struct Paragraph(int Start, int End, string Kind);

/// <summary>A photo caption and its credit ("Photographer / Agency"), outside the body text.</summary>
public sealed record Caption(string Text, string? Credit);
