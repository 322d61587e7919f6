namespace Wirescope.Extraction.Html;

/// <summary>
/// Chooses the article container and the blocks inside it. Paragraph evidence flows up to the
/// paragraph's parent (full), grandparent (half) and further ancestors (÷3·level), as
/// readability does; a container's score is that sum plus its tag and class/id evidence,
/// times one minus its link density. Siblings of the winner that look like article text join
/// it (a lead paragraph outside the story-body div). Inside, blocks that are chrome by class,
/// mostly links, or a boilerplate phrase are left out.
/// </summary>
public sealed partial class ContentScorer(ExtractionTables tables)
{
    private readonly Metadata.DateParser _dates = new(tables.DateWords);
    private readonly CaptionSplitter _credits = new(tables.LineCues);

    /// <summary>A block shorter than this gives no container evidence (readability's 25).</summary>
    public const int MinParagraphChars = 25;
    /// <summary>Ancestors that receive a paragraph's score.</summary>
    public const int ScoreLevels = 5;
    /// <summary>A sibling joins the winner at this share of its score (readability: 0.2, floor 10).</summary>
    public const double SiblingShare = 0.2;
    /// <summary>A block mostly made of link text is navigation or a teaser list.</summary>
    public const double MaxBlockLinkDensity = 0.5;
    /// <summary>A short list item or line that is a link at this density is a menu entry.</summary>
    public const double MaxShortLinkDensity = 0.3;
    /// <summary>A class/id drop is ignored on a container holding this share of the page text (mislabeled wrappers).</summary>
    public const double MaxDropShare = 0.6;
    /// <summary>Most evidence a paragraph's length gives (one point per 100 characters; readability caps at 3).</summary>
    public const double MaxLengthEvidence = 6;
    /// <summary>Tag+class weight that doubles (or, negative, halves) a container's paragraph score.</summary>
    public const double EvidenceScale = 50;
    /// <summary>Floor of that factor: chrome-classed containers keep a little of their text's evidence.</summary>
    public const double MinEvidenceFactor = 0.1;
    /// <summary>Body characters collected before a "Related stories" heading may end the body (none at the top).</summary>
    public const int MinCharsBeforeStop = 300;

    /// <param name="page">The walked page.</param>
    /// <param name="useClassDrops">Leave out class/id chrome (the strict stage).</param>
    /// <param name="headlineGuard">Drop a chrome-classed container that holds most of the page's
    /// text unless it holds the headline (see <see cref="Excluded"/>).</param>
    public MainText Select(PageModel page, bool useClassDrops, bool headlineGuard = false)
    {
        var nodes = page.Nodes;
        if (nodes.Count == 0 || page.Blocks.Count == 0) return new MainText([], [], "html:main", 0);
        var excluded = Excluded(page, useClassDrops, headlineGuard);
        var score = new double[nodes.Count];
        var touched = new bool[nodes.Count];
        foreach (var b in page.Blocks)
        {
            if (excluded[b.Node] || b.Length < MinParagraphChars) continue;
            if (b.Kind is BlockKind.H or BlockKind.Caption) continue;
            double s = (1 + b.Commas + Math.Min(b.Length / 100.0, MaxLengthEvidence)) * KindEvidence(b.Kind);
            if (b.LinkChars > b.Length * MaxBlockLinkDensity) continue;
            int level = 0;
            for (int a = nodes[b.Node].Parent; a >= 0 && level < ScoreLevels; a = nodes[a].Parent, level++)
            {
                if (excluded[a]) break;
                if (!touched[a])
                {
                    touched[a] = true;
                    score[a] = 0;
                }
                score[a] += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
            }
        }
        int best = -1;
        double bestScore = double.MinValue;
        for (int i = 0; i < nodes.Count; i++)
        {
            if (!touched[i]) continue;
            var n = nodes[i];
            double ld = n.TextChars == 0 ? 0 : (double)n.LinkChars / n.TextChars;
            // Tag and class evidence scale the paragraph evidence instead of adding to it: a
            // "content"-classed box with one short line must not outscore a plain div holding
            // the story (additive weights: trafilatura-eval F1 0.904; scaled: see docs/extraction.md).
            score[i] *= Math.Max(MinEvidenceFactor, 1 + (n.TagWeight + n.ClassWeight) / EvidenceScale) * (1 - ld);
            if (score[i] > bestScore)
            {
                bestScore = score[i];
                best = i;
            }
        }
        if (best < 0) return new MainText([], [], "html:main", 0);
        int winner = best;
        best = Widen(page, excluded, best);
        var ranges = new List<(int Start, int End)> { (best, nodes[best].End) };
        int parent = nodes[best].Parent;
        if (parent >= 0)
        {
            double threshold = Math.Max(10, score[best] * SiblingShare);
            for (int c = parent + 1; c < nodes[parent].End; c = nodes[c].End)
            {
                if (c == best || excluded[c]) continue;
                if ((touched[c] && score[c] >= threshold) || IsProseSibling(page, c))
                    ranges.Add((c, nodes[c].End));
            }
        }
        AddTwins(page, excluded, winner, best, ranges);
        int leadEnd = AddLead(page, excluded, best, ranges);
        ranges.Sort();
        var result = Collect(page, excluded, ranges, "html:main");
        int leadBlocks = 0;
        while (leadBlocks < result.Blocks.Count && result.Blocks[leadBlocks].Node < leadEnd) leadBlocks++;
        // Figure captions around the story, and credit lines the body held as paragraphs.
        var captions = CaptionsAround(page, excluded, best);
        foreach (var c in result.Captions)
            if (c.Kind != BlockKind.Caption) captions.Add(c);
        captions.Sort((x, y) => x.Start.CompareTo(y.Start));
        return result with { Captions = captions, LeadBlocks = leadBlocks };
    }

    /// <summary>Levels above the container searched for other parts of the story.</summary>
    public const int TwinScopeLevels = 8;

    /// <summary>
    /// A story split around ads or a photo into several wrappers of the same class
    /// ("story-text", "article-body" twice) that sit too far apart for widening: the winner's
    /// twins inside the same story (up to its article/main ancestor, a few levels up) join the
    /// body when they hold prose with few links. Teasers of other stories have other classes.
    /// </summary>
    private static void AddTwins(PageModel page, bool[] excluded, int winner, int best, List<(int Start, int End)> ranges)
    {
        var nodes = page.Nodes;
        int key = nodes[winner].ClassKey;
        var tag = nodes[winner].Tag;
        if (key == 0) return;
        int scope = best;
        for (int a = nodes[best].Parent, i = 0; a >= 0 && i < TwinScopeLevels && !excluded[a] && nodes[a].Tag is not ("body" or "html"); a = nodes[a].Parent, i++)
        {
            scope = a;
            if (nodes[a].Tag is "article" or "main") break;
        }
        if (scope == best) return;
        for (int a = winner; a > scope; a = nodes[a].Parent)
            if (nodes[a].Tag == "li") return; // an item of a list: the next item is another story
        int end = nodes[scope].End;
        for (int i = scope + 1; i < end; i++)
        {
            var n = nodes[i];
            if (excluded[i] || i == best) { i = n.End - 1; continue; }
            if (n.ClassKey != key || n.Tag != tag || i == winner || page.Contains(i, best) || Covered(ranges, i)) continue;
            if (n.TextChars >= MinSectionChars && n.LinkChars * 4 <= n.TextChars && !HeadingBetween(page, excluded, i, winner))
            {
                ranges.Add((i, n.End));
                i = n.End - 1;
            }
        }
    }

    /// <summary>
    /// True when a heading stands between two subtrees (outside both): the next story of a
    /// stream or a teaser's headline, not the ad or photo that splits one story's text.
    /// </summary>
    private static bool HeadingBetween(PageModel page, bool[] excluded, int a, int b)
    {
        var nodes = page.Nodes;
        if (a > b) (a, b) = (b, a);
        int from = nodes[a].End;
        foreach (var bl in page.Blocks)
        {
            if (bl.Node < from) continue;
            if (bl.Node >= b) break;
            if (bl.Kind == BlockKind.H && !excluded[bl.Node]) return true;
        }
        return false;
    }

    /// <summary>Levels above the container searched for the story's lead.</summary>
    public const int LeadScopeLevels = 4;
    /// <summary>Longest lead element taken: a standfirst is a paragraph or two, not a column of teasers.</summary>
    public const int MaxLeadChars = 1500;

    /// <summary>
    /// The story's lead (standfirst, intro, dek, subtitle) often sits in the article header,
    /// before the container that wins on paragraph evidence, so neither widening nor the
    /// sibling test reaches it. An element that class_words.tsv marks as a lead joins the body
    /// when it lies before the container, inside the same story (up to the nearest
    /// article/main ancestor, a few levels up), is short and is not mostly links: the
    /// lead of another story on a front page sits in a teaser list, after or beside the story.
    /// (trafilatura-eval snippets: 27 more found, 2 more boilerplate; F1 0.910 → 0.915.)
    /// </summary>
    /// <returns>The end of the last lead range added (0 when none): blocks before it are the lead.</returns>
    private int AddLead(PageModel page, bool[] excluded, int best, List<(int Start, int End)> ranges)
    {
        int leadEnd = 0;
        var nodes = page.Nodes;
        int scope = StoryScope(page, excluded, best, LeadScopeLevels);
        int headline = StoryHeadline(page, excluded, best);
        scope = HeadlineScope(page, excluded, best, scope, headline);
        for (int c = scope + 1; c < best;)
        {
            var n = nodes[c];
            if (excluded[c]) c = n.End;
            // An ancestor of the container, no lead yet, or a "lede" block holding the headline
            // (the whole article header, with byline and share bar): look inside.
            else if (n.End > best || !n.Lead || HoldsHeadline(nodes, c) || c <= headline && headline < n.End) c++;
            else
            {
                if (n.TextChars >= MinParagraphChars && n.TextChars <= MaxLeadChars
                    && n.LinkChars <= n.TextChars * MaxShortLinkDensity && !Covered(ranges, c))
                {
                    ranges.Add((c, n.End));
                    leadEnd = n.End;
                }
                c = n.End;
            }
        }
        if (leadEnd == 0 && headline > scope) leadEnd = AddDek(page, excluded, headline, best, ranges);
        if (leadEnd == 0) leadEnd = AddDescribedLead(page, excluded, best, ranges);
        return leadEnd;
    }

    /// <summary>Levels above the container searched for the story's own headline.</summary>
    public const int HeadlineScopeLevels = 8;

    /// <summary>
    /// The story runs from its headline to its body: when the story's headline
    /// (<see cref="StoryHeadline"/>) comes before the container but outside the lead scope (an article header several wrappers above a
    /// deeply nested body), the scope widens to the nearest ancestor holding both, so the
    /// standfirst under the headline is reached. Not past body, an excluded (chrome) wrapper
    /// or <see cref="HeadlineScopeLevels"/>: an h1 that is the site logo shares only the page
    /// wrapper with the story.
    /// </summary>
    private static int HeadlineScope(PageModel page, bool[] excluded, int best, int scope, int headline)
    {
        var nodes = page.Nodes;
        if (headline < 0 || page.Contains(scope, headline)) return scope;
        int i = 0;
        for (int a = nodes[best].Parent; a >= 0 && i < HeadlineScopeLevels && !excluded[a] && nodes[a].Tag is not ("body" or "html"); a = nodes[a].Parent, i++)
            if (page.Contains(a, headline)) return a;
        return scope;
    }

    /// <summary>Shortest heading taken for the story's headline by its words alone.</summary>
    public const int MinHeadlineChars = 15;

    /// <summary>
    /// The story's own headline before the container, or -1: the last heading whose words are
    /// the page's declared title (the <c>title</c> element or og:title, which add a site name),
    /// else the last h1. Not the first h1: a logo or breadcrumb can be an h1 too, and many
    /// themes set the story's headline as an h2 ("entry-title", "aka-h1").
    /// </summary>
    private static int StoryHeadline(PageModel page, bool[] excluded, int best)
    {
        string? title = page.Signals.Title, og = null;
        foreach (var (key, value) in page.Signals.Metas)
            if (key == "og:title") { og = value; break; }
        var blocks = page.Blocks;
        for (int k = blocks.Count - 1; k >= 0; k--)
        {
            var b = blocks[k];
            if (b.Node >= best || b.Kind != BlockKind.H || b.Length < MinHeadlineChars || excluded[b.Node]) continue;
            var text = page.Text.ToString(b.Start, b.Length);
            if (NamesTitle(title, text) || NamesTitle(og, text)) return b.Node;
        }
        int h1 = -1;
        foreach (var (_, node) in page.Signals.H1)
            if (node < best && !excluded[node]) h1 = node;
        return h1;
    }

    private static bool NamesTitle(string? title, string heading) =>
        title is not null && (Metadata.TitleCleaner.EqualsLoosely(title, heading) || Metadata.TitleCleaner.ContainsLoosely(title, heading));

    /// <summary>Shortest unclassed paragraph taken as the dek: a sentence or two, not a byline.</summary>
    public const int MinDekChars = 80;
    /// <summary>Most unclassed paragraphs taken between the headline and the body.</summary>
    public const int MaxDekBlocks = 2;

    /// <summary>
    /// With no lead class on the page (class names hashed by a CSS toolchain), the prose
    /// paragraph between the story's headline and the body container is its dek: a whole
    /// sentence (end punctuation) or the page's own description, almost no links, not a
    /// boilerplate phrase. Bylines, dates and share bars between them are short and
    /// unpunctuated. A subheadline of 80 characters or more is a dek with or without a full
    /// stop: a section heading is shorter.
    /// </summary>
    private int AddDek(PageModel page, bool[] excluded, int headline, int best, List<(int Start, int End)> ranges)
    {
        var nodes = page.Nodes;
        int leadEnd = 0, taken = 0;
        foreach (var b in page.Blocks)
        {
            if (b.Node < nodes[headline].End) continue;
            if (b.Node >= best || taken >= MaxDekBlocks) break;
            if (excluded[b.Node] || b.Kind is not (BlockKind.P or BlockKind.H) || b.Length < MinDekChars || b.LinkChars * 10 > b.Length) continue;
            var text = page.Text.ToString(b.Start, b.Length);
            // A subheadline of 80 characters or more is a dek with or without a full stop (German
            // "Unterzeilen" rarely have one); a paragraph there must be a whole sentence.
            // A paragraph must be a whole sentence, or the page's own description (British
            // standfirsts have no full stop: "… to £10,000 for repeat offenders").
            if (b.Kind == BlockKind.P && !EndsSentence(text) && !IsDescription(page, text) || tables.Phrases.IsBoilerplate(text) || Covered(ranges, b.Node)) continue;
            ranges.Add((b.Node, nodes[b.Node].End));
            leadEnd = nodes[b.Node].End;
            taken++;
        }
        return leadEnd;
    }

    /// <summary>
    /// With no lead found near the story, a paragraph before the container that is the page's
    /// own description is its standfirst wherever the theme put it (a hero banner, an intro
    /// block in another column): the page says so itself.
    /// </summary>
    private static int AddDescribedLead(PageModel page, bool[] excluded, int best, List<(int Start, int End)> ranges)
    {
        var nodes = page.Nodes;
        foreach (var b in page.Blocks)
        {
            if (b.Node >= best) break;
            if (excluded[b.Node] || b.Kind is not (BlockKind.P or BlockKind.H) || b.Length < MinDekChars || b.LinkChars * 10 > b.Length) continue;
            if (!IsDescription(page, page.Text.ToString(b.Start, b.Length)) || Covered(ranges, b.Node)) continue;
            ranges.Add((b.Node, nodes[b.Node].End));
            return nodes[b.Node].End;
        }
        return 0;
    }

    /// <summary>The text is the page's declared description (meta, og: or twitter:), but for case and quote kinds.</summary>
    private static bool IsDescription(PageModel page, string text)
    {
        foreach (var (key, value) in page.Signals.Metas)
            if (key is "description" or "og:description" or "twitter:description" && Metadata.TitleCleaner.EqualsLoosely(value, text)) return true;
        return false;
    }

    private static bool EndsSentence(string text)
    {
        var t = text.AsSpan().TrimEnd();
        return t.Length > 0 && t[^1] is '.' or '!' or '?' or '…' or '"' or '”' or '»' or '。' or '！' or '？';
    }

    private static bool HoldsHeadline(List<HtmlNode> nodes, int node)
    {
        for (int i = node; i < nodes[node].End; i++)
            if (nodes[i].Tag == "h1") return true;
        return false;
    }

    private static bool Covered(List<(int Start, int End)> ranges, int node)
    {
        foreach (var (start, end) in ranges)
            if (start <= node && node < end) return true;
        return false;
    }

    /// <summary>
    /// The container's ancestor up to <paramref name="levels"/> levels above it, stopping at the
    /// first article/main and never climbing into an excluded box or to body/html: where the
    /// story's lead and lead photo sit.
    /// </summary>
    private static int StoryScope(PageModel page, bool[] excluded, int best, int levels)
    {
        var nodes = page.Nodes;
        int scope = best;
        for (int a = nodes[best].Parent, i = 0; a >= 0 && i < levels && !excluded[a] && nodes[a].Tag is not ("body" or "html"); a = nodes[a].Parent, i++)
        {
            scope = a;
            if (nodes[a].Tag is "article" or "main") break;
        }
        return scope;
    }

    /// <summary>Levels above the container searched for photo captions (the lead photo sits beside the body).</summary>
    public const int CaptionScopeLevels = 3;

    /// <summary>Captions of the story: under the container's nearest article/main ancestor, or a few levels up.</summary>
    private static List<HtmlBlock> CaptionsAround(PageModel page, bool[] excluded, int best)
    {
        var nodes = page.Nodes;
        int scope = StoryScope(page, excluded, best, CaptionScopeLevels);
        var captions = new List<HtmlBlock>();
        foreach (var b in page.Blocks)
            if (b.Kind == BlockKind.Caption && !excluded[b.Node] && page.Contains(scope, b.Node)) captions.Add(b);
        return captions;
    }

    /// <summary>
    /// Climbs from the winner to the highest ancestor that adds article prose without adding
    /// much else: the paragraphs of one story are often split over sibling divs (lead, body,
    /// "read on" part) that each score less than the first. An ancestor qualifies when at least
    /// <see cref="WidenProseShare"/> of its text is prose and it holds more prose than the winner,
    /// by a paragraph's worth at least: a headline and a one-line teaser far above the body are
    /// no reason to take the page wrapper.
    /// </summary>
    private static int Widen(PageModel page, bool[] excluded, int best)
    {
        var nodes = page.Nodes;
        var prose = new int[nodes.Count];
        foreach (var b in page.Blocks)
        {
            if (excluded[b.Node] || !IsProse(b)) continue;
            prose[b.Node] += b.Length;
        }
        for (int i = nodes.Count - 1; i > 0; i--)
            if (nodes[i].Parent >= 0) prose[nodes[i].Parent] += prose[i];
        int chosen = best;
        int a = nodes[best].Parent;
        for (int step = 0; a >= 0 && step < MaxWidenSteps; a = nodes[a].Parent, step++)
        {
            if (excluded[a] || nodes[a].Tag is "body" or "html") break;
            int text = Math.Max(1, nodes[a].TextChars - ExcludedChars(page, excluded, a));
            if (prose[a] > prose[chosen] * WidenMinGain && prose[a] - prose[chosen] >= MinSectionChars && prose[a] >= text * WidenProseShare) chosen = a;
        }
        return chosen;
    }

    /// <summary>Ancestor levels examined when widening: page builders (TYPO3, AEM, Elementor) nest each
    /// text element seven or eight wrappers below the story (6 → 9: trafilatura-eval snippets TP +22, FP +8;
    /// with the <see cref="MinSectionChars"/> gain below, FP +2).</summary>
    public const int MaxWidenSteps = 9;
    /// <summary>An ancestor must hold this much more prose than the current choice.</summary>
    public const double WidenMinGain = 1.15;
    /// <summary>Share of an ancestor's (non-chrome) text that must be prose for it to be taken.</summary>
    public const double WidenProseShare = 0.6;

    private static bool IsProse(in HtmlBlock b) =>
        b.Kind is BlockKind.P or BlockKind.Quote or BlockKind.H or BlockKind.Li or BlockKind.Pre
        && b.Length >= MinParagraphChars && b.LinkChars <= b.Length * MaxShortLinkDensity;

    /// <summary>Characters under <paramref name="node"/> that are in excluded subtrees.</summary>
    private static int ExcludedChars(PageModel page, bool[] excluded, int node)
    {
        var nodes = page.Nodes;
        int sum = 0;
        for (int c = node + 1; c < nodes[node].End;)
        {
            if (excluded[c])
            {
                sum += nodes[c].TextChars;
                c = nodes[c].End;
            }
            else c++;
        }
        return sum;
    }

    /// <summary>
    /// How much a block of each kind says "article here": table rows and list items are as
    /// often directories, link lists and data tables as story text.
    /// </summary>
    private static double KindEvidence(BlockKind kind) => kind switch
    {
        BlockKind.P or BlockKind.Quote => 1.0,
        BlockKind.Pre => 0.8,
        BlockKind.Li => 0.5,
        BlockKind.Table => 0.25,
        _ => 0,
    };

    /// <summary>A sibling node that is itself plain prose: a paragraph with few links.</summary>
    private static bool IsProseSibling(PageModel page, int node)
    {
        var n = page.Nodes[node];
        if (n.Tag != "p" || n.TextChars == 0) return false;
        double ld = (double)n.LinkChars / n.TextChars;
        return n.TextChars > 80 && ld < 0.25;
    }

    /// <summary>The cascade's last resort: every paragraph-like block outside chrome, in order.</summary>
    public MainText Baseline(PageModel page)
    {
        var excluded = Excluded(page, useClassDrops: false);
        var kept = new List<HtmlBlock>();
        var captions = new List<HtmlBlock>();
        int chars = 0;
        foreach (var b in page.Blocks)
        {
            if (excluded[b.Node]) continue;
            if (b.Kind == BlockKind.Caption)
            {
                captions.Add(b);
                continue;
            }
            if (b.Length < MinParagraphChars && b.Kind != BlockKind.H) continue;
            if (!Keep(page, b)) continue;
            kept.Add(b);
            chars += b.Length;
        }
        return new MainText(kept, captions, "html:baseline", chars);
    }

    private MainText Collect(PageModel page, bool[] excluded, List<(int Start, int End)> ranges, string stage)
    {
        var kept = new List<HtmlBlock>();
        var captions = new List<HtmlBlock>();
        int chars = 0, r = 0;
        HtmlBlock? linkedHeading = null;
        bool afterProse = false;
        int storyParent = -1, resumeAt = -1;
        var blocks = page.Blocks;
        for (int k = 0; k < blocks.Count; k++)
        {
            var b = blocks[k];
            while (r < ranges.Count && b.Node >= ranges[r].End) r++;
            if (r >= ranges.Count) break;
            if (b.Node < ranges[r].Start || excluded[b.Node] || k < resumeAt) continue;
            if (b.Kind == BlockKind.Caption)
            {
                captions.Add(b);
                continue;
            }
            // A stop heading ends the body; the same words as a link ("Comments (5 posted)" under
            // each story of a digest) point elsewhere and are only left out. A stop heading with
            // the story's own paragraphs after it is an inline box ("Auch interessant" and two
            // links between paragraphs): the box is skipped and the story goes on.
            if (chars >= MinCharsBeforeStop && b.Length <= BoilerplatePhraseTable.MaxStopBlock && b.LinkChars * 2 <= b.Length
                && tables.Phrases.Stop(page.Text.ToString(b.Start, b.Length)) is var stop && stop != StopKind.None)
            {
                resumeAt = stop == StopKind.Stop ? StoryResumes(page, excluded, ranges, k, storyParent, chars) : -1;
                if (resumeAt < 0) break;
                linkedHeading = null;
                afterProse = false;
                continue;
            }
            if (b.Kind == BlockKind.P && b.Length <= CaptionSplitter.MaxCreditLine && _credits.IsCreditLine(page.Text.ToString(b.Start, b.Length)))
            {
                captions.Add(b); // a credit line under a picture, written as a paragraph
                continue;
            }
            if (!Keep(page, b))
            {
                // A subheading inside the story that is one link (the product or place the
                // section is about) waits for the next block: it stays when a section's
                // prose follows it, not a teaser's one-line blurb.
                linkedHeading = b.Kind == BlockKind.H && chars >= MinCharsBeforeStop && b.Length <= MaxLinkedHeadingChars
                    && afterProse && !IsBoilerplate(page, b) ? b : null;
                afterProse = false;
                continue;
            }
            if (linkedHeading is { } h && b.Kind == BlockKind.P && b.Length >= MinSectionChars && b.LinkChars * 10 <= b.Length)
            {
                kept.Add(h);
                chars += h.Length;
            }
            linkedHeading = null;
            // A teaser box in the story ("Read more", "Weitere Informationen" over a linked
            // headline) starts with a label, not straight after the story's prose.
            afterProse = b.Kind == BlockKind.P && b.Length >= MinDekChars;
            if (afterProse) storyParent = page.Nodes[b.Node].Parent;
            kept.Add(b);
            chars += b.Length;
        }
        TrimHeadings(page, kept, ref chars);
        DropLabelRuns(page, kept, ref chars);
        return new MainText(kept, captions, stage, chars);
    }

    /// <summary>Blocks after a stop heading searched for the story's next paragraph (an inline box holds a few links, not a column).</summary>
    public const int MaxInlineBoxBlocks = 12;

    /// <summary>
    /// The index of the story paragraph that follows an inline "related" box, or -1 when the
    /// stop heading really opens the trailing furniture. The story goes on when, within a few
    /// blocks, a whole-sentence paragraph with few links sits in the same parent element as
    /// the story's paragraphs before the box (related lists, comments and teaser rails have
    /// their own wrappers), or when what came before was only the story's header: the
    /// container's prose after the box is twice what was collected, in two paragraphs or more.
    /// </summary>
    private static int StoryResumes(PageModel page, bool[] excluded, List<(int Start, int End)> ranges, int stop, int storyParent, int collected)
    {
        var blocks = page.Blocks;
        int firstProse = -1, prose = 0, paragraphs = 0;
        for (int k = stop + 1; k < blocks.Count; k++)
        {
            var b = blocks[k];
            if (!Covered(ranges, b.Node)) break;
            if (excluded[b.Node] || b.Kind != BlockKind.P || b.Length < MinSectionChars || b.LinkChars * 10 > b.Length
                || !EndsSentence(page.Text.ToString(b.Start, b.Length))) continue;
            if (k <= stop + MaxInlineBoxBlocks)
            {
                if (page.Nodes[b.Node].Parent == storyParent) return FirstOfRun(page, stop, k);
                if (firstProse < 0) firstProse = k;
            }
            else if (firstProse < 0) break;
            prose += b.Length;
            paragraphs++;
        }
        return firstProse >= 0 && paragraphs >= 2 && prose >= 2 * collected ? FirstOfRun(page, stop, firstProse) : -1;
    }

    /// <summary>
    /// The story resumes at the first of the blocks that share the resuming paragraph's parent
    /// and lead up to it: a short line of the story ("Korinna Hennig: Aus China.") before the
    /// next long paragraph belongs to it, not to the box.
    /// </summary>
    private static int FirstOfRun(PageModel page, int stop, int k)
    {
        int parent = page.Nodes[page.Blocks[k].Node].Parent;
        while (k - 1 > stop && page.Nodes[page.Blocks[k - 1].Node].Parent == parent) k--;
        return k;
    }

    /// <summary>Longest block that counts as a bare label (a chart tick, a player setting).</summary>
    public const int MaxLabelRunChars = 30;
    /// <summary>Shortest run of bare labels taken for a widget's controls or a chart's axis.</summary>
    public const int MinLabelRun = 6;

    /// <summary>
    /// Removes runs of bare labels: six or more short paragraph blocks in a row, none a sentence
    /// (a video player's settings "Medium", "Closed Captions", "Georgia"; a chart's ticks "$900",
    /// "billion", "’17"). List items and table rows are left alone: ingredient lists and data
    /// tables are short lines too, and belong to the story.
    /// </summary>
    private static void DropLabelRuns(PageModel page, List<HtmlBlock> kept, ref int chars)
    {
        int w = 0;
        for (int i = 0; i < kept.Count;)
        {
            int j = i;
            while (j < kept.Count && IsBareLabel(page, kept[j])) j++;
            if (j - i >= MinLabelRun)
            {
                for (int k = i; k < j; k++) chars -= kept[k].Length;
                i = j;
                continue;
            }
            if (j == i) j = i + 1;
            for (int k = i; k < j; k++) kept[w++] = kept[k];
            i = j;
        }
        kept.RemoveRange(w, kept.Count - w);
    }

    private static bool IsBareLabel(PageModel page, in HtmlBlock b)
    {
        if (b.Kind is not (BlockKind.P or BlockKind.H) || b.Length > MaxLabelRunChars) return false;
        var text = page.Text.ToString(b.Start, b.Length);
        // Thirty characters of Chinese or Japanese are a sentence, not a label.
        foreach (var c in text) if (c >= '\u2E80') return false;
        return !EndsSentence(text);
    }

    /// <summary>Shortest heading that is a sentence of the story (a pull quote set as h4), not a section title.</summary>
    public const int MinSentenceHeadingChars = 40;

    /// <summary>
    /// Drops headings left with no text after them (the "Related" heading of a removed list),
    /// up to one that is a sentence ending in a full stop: a section or box title has none.
    /// </summary>
    private static void TrimHeadings(PageModel page, List<HtmlBlock> kept, ref int chars)
    {
        while (kept.Count > 0 && kept[^1].Kind == BlockKind.H)
        {
            var h = kept[^1];
            if (h.Length >= MinSentenceHeadingChars && page.Text[h.Start + h.Length - 1] == '.' && h.LinkChars == 0) break;
            chars -= kept[^1].Length;
            kept.RemoveAt(kept.Count - 1);
        }
    }

    /// <summary>Longest all-link subheading kept when prose follows it (a section title, not a teaser headline list).</summary>
    public const int MaxLinkedHeadingChars = 100;
    /// <summary>Shortest paragraph after an all-link subheading that makes it a section of the story (a teaser's blurb is shorter).</summary>
    public const int MinSectionChars = 150;

    private bool IsBoilerplate(PageModel page, in HtmlBlock b)
        => b.Length <= BoilerplatePhraseTable.MaxContainsBlock && tables.Phrases.IsBoilerplate(page.Text.ToString(b.Start, b.Length));

    private bool Keep(PageModel page, in HtmlBlock b)
    {
        double ld = b.Length == 0 ? 0 : (double)b.LinkChars / b.Length;
        if (ld > MaxBlockLinkDensity) return false;
        if (b.Length < 80 && ld > MaxShortLinkDensity && b.Kind is BlockKind.Li or BlockKind.P) return false;
        if (b.Length <= BoilerplatePhraseTable.MaxContainsBlock)
        {
            var text = page.Text.ToString(b.Start, b.Length);
            if (tables.Phrases.IsBoilerplate(text)) return false;
            if (b.Length <= MaxStampChars && IsTimeStamp(text)) return false;
            // One short word outside a heading is a control's label (a video player's "Embed",
            // "Auto", "Back"); as a heading ("Fazit", "Notes") it titles the section after it.
            if (b.Kind != BlockKind.H && b.Length <= MaxLabelChars && ShortLabel().IsMatch(text)) return false;
        }
        return true;
    }

    /// <summary>Longest one-word block outside a heading taken for a control's label.</summary>
    public const int MaxLabelChars = 7;

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*[A-Za-z]{2,5}\s*$")]
    private static partial System.Text.RegularExpressions.Regex ShortLabel();

    /// <summary>Longest block that may be a bare date or time stamp ("17:30", "25 April 2019, 10:05").</summary>
    public const int MaxStampChars = 40;

    /// <summary>A block that is only a date and/or a time: a live blog's entry stamp, a dateline, not prose.</summary>
    private bool IsTimeStamp(string text)
    {
        // A bare time needs its digits: a short word ("Fazit", "Intro") is no stamp.
        if (text.AsSpan().IndexOfAnyInRange('0', '9') >= 0 && TimeOnly().IsMatch(text)) return true;
        var found = _dates.FindAll(text, 1);
        if (found.Count == 0) return false;
        var rest = text.Remove(found[0].Start, found[0].End - found[0].Start);
        // A label before the date ("Updated:", "Aktualisiert:", "Publié le :") is part of the stamp.
        if (found[0].Start > 0) rest = StampLabel().Replace(rest, "", 1);
        return TimeOnly().IsMatch(rest) || rest.Trim(' ', ',', '.', '|', '-', '·').Length == 0;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*\p{L}+(?: \p{L}+){0,2}\s*:\s*")]
    private static partial System.Text.RegularExpressions.Regex StampLabel();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*[,|·-]?\s*(?:[0-9]{1,2}[:.][0-9]{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.|uhr|h))?)?\s*(?-i:[A-Z]{2,5})?\s*[,|·-]?\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex TimeOnly();

    /// <summary>Per node: is it chrome in this stage (inherited from ancestors, pre-order so one pass).</summary>
    private static bool[] Excluded(PageModel page, bool useClassDrops, bool headlineGuard = false)
    {
        var nodes = page.Nodes;
        var excluded = new bool[nodes.Count];
        int total = Math.Max(1, page.TotalChars);
        // With the guard, a chrome-classed container with most of the page's text is kept only
        // when it holds the headline (a wrapper named "page-comments-enabled"): a long comment
        // thread, live sidebar or gallery beside the story is not the story.
        int firstH1 = page.Signals.H1.Count > 0 ? page.Signals.H1[0].Node : -1;
        int headline = headlineGuard ? firstH1 : -1;
        for (int i = 0; i < nodes.Count; i++)
        {
            var n = nodes[i];
            if (n.Parent >= 0 && excluded[n.Parent])
            {
                excluded[i] = true;
                continue;
            }
            // An aside or footer that holds the headline is the story in the wrong element.
            if (n.Role == TagRole.Boiler && n.TextChars < total * MaxDropShare && !(i <= firstH1 && firstH1 < n.End)) excluded[i] = true;
            else if (useClassDrops && n.ClassDrop && n.Tag is not ("body" or "html" or "article" or "main")
                && (n.TextChars < total * MaxDropShare || headline >= 0 && !(i <= headline && headline < n.End)))
                excluded[i] = true;
        }
        return excluded;
    }
}
