using System.Text;

namespace Wirescope.Extraction.Html;

/// <summary>The kind of a body block, as DESIGN.md's paragraph kinds (caption blocks go to captions).</summary>
public enum BlockKind : byte { P, H, Li, Quote, Pre, Table, Caption }

/// <summary>
/// One element of the page in pre-order: <see cref="End"/> is the exclusive end of its subtree's
/// indices, so "node j is inside node i" is <c>i &lt;= j &lt; End</c>, with no pointer walk.
/// </summary>
public struct HtmlNode
{
    public int Parent;
    public int End;
    public TagRole Role;
    public short TagWeight;
    public short ClassWeight;
    /// <summary>class_words.tsv says this subtree is chrome (strict stage only).</summary>
    public bool ClassDrop;
    /// <summary>class_words.tsv says this element is the story's lead (standfirst, intro, dek).</summary>
    public bool Lead;
    /// <summary>Characters of block text in the subtree, and how many of them are link text.</summary>
    public int TextChars;
    public int LinkChars;
    /// <summary>Hash of the class attribute (0 without one): parts of one story split by ads share it.</summary>
    public int ClassKey;
    public string Tag;
}

/// <summary>A run of text between block boundaries, owned by its nearest block element.</summary>
public readonly record struct HtmlBlock(int Node, int Start, int Length, int LinkChars, BlockKind Kind, int Commas);

/// <summary>The page as the walker saw it: nodes, blocks (text in one buffer) and metadata signals.</summary>
public sealed class PageModel
{
    public List<HtmlNode> Nodes { get; } = new();
    public List<HtmlBlock> Blocks { get; } = new();
    public StringBuilder Text { get; } = new();
    public PageSignals Signals { get; } = new();
    public int TotalChars;

    public string BlockText(in HtmlBlock b) => Text.ToString(b.Start, b.Length);

    /// <summary>True when node <paramref name="inner"/> lies inside node <paramref name="outer"/> (or is it).</summary>
    public bool Contains(int outer, int inner) => outer <= inner && inner < Nodes[outer].End;
}

/// <summary>What metadata readers need from the page, gathered during the one walk.</summary>
public sealed class PageSignals
{
    public string? Title;
    public string? Lang;
    /// <summary>meta tags: key is the lower-cased name, property, itemprop or http-equiv.</summary>
    public List<(string Key, string Value)> Metas { get; } = new();
    /// <summary>link and anchor rels: (rel, href, text).</summary>
    public List<(string Rel, string Href, string Text, int Node)> Links { get; } = new();
    public List<(string Text, int Node)> H1 { get; } = new();
    /// <summary>time elements: datetime attribute (or null), text, node, pubdate attribute present.</summary>
    public List<(string? DateTime, SignalText Text, int Node, bool PubDate)> Times { get; } = new();
    /// <summary>Microdata in the body: itemprop, value (content/datetime attribute or text), node.</summary>
    public List<(string Prop, string Value, int Node)> ItemProps { get; } = new();
    /// <summary>Elements whose class/id names an author or byline, and their text.</summary>
    public List<SignalText> Bylines { get; } = new();
    /// <summary>Elements whose class/id names a date, and their text.</summary>
    public List<SignalText> DateTexts { get; } = new();
    public List<string> JsonLd { get; } = new();
}

/// <summary>
/// An element's text, read only when a metadata rule asks for it: most pages name their author
/// and date in meta tags, and reading every "date"-classed container's text would cost more
/// than the rest of the walk. Empty when longer than the cap (a container, not a byline).
/// </summary>
public sealed class SignalText(AngleSharp.Dom.IElement element, int node, int maxChars)
{
    private string? _text;

    public int Node => node;

    public string Text => _text ??= Read();

    private string Read()
    {
        var t = PageWalker.CleanText(element.TextContent, maxChars + 1);
        return t.Length > maxChars ? "" : t;
    }

    public void Deconstruct(out string text, out int n)
    {
        text = Text;
        n = node;
    }

    public override string ToString() => Text;
}
