using Wirescope.Documents;
using Wirescope.Extraction.Metadata;

namespace Wirescope.Extraction.Text;

/// <summary>A page saved as plain text → Article: lines classified, then each kind put in its place.</summary>
public sealed class TextPageExtractor(ExtractionTables tables)
{
    private readonly TextPageClassifier _classifier = new(tables);
    private readonly AuthorNormalizer _authors = new(tables.AuthorRules);
    private readonly DateParser _dates = new(tables.DateWords);
    private readonly CaptionSplitter _captions = new(tables.LineCues);

    /// <summary>Non-empty lines of the page, trimmed (a browser copy puts one block per line).</summary>
    public static List<string> Lines(string text)
    {
        var lines = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var l = raw.Trim().Replace('\u00A0', ' ');
            if (l.Length > 0) lines.Add(l);
        }
        return lines;
    }

    public (Article Article, List<(string Text, string Kind)> Body) Extract(string text, RawPage raw)
    {
        var lines = Lines(text);
        var kinds = _classifier.Classify(lines);
        var a = new Article();
        var body = new List<(string, string)>();
        var limit = (raw.FetchedAt ?? DateTimeOffset.MaxValue.AddDays(-2)).AddDays(1);
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            switch (kinds[i])
            {
                case LineKind.Site:
                    a.Site ??= line;
                    a.Provenance.TryAdd("site", "text:chrome");
                    break;
                case LineKind.Headline:
                    a.Title ??= line;
                    a.Provenance.TryAdd("title", "text:headline");
                    break;
                case LineKind.Byline:
                    if (a.Authors.Count == 0)
                    {
                        foreach (var n in _authors.Split(line, a.Site)) a.Authors.Add(n);
                        if (a.Authors.Count > 0) a.Provenance["authors"] = "text:byline";
                    }
                    TakeDate(a, line, "text:byline", limit);
                    break;
                case LineKind.Dateline:
                    TakeDate(a, line, "text:dateline", limit);
                    break;
                case LineKind.Caption:
                {
                    var c = _captions.Split(line);
                    if (c.Credit is null && i + 1 < lines.Count && kinds[i + 1] == LineKind.Credit) c = c with { Credit = lines[i + 1] };
                    a.Captions.Add(c);
                    break;
                }
                case LineKind.Body:
                    body.Add((line, "p"));
                    break;
                case LineKind.Subheading:
                    body.Add((line, "h"));
                    break;
            }
        }
        while (body.Count > 0 && body[^1].Item2 == "h") body.RemoveAt(body.Count - 1);
        return (a, body);
    }

    private void TakeDate(Article a, string line, string source, DateTimeOffset limit)
    {
        foreach (var f in _dates.FindAll(line, 3))
        {
            if (f.Date.Earliest > limit || f.Cue == DateCue.Chrome) continue;
            if (f.Cue == DateCue.Modified)
            {
                if (a.Modified is null) { a.Modified = f.Date; a.Provenance["modified"] = source; }
                continue;
            }
            if (a.Published is null) { a.Published = f.Date; a.Provenance["published"] = source; }
        }
    }
}
