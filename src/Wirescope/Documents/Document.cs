namespace Wirescope.Documents;

/// <summary>
/// One news document as it moves through the pipeline. Every layer reads what earlier layers
/// left here and adds its own part; nothing is re-parsed. Offsets everywhere are UTF-16
/// indices into <see cref="Article"/>.<see cref="Article.Text"/>, end exclusive.
/// </summary>
public sealed class Document
{
    public Document(string id, InputInfo input)
    {
        Id = id;
        Input = input;
    }

    /// <summary>Stable id: the input path, URL or the jsonl "id".</summary>
    public string Id { get; }

    /// <summary>Where the document came from.</summary>
    public InputInfo Input { get; }

    /// <summary>The raw page, until extraction has made the article (then released).</summary>
    public RawPage? Raw { get; set; }

    /// <summary>Null, or why this document failed. Finished layers stay.</summary>
    public DocumentError? Error { get; set; }

    /// <summary>Which layers ran (their fields are written even when empty).</summary>
    public Layers Done { get; set; }

    public Article? Article { get; set; }

    /// <summary>Tokens in text order, one flat array of structs (spaCy's Doc layout).</summary>
    public TokenTable Tokens { get; } = new();

    public List<Sentence> Sentences { get; } = new();
    public List<Entity> Entities { get; } = new();
    public List<Quote> Quotes { get; } = new();
    public List<Event> Events { get; } = new();

    /// <summary>Recoverable oddities (a lying charset, broken quote marks): kept, not thrown.</summary>
    public List<DocumentWarning> Warnings { get; } = new();

    /// <summary>Date given by the caller (--date), used when the page has none.</summary>
    public PartialDate? FallbackDate { get; set; }

    /// <summary>The text of a span of the article.</summary>
    public string Slice(int start, int end) => Article!.Text.Substring(start, end - start);

    public void Warn(string code, string message) => Warnings.Add(new DocumentWarning(code, message));
}

/// <summary>The layers of analysis, cumulative as in DESIGN.md's --layers.</summary>
[Flags]
public enum Layers
{
    None = 0,
    Article = 1,
    Language = 2,
    Entities = 4,
    Actors = 8,
    Quotes = 16,
    Events = 32,
}

public static class LayerNames
{
    /// <summary>The cumulative set for a --layers value (article|entities|quotes|events|all).</summary>
    public static bool TryParse(string name, out Layers layers)
    {
        layers = name.ToLowerInvariant() switch
        {
            "article" => Layers.Article,
            "entities" or "language" => Layers.Article | Layers.Language | Layers.Entities,
            "actors" => Layers.Article | Layers.Language | Layers.Entities | Layers.Actors,
            "quotes" => Layers.Article | Layers.Language | Layers.Entities | Layers.Actors | Layers.Quotes,
            "events" or "all" => Layers.Article | Layers.Language | Layers.Entities | Layers.Actors | Layers.Quotes | Layers.Events,
            _ => Layers.None,
        };
        return layers != Layers.None;
    }
}

/// <summary>Where a document came from: kind (file, url, stdin, jsonl, warc, feed), uri, format.</summary>
public sealed record InputInfo(string Kind, string? Uri, string? Format);

/// <summary>A per-document failure: a stable code (<see cref="ErrorCodes"/>) and a message.</summary>
public sealed record DocumentError(string Code, string Message);

public sealed record DocumentWarning(string Code, string Message);
