using System.Text;
using AngleSharp.Html.Parser;
using Wirescope.Documents;
using Wirescope.Extraction.Decoding;
using Wirescope.Extraction.Html;
using Wirescope.Extraction.Metadata;
using Wirescope.Extraction.Text;
using Wirescope.Pipeline;

namespace Wirescope.Extraction;

/// <summary>
/// Raw page → Article. jsonl text is taken verbatim (DESIGN.md). Other pages are decoded
/// (<see cref="CharsetDecoder"/>), told apart as HTML or plain text, and extracted: HTML by one
/// pre-scan, one AngleSharp parse and one walk, then the <see cref="MainTextExtractor"/>
/// cascade and the <see cref="MetadataExtractor"/>; text pages by <see cref="TextPageExtractor"/>.
/// </summary>
public sealed class ExtractionStage : IStage
{
    public const string WarnEmptyBody = ErrorCodes.ExtractEmptyBody;
    public const string WarnTooDeep = ErrorCodes.ExtractTooDeep;

    private readonly PipelineOptions _options;
    private readonly ExtractionTables _tables;
    private readonly PageWalker _walker;
    private readonly MainTextExtractor _main;
    private readonly MetadataExtractor _metadata;
    private readonly TextPageExtractor _text;
    private readonly CaptionSplitter _captions;
    private readonly HtmlParser _parser;

    public ExtractionStage(PipelineOptions options, ExtractionTables? tables = null)
    {
        _options = options;
        _tables = tables ?? ExtractionTables.Default;
        _walker = new PageWalker(_tables);
        _main = new MainTextExtractor(_tables);
        _metadata = new MetadataExtractor(_tables);
        _text = new TextPageExtractor(_tables);
        _captions = new CaptionSplitter(_tables.LineCues);
        // One parser for all threads: ParseDocument builds a fresh document per call.
        _parser = new HtmlParser(new HtmlParserOptions
        {
            IsKeepingSourceReferences = false,
            DisableElementPositionTracking = true,
            SkipComments = true,
            SkipScriptText = true,
            SkipProcessingInstructions = true,
            SkipCDATA = true,
            MaximumDepth = Math.Max(8, options.MaxDepth + 16),
        });
    }

    public string Name => "extraction";
    public Layers Requires => Layers.None;
    public Layers Assigns => Layers.Article;

    public void Run(Document doc, CancellationToken cancellationToken)
    {
        var raw = doc.Raw ?? throw new StageException(ErrorCodes.ExtractFailed, "no page to extract");
        if (raw.Format == "jsonl")
        {
            doc.Article = VerbatimArticle(raw);
            return;
        }
        string text;
        if (raw.Text is not null) text = raw.Text;
        else text = CharsetDecoder.Decode(raw.Bytes.Span, raw.Charset, doc).Text;
        if (string.IsNullOrWhiteSpace(text)) throw new StageException(ErrorCodes.InputEmpty, "the page is empty");
        cancellationToken.ThrowIfCancellationRequested();
        bool html = raw.Format switch
        {
            "html" => true,
            "text" => false,
            _ => FormatDetector.LooksLikeHtml(text),
        };
        doc.Article = html ? FromHtml(text, raw, doc, cancellationToken) : FromText(text, raw, doc);
        if (doc.Article.Text.Length == 0)
            doc.Warn(WarnEmptyBody, "no article text found on the page (a front page, a list of links, or a page rendered by script)");
    }

    private Article FromHtml(string text, RawPage raw, Document doc, CancellationToken ct)
    {
        using var pre = HtmlPrescan.Run(text, _options.MaxDepth, ct);
        if (pre.DroppedDeepTags > 0)
            doc.Warn(WarnTooDeep, $"{pre.DroppedDeepTags} elements nested deeper than {_options.MaxDepth} were flattened (--max-depth)");
        ct.ThrowIfCancellationRequested();
        // The DOM may point into the pre-scan's buffer: both live until this method returns.
        using var dom = _parser.ParseDocument(pre.Markup);
        ct.ThrowIfCancellationRequested();
        var page = _walker.Walk(dom, _options.MaxDepth, ct);
        page.Signals.JsonLd.AddRange(pre.JsonLd);
        var main = _main.Extract(page);
        var article = new Article();
        SetBody(article, page, main.Blocks);
        foreach (var c in main.Captions) article.Captions.Add(_captions.Split(page.BlockText(c)));
        article.Provenance["text"] = main.Stage;
        var ld = JsonLdReader.Read(pre.JsonLd);
        _metadata.Fill(article, page, ld, raw, main, doc);
        // The headline repeated as the body's first heading belongs to the title, not the text,
        // also with a kicker run into it ("Thema Verbraucherschutz Mehr Transparenz bei …").
        var blocks = main.Blocks.ToList();
        if (blocks.Count > 1 && blocks[0].Kind == BlockKind.H && article.Title is { } title
            && IsHeadline(page.BlockText(blocks[0]), title))
            blocks.RemoveAt(0);
        // The author's bio under the story ("Jane Roe is a reporter at …") is about the author.
        while (blocks.Count > 1 && blocks[^1].Kind is BlockKind.P or BlockKind.Quote && IsAuthorBio(page.BlockText(blocks[^1]), article.Authors))
            blocks.RemoveAt(blocks.Count - 1);
        if (blocks.Count != main.Blocks.Count) SetBody(article, page, blocks);
        return article;
    }

    /// <summary>
    /// A paragraph that starts with one of the story's authors (a full name of two words or
    /// more) and a bio word of author_rules.tsv ("is", "ist", "est"): the author's bio.
    /// </summary>
    private bool IsAuthorBio(string text, IEnumerable<string> authors)
    {
        foreach (var name in authors)
        {
            if (name.IndexOf(' ') < 0 || text.Length <= name.Length + 2 || !text.StartsWith(name, StringComparison.OrdinalIgnoreCase) || text[name.Length] != ' ') continue;
            var rest = text.AsSpan(name.Length + 1);
            int sp = rest.IndexOf(' ');
            if (sp <= 0) continue;
            var word = rest[..sp].ToString().ToLowerInvariant();
            if (Array.IndexOf(_tables.AuthorRules.BioVerbs, word) >= 0) return true;
        }
        return false;
    }

    /// <summary>Most characters a kicker adds to a heading that repeats the headline.</summary>
    public const int MaxKickerChars = 40;

    private static bool IsHeadline(string heading, string title)
    {
        heading = heading.Trim();
        title = title.Trim();
        if (TitleCleaner.EqualsLoosely(heading, title)) return true;
        return title.Length >= 15 && heading.Length <= title.Length + MaxKickerChars && TitleCleaner.ContainsLoosely(heading, title);
    }

    private static void SetBody(Article article, PageModel page, IEnumerable<HtmlBlock> blocks)
    {
        article.Paragraphs.Clear();
        var sb = new StringBuilder();
        foreach (var b in blocks)
        {
            if (sb.Length > 0) sb.Append("\n\n");
            int start = sb.Length;
            sb.Append(page.Text, b.Start, b.Length);
            article.Paragraphs.Add(new Paragraph(start, sb.Length, KindName(b.Kind)));
        }
        article.Text = sb.ToString();
    }

    private Article FromText(string text, RawPage raw, Document doc)
    {
        var (article, body) = _text.Extract(text, raw);
        var sb = new StringBuilder(text.Length);
        foreach (var (para, kind) in body)
        {
            if (sb.Length > 0) sb.Append("\n\n");
            int start = sb.Length;
            sb.Append(para);
            article.Paragraphs.Add(new Paragraph(start, sb.Length, kind));
        }
        article.Text = sb.ToString();
        article.Provenance["text"] = "text:lines";
        if (article.Published is null)
        {
            if (raw.FeedPublished is { } fp) { article.Published = fp; article.Provenance["published"] = "feed"; }
            else if (raw.Date is { } rd) { article.Published = rd; article.Provenance["published"] = "input"; }
            else if (doc.FallbackDate is { } fd) { article.Published = fd; article.Provenance["published"] = "fallback"; }
        }
        if (article.Title is null && raw.FeedTitle is { } ft) { article.Title = ft; article.Provenance["title"] = "feed"; }
        if (article.Authors.Count == 0 && raw.FeedAuthors is { Count: > 0 } fa)
        {
            article.Authors.AddRange(fa);
            article.Provenance["authors"] = "feed";
        }
        article.Url = raw.Url;
        var lang = LanguageIdentifier.Check(null, article.Text, _tables.Languages, out _);
        if (lang is not null) { article.Language = lang; article.Provenance["language"] = "text"; }
        return article;
    }

    private static string KindName(BlockKind kind) => kind switch
    {
        BlockKind.H => "h",
        BlockKind.Li => "li",
        BlockKind.Quote => "quote",
        BlockKind.Pre => "pre",
        BlockKind.Table => "table",
        _ => "p",
    };

    /// <summary>The jsonl contract: text verbatim, one paragraph per blank-line block.</summary>
    internal static Article VerbatimArticle(RawPage raw)
    {
        var article = new Article { Text = raw.Text ?? "", Title = raw.Title, Published = raw.Date };
        if (raw.Title is not null) article.Provenance["title"] = "input";
        if (raw.Date is not null) article.Provenance["published"] = "input";
        var text = article.Text;
        int i = 0;
        while (i < text.Length)
        {
            int next = text.IndexOf("\n\n", i, StringComparison.Ordinal);
            int end = next < 0 ? text.Length : next;
            int s = i, e = end;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (e > s) article.Paragraphs.Add(new Paragraph(s, e, "p"));
            i = next < 0 ? text.Length : next + 2;
        }
        return article;
    }
}
