using Wirescope.Documents;
using Wirescope.Extraction.Html;

namespace Wirescope.Extraction.Metadata;

/// <summary>
/// Article metadata with provenance, in trafilatura's order: meta tags first, JSON-LD
/// overrides them, then the DOM (h1, time elements, bylines), the URL and the feed fill gaps.
/// Dates: published and modified are separate; a date in page chrome (a comment, a related
/// story, the footer, a "Last update" stamp, a copyright line) is never taken; no date may be
/// later than the fetch.
/// </summary>
public sealed class MetadataExtractor(ExtractionTables tables)
{
    private readonly AuthorNormalizer _authors = new(tables.AuthorRules);
    private readonly DateParser _dates = new(tables.DateWords);
    private readonly Text.TextPageClassifier _lines = new(tables);

    /// <summary>Blocks before the body searched for a byline or date written as text ("By NAME", "March 3, 2021").</summary>
    public const int BylineWindowBlocks = 6;

    /// <summary>Slack for a page fetched at midnight with its date written in a later time zone.</summary>
    public static readonly TimeSpan FutureSlack = TimeSpan.FromDays(1);

    public void Fill(Article a, PageModel page, JsonLdFacts ld, RawPage raw, MainText? main, Document doc)
    {
        var s = page.Signals;
        var meta = new MetaLookup(s.Metas, tables.MetaFields);
        var chrome = ChromeNodes(page);
        // Microdata names the article's own author and date even inside an <aside> or <footer>
        // of the story; only comment and related-story containers disqualify it.
        var markupChrome = ChromeNodes(page, byTag: false);

        // Site name first: the title and author rules refuse it.
        Set(a, "site", meta.First("site", v => !v.StartsWith('@')), ld.Publisher is { } pub ? (pub, "jsonld:publisher") : null);

        // Title: JSON-LD headline, else meta titles, else an h1 the <title> confirms, else the <title>.
        var canonicalUrl = s.Links.FirstOrDefault(l => l.Rel == "canonical").Href;
        var domain = TitleCleaner.DomainLabel(raw.Url) ?? TitleCleaner.DomainLabel(canonicalUrl) ?? TitleCleaner.DomainLabel(meta.First("url")?.Value);
        (string, string)? title = meta.First("title");
        string? pageTitle = s.Title is { Length: > 0 } tt ? tt : null;
        // JSON-LD overrides the meta tags, unless the <title> confirms the meta title and not
        // the JSON-LD one (some CMSs put a description or a list type in "headline").
        // A headline that shares no word with the page's other titles describes the page rather
        // than naming it (Wikipedia's JSON-LD "headline" is the article's short description).
        // Half of its words must be in the <title>: one shared word ("matrix equal to its
        // conjugate-transpose" against "Hermitian matrix - Wikipedia") is a description's. An
        // og:title alone is often a social variant, so one shared word is enough against it.
        if (ld.Headline is { } hl && !(title is { } mt && pageTitle is not null
            && pageTitle.Contains(mt.Item1, StringComparison.OrdinalIgnoreCase) && !pageTitle.Contains(hl, StringComparison.OrdinalIgnoreCase))
            && !(pageTitle is not null ? TitleCleaner.WordShare(hl, pageTitle) < MinHeadlineShare
                : title is { } social && TitleCleaner.WordShare(hl, social.Item1) == 0))
            title = (hl, "jsonld:headline");
        if (title is { } t)
        {
            // The headline the reader sees, when it agrees with the declared title: og:title and
            // JSON-LD often carry a search or social variant ("Dubai: Das größte solarthermische
            // Kraftwerk der Welt" for the h1 "Größtes solarthermisches Kraftwerk der Welt
            // entsteht in Dubai") or a kicker ("Chronik: …") the page sets apart.
            if (VisibleHeadline(s, chrome, t.Item1, pageTitle, a.Site) is { } vh) title = (vh, "html:h1");
            else title = (TitleCleaner.Clean(t.Item1, a.Site, domain).Headline, t.Item2);
        }
        else if (ConfirmedH1(s, chrome, pageTitle) is { } h1) title = (h1, "html:h1");
        else if (pageTitle is not null)
        {
            var (head, site) = TitleCleaner.Clean(pageTitle, a.Site, domain);
            title = (head, "html:title");
            if (a.Site is null && site is not null) Set(a, "site", (site, "html:title"));
        }
        else if (s.H1.FirstOrDefault(h => h.Text.Length > 0 && !chrome[Math.Min(h.Node, chrome.Length - 1)]).Text is { Length: > 0 } anyH1) title = (anyH1, "html:h1");
        else if (raw.FeedTitle is { } ft) title = (ft, "feed");
        if (title is { } tv) { a.Title = tv.Item1; a.Provenance["title"] = tv.Item2; }

        // Authors.
        FillAuthors(a, page, meta, ld, raw, chrome, markupChrome, main);

        // Dates.
        FillDates(a, page, meta, ld, raw, chrome, markupChrome, main, doc);

        // Canonical URL, description, image, tags.
        var canonical = s.Links.FirstOrDefault(l => l.Rel == "canonical" && l.Href.StartsWith("http", StringComparison.OrdinalIgnoreCase)).Href;
        if (!string.IsNullOrEmpty(canonical)) { a.Url = canonical; a.Provenance["url"] = "html:canonical"; }
        else if (meta.First("url") is { } ogu) { a.Url = ogu.Value; a.Provenance["url"] = ogu.Source; }
        else if (raw.Url is not null) { a.Url = raw.Url; a.Provenance["url"] = "input"; }
        Set(a, "description", meta.First("description"), ld.Description is { } d ? (d, "jsonld:description") : null);
        Set(a, "image", meta.First("image"), ld.Image is { } im ? (im, "jsonld:image") : null);
        var tags = meta.All("tags").SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (ld.Keywords.Count > 0 && tags.Count == 0) { tags = ld.Keywords; a.Provenance["tags"] = "jsonld:keywords"; }
        else if (tags.Count > 0) a.Provenance["tags"] = "meta";
        foreach (var tag in s.Links.Where(l => l.Rel.Contains("tag", StringComparison.Ordinal) && l.Text.Length > 0)) tags.Add(tag.Text);
        foreach (var tag in tags.Distinct(StringComparer.OrdinalIgnoreCase).Take(30)) a.Tags.Add(tag);

        // Language: the declaration, checked against the text.
        FillLanguage(a, s, meta, ld, doc);
    }

    /// <summary>
    /// The first h1 outside chrome that the declared title (or the page's &lt;title&gt;) holds
    /// with more around it: the rest is a kicker, a site or a search tail the page itself sets
    /// apart from the headline. An h1 that only shares words is not taken: an og:title worded
    /// differently is the publisher's own headline, as good as the h1 (trafilatura-eval's gold
    /// follows the h1, readability-pages' the og:title). A one-word h1, the site's name, or the
    /// title's last part is the banner.
    /// </summary>
    private static string? VisibleHeadline(PageSignals s, bool[] chrome, string declared, string? pageTitle, string? site)
    {
        foreach (var (text, node) in s.H1)
        {
            if (text.Length < 3 || chrome[Math.Min(node, chrome.Length - 1)]) continue;
            // The same headline: the page's own typography (curly quotes, en dashes) where the
            // declared title has ASCII ("Editor's Letter" for the h1's "Editor’s Letter"), but
            // not a different casing (an h1 in capitals is styling).
            if (TitleCleaner.EqualsLoosely(text, declared)) return SameLetters(text, declared) && text != declared ? text : null;
            if (site is not null && string.Equals(text, site, StringComparison.OrdinalIgnoreCase)) continue;
            if (TitleCleaner.IsTailPart(text, declared) || pageTitle is not null && TitleCleaner.IsTailPart(text, pageTitle)) continue;
            // At least half the title, or a part the title sets off with a separator and of three
            // words or more: a short h1 inside a long title is a section ("Live updates") or a
            // kicker, not the headline.
            bool Holds(string t) => TitleCleaner.ContainsLoosely(t, text)
                && (text.Length * 2 >= t.Length || TitleCleaner.WordCount(text) >= 3 && TitleCleaner.IsSeparatedPart(t, text));
            bool agrees = (TitleCleaner.HasWords(text) || text.Length >= 5 && TitleCleaner.IsUnspaced(text))
                && (Holds(declared) || pageTitle is not null && Holds(pageTitle));
            if (agrees) return text;
        }
        return null;
    }

    /// <summary>The letters and digits of both, in order and case, are the same: they differ only in punctuation and spacing.</summary>
    private static bool SameLetters(string a, string b)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && !char.IsLetterOrDigit(a[i])) i++;
            while (j < b.Length && !char.IsLetterOrDigit(b[j])) j++;
            if (i == a.Length || j == b.Length) return i == a.Length && j == b.Length;
            if (a[i++] != b[j++]) return false;
        }
    }

    /// <summary>Share of a JSON-LD headline's words the page's other title must hold.</summary>
    public const double MinHeadlineShare = 0.5;

    /// <summary>An h1 outside chrome that the page's &lt;title&gt; contains (or that contains it): the headline, not the logo.</summary>
    private static string? ConfirmedH1(PageSignals s, bool[] chrome, string? pageTitle)
    {
        if (pageTitle is null) return null;
        foreach (var (text, node) in s.H1)
        {
            if (text.Length < 3 || chrome[Math.Min(node, chrome.Length - 1)]) continue;
            // An h1 that is only the title's last part is the site's name in its banner.
            if (pageTitle.Contains(text, StringComparison.OrdinalIgnoreCase) && !TitleCleaner.IsTailPart(text, pageTitle)) return text;
        }
        return null;
    }

    private static void Set(Article a, string field, (string Value, string Source)? fromMeta, (string, string)? fromLd = null)
    {
        var pick = fromLd ?? fromMeta;
        if (pick is not { } p || string.IsNullOrWhiteSpace(p.Item1)) return;
        switch (field)
        {
            case "site": a.Site = p.Item1.Trim(); break;
            case "description": a.Description = p.Item1.Trim(); break;
            case "image": a.Image = p.Item1.Trim(); break;
        }
        a.Provenance[field] = p.Item2;
    }

    private void FillAuthors(Article a, PageModel page, MetaLookup meta, JsonLdFacts ld, RawPage raw, bool[] chrome, bool[] markupChrome, MainText? main)
    {
        var s = page.Signals;
        // The site's own name is refused as an author only when the site declared it: a name
        // guessed from the <title> suffix is, on a personal blog, the author's.
        var site = a.Provenance.TryGetValue("site", out var siteSource) && siteSource != "html:title" ? a.Site : null;
        var candidates = new List<(string Text, string Source)>();
        foreach (var name in ld.Authors) candidates.Add((name, "jsonld:author"));
        if (candidates.Count > 0)
        {
            var names = ld.Authors.SelectMany(n => _authors.Split(n, site)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (Accept(a, names, "jsonld:author")) return;
        }
        foreach (var key in tables.MetaFields.KeysFor("author"))
        {
            var values = meta.AllFor(key);
            if (values.Count == 0) continue;
            var names = values.SelectMany(v => _authors.Split(v, site)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (Accept(a, names, "meta:" + key)) return;
        }
        foreach (var (prop, value, node) in NearestFirst(s.ItemProps, x => x.Node, main))
        {
            if (!HasToken(prop, "author") && !HasToken(prop, "creator") || markupChrome[Math.Min(node, markupChrome.Length - 1)]) continue;
            // An itemscope author holds its name in a nested itemprop="name".
            var nested = s.ItemProps.FirstOrDefault(x => x.Node > node && page.Contains(node, x.Node) && HasToken(x.Prop, "name")).Value;
            if (nested is not null && Accept(a, _authors.Split(nested, site), "itemprop:author")) return;
            if (Accept(a, _authors.Split(value, site), "itemprop:author")) return;
        }
        // rel=author links: the group nearest the body (a related story's byline links are further away).
        var relLinks = NearestFirst(s.Links.Where(l => l.Rel.Contains("author", StringComparison.Ordinal) && l.Text.Length > 0 && !chrome[Math.Min(l.Node, chrome.Length - 1)]).ToList(), l => l.Node, main).ToList();
        var relAuthors = relLinks.Where(l => relLinks.Count > 0 && Math.Abs(l.Node - relLinks[0].Node) <= MaxBylineSpread)
            .SelectMany(l => _authors.Split(l.Text, site)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (Accept(a, relAuthors, "html:rel-author")) return;
        foreach (var (text, node) in NearestFirst(s.Bylines, main))
        {
            if (chrome[Math.Min(node, chrome.Length - 1)]) continue;
            if (Accept(a, _authors.Split(text, site), "html:byline")) return;
        }
        foreach (var line in LinesBeforeBody(page, main))
        {
            if (_lines.IsByline(line) && Accept(a, _authors.Split(line, site), "html:byline-text")) return;
        }
        if (raw.FeedAuthors is { Count: > 0 } fa)
            Accept(a, fa.SelectMany(n => _authors.Split(n, site)).ToList(), "feed");
    }

    /// <summary>The lines of the few blocks just before the body, nearest first: where bylines and datelines sit.</summary>
    private static IEnumerable<string> LinesBeforeBody(PageModel page, MainText? main)
    {
        if (main?.BodyStart is not { } bodyStart) yield break;
        int first = page.Blocks.FindIndex(b => b.Start == bodyStart.Start);
        if (first < 0) yield break;
        int stop = Math.Max(0, first - BylineWindowBlocks);
        // The body proper starts at its first paragraph: a container widened to the story's
        // header holds the headline and the dateline stamp before it (the stamp is left out of
        // the text, but it still dates the story).
        for (int k = main.LeadBlocks; k < main.Blocks.Count; k++)
        {
            var b = main.Blocks[k];
            if (b.Kind != BlockKind.P || b.Length < ContentScorer.MinDekChars) continue;
            first = page.Blocks.FindIndex(first, x => x.Start == b.Start);
            break;
        }
        for (int i = first - 1; i >= stop; i--)
        {
            var text = page.BlockText(page.Blocks[i]);
            foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Reverse())
                yield return line;
        }
    }

    private static bool HasToken(string list, string token) =>
        list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(t => string.Equals(t, token, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Byline candidates, best first: inside the article body's range, then those just before
    /// it (nearest first: the byline under the headline), then the rest in page order (a
    /// related story's byline further down is the last resort).
    /// </summary>
    private static IEnumerable<SignalText> NearestFirst(List<SignalText> items, MainText? main) => NearestFirst(items, x => x.Node, main);

    private static IEnumerable<T> NearestFirst<T>(List<T> items, Func<T, int> nodeOf, MainText? main)
    {
        if (main is not { Blocks.Count: > 0 } m) return items;
        int start = m.Blocks[0].Node, end = m.Blocks[^1].Node;
        return items.OrderBy(x => nodeOf(x) >= start && nodeOf(x) <= end ? 0 : nodeOf(x) < start ? 1 : 2)
            .ThenBy(x => nodeOf(x) < start ? start - nodeOf(x) : nodeOf(x));
    }

    /// <summary>Nodes between the first and last author link of one byline ("By A, B and C").</summary>
    public const int MaxBylineSpread = 12;

    private static bool Accept(Article a, List<string> names, string source)
    {
        if (names.Count == 0) return false;
        foreach (var n in names) a.Authors.Add(n);
        a.Provenance["authors"] = source;
        return true;
    }

    private void FillDates(Article a, PageModel page, MetaLookup meta, JsonLdFacts ld, RawPage raw, bool[] chrome, bool[] markupChrome, MainText? main, Document doc)
    {
        var s = page.Signals;
        var limit = (raw.FetchedAt ?? DateTimeOffset.MaxValue - FutureSlack) + FutureSlack;
        bool NotFuture(PartialDate d) => d.Earliest <= limit;

        (PartialDate, string)? published = null, modified = null;
        foreach (var key in tables.MetaFields.KeysFor("published"))
        {
            if (meta.FirstFor(key) is { } v && DateParser.TryParseMachine(v, out var d) && NotFuture(d)) { published = (d, "meta:" + key); break; }
        }
        foreach (var key in tables.MetaFields.KeysFor("modified"))
        {
            if (meta.FirstFor(key) is { } v && DateParser.TryParseMachine(v, out var d) && NotFuture(d)) { modified = (d, "meta:" + key); break; }
        }
        if (DateParser.TryParseMachine(ld.Published, out var lp) && NotFuture(lp)) published = (lp, "jsonld:datePublished");
        if (DateParser.TryParseMachine(ld.Modified, out var lm) && NotFuture(lm)) modified = (lm, "jsonld:dateModified");

        bool Usable(int node) => !chrome[Math.Min(node, chrome.Length - 1)];
        bool MarkupUsable(int node) => !markupChrome[Math.Min(node, markupChrome.Length - 1)];
        if (published is null)
        {
            foreach (var (prop, value, node) in s.ItemProps)
                if (prop is "datePublished" or "dateCreated" && MarkupUsable(node) && DateParser.TryParseMachine(value, out var d) && NotFuture(d)) { published = (d, "itemprop:datePublished"); break; }
        }
        if (modified is null)
        {
            foreach (var (prop, value, node) in s.ItemProps)
                if (prop == "dateModified" && MarkupUsable(node) && DateParser.TryParseMachine(value, out var d) && NotFuture(d)) { modified = (d, "itemprop:dateModified"); break; }
        }
        if (published is null)
        {
            // <time> elements: a pubdate one, else the first outside chrome.
            (PartialDate, string)? firstAny = null;
            foreach (var (dt, text, node, pub) in s.Times)
            {
                if (!Usable(node)) continue;
                if (!(DateParser.TryParseMachine(dt, out var d) || TryText(text.Text, out d))) continue;
                if (!NotFuture(d)) continue;
                var cue = tables.DateWords.CueBefore(text.Text.ToLowerInvariant(), text.Text.Length);
                if (cue == DateCue.Modified) { modified ??= (d, "html:time"); continue; }
                if (cue == DateCue.Chrome) continue;
                if (pub) { published = (d, "html:time[pubdate]"); break; }
                firstAny ??= (d, "html:time");
            }
            published ??= firstAny;
        }
        if (published is null && DateParser.TryParseUrl(raw.Url ?? a.Url, out var ud) && NotFuture(ud)) published = (ud, "url");
        if (published is null)
        {
            foreach (var (text, node) in s.DateTexts.Concat(s.Bylines))
            {
                if (!Usable(node)) continue;
                foreach (var f in _dates.FindAll(text, 3))
                {
                    if (!NotFuture(f.Date) || f.Cue == DateCue.Chrome) continue;
                    if (f.Cue == DateCue.Modified) { modified ??= (f.Date, "html:date-text"); continue; }
                    published = (f.Date, "html:date-text");
                    break;
                }
                if (published is not null) break;
            }
        }
        if (published is null)
        {
            foreach (var line in LinesBeforeBody(page, main))
            {
                if (line.Length > 120) continue;
                foreach (var f in _dates.FindAll(line, 2))
                {
                    if (!NotFuture(f.Date) || f.Cue == DateCue.Chrome) continue;
                    if (f.Cue == DateCue.Modified) { modified ??= (f.Date, "html:date-text"); continue; }
                    published ??= (f.Date, "html:date-text");
                }
                if (published is not null) break;
            }
        }
        if (published is null && raw.FeedPublished is { } fp && NotFuture(fp)) published = (fp, "feed");
        if (published is null && raw.Date is { } rd) published = (rd, "input");
        if (published is null && doc.FallbackDate is { } fd) published = (fd, "fallback");
        if (published is { } p) { a.Published = p.Item1; a.Provenance["published"] = p.Item2; }
        if (modified is { } mo && (published is null || mo.Item1.Earliest >= published.Value.Item1.Earliest.AddDays(-1)))
        {
            a.Modified = mo.Item1;
            a.Provenance["modified"] = mo.Item2;
        }
    }

    private bool TryText(string text, out PartialDate d)
    {
        var all = _dates.FindAll(text, 1);
        d = all.Count > 0 ? all[0].Date : default;
        return all.Count > 0;
    }

    private void FillLanguage(Article a, PageSignals s, MetaLookup meta, JsonLdFacts ld, Document doc)
    {
        string? declared = null, source = null;
        if (!string.IsNullOrWhiteSpace(s.Lang)) (declared, source) = (s.Lang, "html:lang");
        else if (meta.First("language") is { } ml) (declared, source) = (ml.Value, ml.Source);
        else if (ld.Language is { } ll) (declared, source) = (ll, "jsonld:inLanguage");
        var primary = declared is null ? null : declared.Trim().Split('-', '_')[0].ToLowerInvariant();
        var checkedLang = LanguageIdentifier.Check(primary is { Length: >= 2 and <= 3 } ? primary : null, a.Text, tables.Languages, out bool disagrees);
        if (checkedLang is null) return;
        if (disagrees) doc.Warn("extract.language_mismatch", $"{source} declares '{declared}' but the text reads as '{checkedLang}'");
        a.Language = checkedLang;
        a.Provenance["language"] = checkedLang == primary ? source! : "text";
    }

    /// <summary>
    /// Nodes whose dates and names are not the article's: inside comments, related stories,
    /// footers and asides (class/id drops of weight -25 or below, and chrome tags).
    /// </summary>
    private static bool[] ChromeNodes(PageModel page, bool byTag = true)
    {
        var nodes = page.Nodes;
        var chrome = new bool[Math.Max(1, nodes.Count + 1)];
        for (int i = 0; i < nodes.Count; i++)
        {
            var n = nodes[i];
            chrome[i] = (n.Parent >= 0 && chrome[n.Parent])
                || (byTag && n.Role == TagRole.Boiler && n.Tag != "header")
                || (n.ClassDrop && n.ClassWeight <= -25 && n.Tag is not ("body" or "html" or "article" or "main"));
        }
        return chrome;
    }

    /// <summary>The page's meta tags by key, first value and all values.</summary>
    private sealed class MetaLookup
    {
        private readonly Dictionary<string, List<string>> _byKey = new(StringComparer.Ordinal);
        private readonly MetaFieldTable _fields;

        public MetaLookup(List<(string Key, string Value)> metas, MetaFieldTable fields)
        {
            _fields = fields;
            foreach (var (k, v) in metas)
            {
                if (!_byKey.TryGetValue(k, out var list)) _byKey[k] = list = new List<string>(1);
                list.Add(v);
            }
        }

        public string? FirstFor(string key) => _byKey.TryGetValue(key, out var l) ? l[0] : null;
        public List<string> AllFor(string key) => _byKey.TryGetValue(key, out var l) ? l : [];

        public (string Value, string Source)? First(string field, Func<string, bool>? ok = null)
        {
            if (field == "url") return FirstFor("og:url") is { } u ? (u, "meta:og:url") : null;
            foreach (var key in _fields.KeysFor(field))
                if (_byKey.TryGetValue(key, out var l))
                    foreach (var v in l)
                        if (!string.IsNullOrWhiteSpace(v) && (ok is null || ok(v))) return (v.Trim(), "meta:" + key);
            return null;
        }

        public IEnumerable<string> All(string field)
        {
            foreach (var key in _fields.KeysFor(field))
                if (_byKey.TryGetValue(key, out var l)) return l;
            return [];
        }
    }
}
