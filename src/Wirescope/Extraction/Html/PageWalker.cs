using System.Buffers;
using AngleSharp.Dom;

namespace Wirescope.Extraction.Html;

/// <summary>
/// The one walk over the parsed page. An explicit stack (no recursion: depth is capped by
/// <c>maxDepth</c> and cannot overflow), one visit per node: records every element as a
/// pre-order <see cref="HtmlNode"/>, cuts the text into blocks at block boundaries (collapsing
/// whitespace as a browser does), and gathers the metadata signals.
/// </summary>
public sealed class PageWalker(ExtractionTables tables)
{
    private readonly ClassEvidenceCache _evidence = new(tables.ClassWords);

    /// <summary>Most signals of one kind kept per page (bylines, date texts): a page lists a few.</summary>
    public const int MaxSignals = 40;
    /// <summary>Longest element text read as a byline or date signal.</summary>
    public const int MaxSignalChars = 300;
    /// <summary>Most microdata properties kept per page.</summary>
    public const int MaxItemProps = 400;

    [Flags]
    private enum Ctx : ushort
    {
        None = 0, Link = 1, Quote = 2, Pre = 4, Caption = 8, Row = 16, Item = 32, Head = 64, Heading = 128,
    }

    /// <summary>The attributes the walk reads, gathered in one pass over the element's list.</summary>
    private struct Attrs
    {
        public string? Class, Id, ItemProp, Role, Style, Href;
        public bool Hidden;

        public static Attrs Read(IElement el)
        {
            var a = default(Attrs);
            var list = el.Attributes;
            for (int i = 0; i < list.Length; i++)
            {
                var at = list[i];
                if (at is null) continue;
                switch (at.LocalName)
                {
                    case "class": a.Class = at.Value; break;
                    case "id": a.Id = at.Value; break;
                    case "itemprop": a.ItemProp = at.Value; break;
                    case "role": a.Role = at.Value; break;
                    case "style": a.Style = at.Value; break;
                    case "href": a.Href = at.Value; break;
                    case "hidden": a.Hidden = true; break;
                }
            }
            return a;
        }
    }

    private struct Frame
    {
        public IElement Element;
        public int Child;
        public int Node;
        public Ctx Ctx;
        public bool OwnsBlock;
    }

    public PageModel Walk(IDocument document, int maxDepth, CancellationToken ct)
    {
        var model = new PageModel();
        var state = new WalkState(model, tables, _evidence);
        var root = document.DocumentElement;
        if (root is null) return model;
        var stack = new List<Frame>(64);
        state.Enter(stack, root, Ctx.None, -1);
        int visited = 0;
        while (stack.Count > 0)
        {
            if ((++visited & 0xFFF) == 0) ct.ThrowIfCancellationRequested();
            var top = stack[^1];
            var children = top.Element.ChildNodes;
            if (top.Child >= children.Length)
            {
                state.Exit(top.Node, top.OwnsBlock);
                stack.RemoveAt(stack.Count - 1);
                continue;
            }
            var child = children[top.Child];
            top.Child++;
            stack[^1] = top;
            if (child is IText text)
            {
                if ((top.Ctx & Ctx.Head) == 0) state.AppendText(text.Data, top.Ctx);
            }
            else if (child is IElement el && stack.Count < maxDepth)
            {
                state.Enter(stack, el, top.Ctx, top.Node);
            }
        }
        state.Finish();
        return model;
    }

    /// <summary>The walk's mutable state for one page (never shared).</summary>
    private sealed class WalkState(PageModel model, ExtractionTables tables, ClassEvidenceCache evidence)
    {
        private readonly System.Text.StringBuilder _buf = model.Text;
        private int _pendingStart;
        private int _pendingLink;
        private int _pendingCommas;
        private bool _lastSpace = true;
        private readonly List<int> _ownerStack = new();
        private readonly List<Ctx> _ownerCtx = new();

        public void Enter(List<Frame> stack, IElement el, Ctx ctx, int parent)
        {
            var tag = el.LocalName;
            var info = tables.Tags.Get(tag);
            if (info.Role == TagRole.Skip) return;
            var attrs = Attrs.Read(el);
            if (IsHidden(attrs)) return;
            // A heading's id is an anchor made from its own words ("nav_nur_die_folie__1",
            // "sharing-economy-grows"), not a name the site gave a box: its class still counts.
            var classes = evidence.Get(attrs.Class, info.Role == TagRole.Heading ? null : attrs.Id, attrs.ItemProp);
            CollectSignals(el, attrs, classes, tag, ctx, model.Nodes.Count);
            if (tag is "title" or "meta" or "link" or "base") return;
            var role = info.Role;
            var weight = info.Weight;
            if (attrs.Role is { Length: > 0 } ariaRole)
            {
                var r = tables.Tags.Get("role:" + ariaRole.Trim().ToLowerInvariant());
                if (r.Role == TagRole.Boiler) role = TagRole.Boiler;
                weight += r.Weight;
            }
            var verdict = classes.Verdict;
            // A caption written as a classed div/p/span ("wp-caption-text", "media-caption") is
            // one, as a figcaption is: its text goes to the captions, not the body. Inside a
            // caption it stays inline (the credit span of a figcaption is part of that caption).
            if (verdict.Caption && (ctx & Ctx.Caption) == 0 && role is TagRole.Block or TagRole.Inline) role = TagRole.Caption;
            int node = model.Nodes.Count;
            model.Nodes.Add(new HtmlNode
            {
                Parent = parent, End = node + 1, Role = role, TagWeight = weight, ClassWeight = verdict.Weight,
                ClassDrop = verdict.Drop, Lead = verdict.Lead, Tag = tag,
                ClassKey = attrs.Class is { Length: > 0 } cls ? string.GetHashCode(cls.AsSpan().Trim()) | 1 : 0,
            });
            var childCtx = ctx;
            switch (role)
            {
                case TagRole.Head: childCtx |= Ctx.Head; break;
                case TagRole.Quote: childCtx |= Ctx.Quote; break;
                case TagRole.Pre: childCtx |= Ctx.Pre; break;
                case TagRole.Caption: childCtx |= Ctx.Caption; break;
                case TagRole.Row: childCtx |= Ctx.Row; break;
                case TagRole.Item: childCtx |= Ctx.Item; break;
                case TagRole.Heading: childCtx |= Ctx.Heading; break;
                case TagRole.Break:
                    AppendBreak();
                    break;
                case TagRole.Cell:
                    AppendSpace();
                    break;
            }
            if (tag == "a" && attrs.Href is not null) childCtx |= Ctx.Link;
            bool owns = role is TagRole.Block or TagRole.Heading or TagRole.Item or TagRole.Quote or TagRole.Pre
                or TagRole.Row or TagRole.Caption or TagRole.Boiler;
            if (owns)
            {
                Flush();
                _ownerStack.Add(node);
                _ownerCtx.Add(childCtx);
            }
            stack.Add(new Frame { Element = el, Child = 0, Node = node, Ctx = childCtx, OwnsBlock = owns });
        }

        public void Exit(int node, bool ownsBlock)
        {
            if (ownsBlock)
            {
                Flush();
                _ownerStack.RemoveAt(_ownerStack.Count - 1);
                _ownerCtx.RemoveAt(_ownerCtx.Count - 1);
            }
            var n = model.Nodes[node];
            n.End = model.Nodes.Count;
            model.Nodes[node] = n;
        }

        public void AppendText(string data, Ctx ctx)
        {
            bool pre = (ctx & Ctx.Pre) != 0;
            int before = _buf.Length;
            var special = pre ? PreSpecial : Special;
            int i = 0;
            while (i < data.Length)
            {
                // A run of ordinary characters goes in at once; the rest one by one below.
                int k = data.AsSpan(i).IndexOfAny(special);
                int end = k < 0 ? data.Length : i + k;
                if (end > i)
                {
                    _buf.Append(data, i, end - i);
                    _lastSpace = false;
                    i = end;
                    if (i >= data.Length) break;
                }
                char c = data[i++];
                if (!pre && (char.IsWhiteSpace(c) || c == '\u00A0'))
                {
                    if (_lastSpace) continue;
                    _buf.Append(' ');
                    _lastSpace = true;
                }
                else
                {
                    if (c == '\u200B') continue; // zero-width space: invisible (soft hyphens stay: gold text keeps them)
                    _buf.Append(c);
                    _lastSpace = c == '\n' && pre;
                    if (c is ',' or '，' or '、') _pendingCommas++;
                }
            }
            if ((ctx & Ctx.Link) != 0) _pendingLink += _buf.Length - before;
        }

        /// <summary>The characters <see cref="AppendText"/> treats one by one: whitespace, U+00A0 and U+200B, commas; in pre text, newlines.</summary>
        private static readonly SearchValues<char> Special = SpecialChars(pre: false), PreSpecial = SpecialChars(pre: true);

        private static SearchValues<char> SpecialChars(bool pre)
        {
            var chars = new List<char>();
            for (int c = 0; c <= char.MaxValue; c++)
            {
                char ch = (char)c;
                if (!pre && (char.IsWhiteSpace(ch) || ch == '\u00A0') || pre && ch == '\n' || ch is '\u200B' or ',' or '，' or '、')
                    chars.Add(ch);
            }
            return SearchValues.Create(chars.ToArray());
        }

        private void AppendBreak()
        {
            while (_buf.Length > _pendingStart && _buf[^1] == ' ') _buf.Length--;
            if (_buf.Length > _pendingStart && _buf[^1] != '\n') _buf.Append('\n');
            _lastSpace = true;
        }

        private void AppendSpace()
        {
            if (_lastSpace) return;
            _buf.Append(' ');
            _lastSpace = true;
        }

        private void Flush()
        {
            while (_buf.Length > _pendingStart && char.IsWhiteSpace(_buf[^1])) _buf.Length--;
            int len = _buf.Length - _pendingStart;
            if (len > 0 && _ownerStack.Count > 0)
            {
                int owner = _ownerStack[^1];
                var ctx = _ownerCtx[^1];
                var role = model.Nodes[owner].Role;
                var kind = (ctx & Ctx.Caption) != 0 ? BlockKind.Caption
                    : role == TagRole.Heading || (ctx & Ctx.Heading) != 0 ? BlockKind.H
                    : (ctx & Ctx.Pre) != 0 ? BlockKind.Pre
                    : (ctx & Ctx.Quote) != 0 ? BlockKind.Quote
                    : (ctx & Ctx.Item) != 0 ? BlockKind.Li
                    : (ctx & Ctx.Row) != 0 ? BlockKind.Table
                    : BlockKind.P;
                model.Blocks.Add(new HtmlBlock(owner, _pendingStart, len, Math.Min(len, _pendingLink), kind, _pendingCommas));
                model.TotalChars += len;
            }
            else _buf.Length = _pendingStart;
            _pendingStart = _buf.Length;
            _pendingLink = 0;
            _pendingCommas = 0;
            _lastSpace = true;
        }

        public void Finish()
        {
            Flush();
            // Subtree totals: children come after parents in pre-order, so one backward pass adds up.
            var nodes = model.Nodes;
            foreach (var b in model.Blocks)
            {
                var n = nodes[b.Node];
                n.TextChars += b.Length;
                n.LinkChars += b.LinkChars;
                nodes[b.Node] = n;
            }
            for (int i = nodes.Count - 1; i > 0; i--)
            {
                int p = nodes[i].Parent;
                if (p < 0) continue;
                var parent = nodes[p];
                parent.TextChars += nodes[i].TextChars;
                parent.LinkChars += nodes[i].LinkChars;
                nodes[p] = parent;
            }
        }

        private static bool IsHidden(in Attrs attrs)
        {
            if (attrs.Hidden) return true;
            var style = attrs.Style;
            if (style is null || style.Length < 12) return false;
            return style.Contains("display:none", StringComparison.OrdinalIgnoreCase)
                || style.Contains("display: none", StringComparison.OrdinalIgnoreCase)
                || style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase)
                || style.Contains("visibility: hidden", StringComparison.OrdinalIgnoreCase);
        }

        private void CollectSignals(IElement el, in Attrs attrs, in ClassEvidence classes, string tag, Ctx ctx, int node)
        {
            var s = model.Signals;
            switch (tag)
            {
                case "html":
                    s.Lang ??= el.GetAttribute("lang") ?? el.GetAttribute("xml:lang");
                    break;
                case "title":
                    if (s.Title is null && (ctx & Ctx.Head) != 0 || s.Title is null && node < 50) s.Title = Clean(el.TextContent, 500);
                    break;
                case "meta":
                {
                    var content = el.GetAttribute("content") ?? el.GetAttribute("value");
                    if (string.IsNullOrWhiteSpace(content)) return;
                    var key = el.GetAttribute("property") ?? el.GetAttribute("name") ?? el.GetAttribute("itemprop") ?? el.GetAttribute("http-equiv");
                    if (key is null) return;
                    var decoded = System.Net.WebUtility.HtmlDecode(content.Trim());
                    // property="og:title twitter:title": one value under several keys.
                    foreach (var k in key.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        s.Metas.Add((k.ToLowerInvariant(), decoded));
                    if (el.GetAttribute("itemprop") is { } ip) s.ItemProps.Add((ip.Trim(), content.Trim(), node));
                    return;
                }
                case "link":
                case "a":
                {
                    var rel = el.GetAttribute("rel");
                    if (rel is null) break;
                    var href = el.GetAttribute("href") ?? "";
                    s.Links.Add((rel.Trim().ToLowerInvariant(), href.Trim(), tag == "a" ? Clean(el.TextContent, MaxSignalChars) : "", node));
                    break;
                }
                case "h1":
                    if (s.H1.Count < 5) s.H1.Add((Clean(el.TextContent, 500), node));
                    break;
                case "time":
                    if (s.Times.Count < MaxSignals)
                        s.Times.Add((el.GetAttribute("datetime"), new SignalText(el, node, MaxSignalChars), node, el.HasAttribute("pubdate")));
                    break;
            }
            // Only the microdata the metadata rules read is kept (a product listing has hundreds of "name"s).
            if (tag != "meta" && attrs.ItemProp is { } prop && s.ItemProps.Count < MaxItemProps
                && (prop.Contains("author", StringComparison.Ordinal) || prop.Contains("creator", StringComparison.Ordinal)
                    || prop is "datePublished" or "dateModified" or "dateCreated" or "headline" or "name" or "uploadDate"))
            {
                // <abbr itemprop="datePublished" title="2019-10-16T14:33:00-07:00">2:33 PM</abbr>
                // (Blogger, hAtom): the machine value is the abbr's title.
                var value = el.GetAttribute("content") ?? el.GetAttribute("datetime")
                    ?? (tag == "abbr" ? el.GetAttribute("title") : null) ?? Clean(el.TextContent, MaxSignalChars);
                if (!string.IsNullOrWhiteSpace(value)) s.ItemProps.Add((prop.Trim(), value.Trim(), node));
            }
            // Class/id names that mark a byline or a date (ClassEvidenceCache).
            if (s.Bylines.Count < MaxSignals && classes.Byline) s.Bylines.Add(new SignalText(el, node, MaxSignalChars));
            if (s.DateTexts.Count < MaxSignals && classes.Date) s.DateTexts.Add(new SignalText(el, node, MaxSignalChars));
        }

        internal static string Clean(string text, int max) => CleanText(text, max);
    }

    /// <summary>Whitespace-collapsed text, cut at <paramref name="max"/> characters.</summary>
    internal static string CleanText(string text, int max)
    {
        var sb = new System.Text.StringBuilder(Math.Min(text.Length, max));
        bool space = true;
        foreach (var c in text)
        {
            if (sb.Length >= max) break;
            if (char.IsWhiteSpace(c))
            {
                if (!space) sb.Append(' ');
                space = true;
            }
            else
            {
                sb.Append(c);
                space = false;
            }
        }
        while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        return sb.ToString();
    }
}
