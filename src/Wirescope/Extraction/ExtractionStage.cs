using System.Text;
using AngleSharp.Html.Parser;
using Wirescope.Documents;
using Wirescope.Pipeline;

namespace Wirescope.Extraction;

/// <summary>
/// Raw page → Article. jsonl text is taken verbatim (DESIGN.md); HTML and plain-text pages
/// are decoded and extracted.
/// </summary>
public sealed class ExtractionStage(PipelineOptions options) : IStage
{
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
        var text = raw.Text ?? Encoding.UTF8.GetString(raw.Bytes.Span);
        if (text.Length == 0) throw new StageException(ErrorCodes.InputEmpty, $"{doc.Id}: empty input");
        var article = new Article { Url = raw.Url };
        var parser = new HtmlParser();
        var html = parser.ParseDocument(text);
        var sb = new StringBuilder();
        foreach (var p in html.QuerySelectorAll("p"))
        {
            var t = p.TextContent.Trim();
            if (t.Length == 0) continue;
            if (sb.Length > 0) sb.Append("\n\n");
            int start = sb.Length;
            sb.Append(t);
            article.Paragraphs.Add(new Paragraph(start, sb.Length, "p"));
        }
        article.Text = sb.ToString();
        article.Title = html.Title;
        doc.Article = article;
        _ = options;
    }

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
