using Wirescope.Documents;
using Wirescope.Storage;

namespace Wirescope.Tests.Storage;

/// <summary>Documents built by hand for the store tests (no extractor or model needed).</summary>
internal static class TestDocs
{
    /// <summary>An article with every layer filled: entities with actors, a relayed quote, an event.</summary>
    public static Document Full(string id = "doc-1", string? url = "https://news.example/kim-putin?utm_source=x",
        string title = "Kim Jong Un meets Vladimir Putin", string? body = null, string published = "2019-04-26", string site = "Newsroom")
    {
        var text = body ?? "Kim Jong Un met Vladimir Putin on Russky Island on Thursday. "
            + "TASS quoted Putin as saying that North Korea needs guarantees of security.";
        var doc = new Document(id, new InputInfo("url", url, "html"))
        {
            Done = Layers.Article | Layers.Language | Layers.Entities | Layers.Actors | Layers.Quotes | Layers.Events,
        };
        var a = new Article { Title = title, Url = url, Site = site, Language = "en", Text = text, Description = "A summit",
            Image = "https://news.example/img.jpg" };
        PartialDate.TryParse(published, out var p);
        a.Published = p;
        a.Modified = new PartialDate(new DateTimeOffset(2019, 4, 26, 10, 5, 0, TimeSpan.FromHours(9)));
        a.Authors.Add("Jane Roe");
        a.Paragraphs.Add(new Paragraph(0, text.Length, "p"));
        a.Captions.Add(new Caption("Putin and Kim", "Yuri Kadobnov / Getty Images"));
        a.Tags.Add("diplomacy");
        a.Provenance["title"] = "jsonld";
        doc.Article = a;
        doc.Sentences.Add(new Sentence(0, 61, 0, 0));
        var kim = new Entity { Id = "E1", Type = "PERSON", Name = "Kim Jong Un", Actor = new Actor("PRK", "GOV", "head of state", "Chairman", "act.1"), Rule = "ner.model" };
        kim.Mentions.Add(new Mention(0, 11, "Kim Jong Un", MentionKind.Name));
        var putin = new Entity { Id = "E2", Type = "PERSON", Name = "Vladimir Putin", Actor = new Actor("RUS", "GOV", "head of state", "President") };
        putin.Mentions.Add(new Mention(16, 30, "Vladimir Putin", MentionKind.Name));
        putin.Mentions.Add(new Mention(72, 77, "Putin", MentionKind.Name));
        var tass = new Entity { Id = "E3", Type = "ORG", Name = "TASS", Actor = new Actor("RUS", "MED") };
        tass.Mentions.Add(new Mention(61, 65, "TASS", MentionKind.Name));
        doc.Entities.AddRange([kim, putin, tass]);
        int qs = text.IndexOf("North Korea", StringComparison.Ordinal);
        if (qs >= 0)
        {
            var q = new Quote { Text = text[qs..^1], Start = qs, End = text.Length - 1, Kind = "indirect", Rule = "q.as_saying.1",
                Speaker = new QuoteSpeaker("E2", "Vladimir Putin", 72, 77), Cue = new QuoteCue("as saying", "say", 78, 87) };
            q.Via.Add(new QuoteRelay("E3", "TASS"));
            doc.Quotes.Add(q);
        }
        var ev = new Event
        {
            Type = "CONSULT", Mode = "visit",
            Source = new EventActor("E1", "Kim Jong Un", "PRK", "GOV"),
            Target = new EventActor("E2", "Vladimir Putin", "RUS", "GOV"),
            Date = new EventDate("2019-04-25", "day", "text"),
            Place = new EventPlace("Russky Island", "RUS"),
            Trigger = new EventSpan(12, 15, "met"),
            Negated = false, Confidence = 0.86, Rule = "ev.meet.1",
        };
        ev.Evidence.Add(new EventSpan(0, 61));
        doc.Events.Add(ev);
        doc.Warn("extract.charset_lied", "declared gb2312, read as UTF-8");
        return doc;
    }

    /// <summary>An article layer only.</summary>
    public static Document Article(string id, string text, string? url = null, string? title = null, string? site = null, string? published = null)
    {
        var doc = new Document(id, new InputInfo(url is null ? "file" : "url", url ?? id, "html")) { Done = Layers.Article };
        var a = new Article { Title = title, Url = url, Site = site, Text = text };
        if (PartialDate.TryParse(published, out var p)) a.Published = p;
        doc.Article = a;
        return doc;
    }

    public static IReadOnlyList<IngestOutcome> Write(IStore store, params Document[] docs) =>
        store.Write(docs.Select(PreparedDocument.From).ToList());

    /// <summary>A fresh database path under the temp folder; deleted with its WAL files on dispose.</summary>
    public sealed class TempDb : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wirescope-test-" + Guid.NewGuid().ToString("N") + ".db");

        public void Dispose()
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                try { File.Delete(Path + suffix); } catch (IOException) { }
        }
    }
}
