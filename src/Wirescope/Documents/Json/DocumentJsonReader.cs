using System.Text.Json;

namespace Wirescope.Documents.Json;

/// <summary>
/// Reads DESIGN.md's output record back into a <see cref="Document"/> (the store's export and
/// round-trip tests). The inverse of <see cref="DocumentJsonWriter"/>: writing what this reads
/// gives the same JSON. Which layers ran is taken from which fields are present. Tokens are not
/// part of the record, so sentences come back without token ranges.
/// </summary>
public static class DocumentJsonReader
{
    public static Document Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        using var json = JsonDocument.ParseValue(ref reader);
        return Read(json.RootElement);
    }

    public static Document Read(string json) => Read(System.Text.Encoding.UTF8.GetBytes(json));

    public static Document Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new JsonException("a record must be a JSON object");
        var input = root.GetProperty("input");
        var doc = new Document(Req(root, "id"), new InputInfo(Req(input, "kind"), Str(input, "uri"), Str(input, "format")));
        if (root.TryGetProperty("error", out var err) && err.ValueKind == JsonValueKind.Object)
            doc.Error = new DocumentError(Req(err, "code"), Req(err, "message"));
        if (root.TryGetProperty("warnings", out var warnings))
            foreach (var w in warnings.EnumerateArray()) doc.Warn(Req(w, "code"), Req(w, "message"));
        if (root.TryGetProperty("article", out var a) && a.ValueKind == JsonValueKind.Object)
        {
            doc.Article = ReadArticle(a);
            doc.Done |= Layers.Article;
        }
        if (root.TryGetProperty("sentences", out var sentences))
        {
            foreach (var s in sentences.EnumerateArray()) doc.Sentences.Add(new Sentence(Int(s, "start"), Int(s, "end"), 0, 0));
            doc.Done |= Layers.Language;
        }
        if (root.TryGetProperty("entities", out var entities))
        {
            foreach (var e in entities.EnumerateArray()) doc.Entities.Add(ReadEntity(e));
            doc.Done |= Layers.Entities;
            if (doc.Entities.Any(e => e.Actor is not null)) doc.Done |= Layers.Actors;
        }
        if (root.TryGetProperty("quotes", out var quotes))
        {
            foreach (var q in quotes.EnumerateArray()) doc.Quotes.Add(ReadQuote(q));
            doc.Done |= Layers.Quotes;
        }
        if (root.TryGetProperty("events", out var events))
        {
            foreach (var e in events.EnumerateArray()) doc.Events.Add(ReadEvent(e));
            doc.Done |= Layers.Events;
        }
        return doc;
    }

    private static Article ReadArticle(JsonElement a)
    {
        var article = new Article
        {
            Title = Str(a, "title"),
            Published = Date(a, "published"),
            Modified = Date(a, "modified"),
            Site = Str(a, "site"),
            Url = Str(a, "url"),
            Language = Str(a, "language"),
            Description = Str(a, "description"),
            Text = Str(a, "text") ?? "",
            Image = Str(a, "image"),
        };
        foreach (var s in Array(a, "authors")) article.Authors.Add(s.GetString()!);
        foreach (var p in Array(a, "paragraphs")) article.Paragraphs.Add(new Paragraph(Int(p, "start"), Int(p, "end"), Req(p, "kind")));
        foreach (var c in Array(a, "captions")) article.Captions.Add(new Caption(Req(c, "text"), Str(c, "credit")));
        foreach (var t in Array(a, "tags")) article.Tags.Add(t.GetString()!);
        if (a.TryGetProperty("provenance", out var prov) && prov.ValueKind == JsonValueKind.Object)
            foreach (var p in prov.EnumerateObject()) article.Provenance[p.Name] = p.Value.GetString()!;
        return article;
    }

    private static Entity ReadEntity(JsonElement e)
    {
        var entity = new Entity { Id = Req(e, "id"), Type = Req(e, "type"), Name = Req(e, "name"), Rule = Str(e, "rule") };
        foreach (var m in Array(e, "mentions"))
            entity.Mentions.Add(new Mention(Int(m, "start"), Int(m, "end"), Req(m, "text"), Req(m, "kind") switch
            {
                "name" => MentionKind.Name,
                "nominal" => MentionKind.Nominal,
                _ => MentionKind.Pronoun,
            }, Rule: Str(m, "rule")));
        if (e.TryGetProperty("actor", out var ac) && ac.ValueKind == JsonValueKind.Object)
            entity.Actor = new Actor(Str(ac, "country"), Str(ac, "sector"), Str(ac, "role"), Str(ac, "title"), Str(ac, "rule"));
        return entity;
    }

    private static Quote ReadQuote(JsonElement q)
    {
        var quote = new Quote { Text = Req(q, "text"), Start = Int(q, "start"), End = Int(q, "end"), Kind = Req(q, "kind"), Rule = Str(q, "rule") };
        if (q.TryGetProperty("speaker", out var s) && s.ValueKind == JsonValueKind.Object)
            quote.Speaker = new QuoteSpeaker(Str(s, "entity"), Req(s, "name"), Int(s, "start"), Int(s, "end"));
        foreach (var v in Array(q, "via")) quote.Via.Add(new QuoteRelay(Str(v, "entity"), Req(v, "name")));
        if (q.TryGetProperty("cue", out var c) && c.ValueKind == JsonValueKind.Object)
            quote.Cue = new QuoteCue(Req(c, "text"), Str(c, "lemma"), Int(c, "start"), Int(c, "end"));
        return quote;
    }

    private static Event ReadEvent(JsonElement e)
    {
        var ev = new Event
        {
            Type = Req(e, "type"),
            Mode = Str(e, "mode"),
            Source = ReadActor(e, "source"),
            Target = ReadActor(e, "target"),
            Negated = e.TryGetProperty("negated", out var n) && n.ValueKind == JsonValueKind.True,
            Confidence = e.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : 0,
            Rule = Str(e, "rule"),
        };
        if (e.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.Object)
            ev.Date = new EventDate(Req(d, "value"), Req(d, "precision"), Req(d, "basis"));
        if (e.TryGetProperty("place", out var p) && p.ValueKind == JsonValueKind.Object)
            ev.Place = new EventPlace(Req(p, "name"), Str(p, "country"));
        if (e.TryGetProperty("trigger", out var t) && t.ValueKind == JsonValueKind.Object)
            ev.Trigger = new EventSpan(Int(t, "start"), Int(t, "end"), Str(t, "text"));
        foreach (var s in Array(e, "evidence")) ev.Evidence.Add(new EventSpan(Int(s, "start"), Int(s, "end")));
        return ev;
    }

    private static EventActor? ReadActor(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Object
            ? new EventActor(Str(a, "entity"), Str(a, "name"), Str(a, "country"), Str(a, "sector"))
            : null;

    private static PartialDate? Date(JsonElement e, string name) => PartialDate.TryParse(Str(e, name), out var d) ? d : null;

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Req(JsonElement e, string name) =>
        Str(e, name) ?? throw new JsonException($"missing string field \"{name}\"");

    private static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : throw new JsonException($"missing number field \"{name}\"");
}
