using System.Text.Encodings.Web;
using System.Text.Json;

namespace Wirescope.Documents.Json;

/// <summary>
/// Writes the output record of DESIGN.md ("wirescope analyze — the contract"), one object per
/// document. Fields of layers that did not run are absent; layers that ran but found nothing
/// write empty lists or null. Hand-written over Utf8JsonWriter: no reflection, field order fixed.
/// </summary>
public static class DocumentJsonWriter
{
    public static readonly JsonWriterOptions Options = new()
    {
        // Readable non-ASCII text (names, quotes) in the output, as the contract shows it.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    public static void Write(Utf8JsonWriter w, Document doc)
    {
        w.WriteStartObject();
        w.WriteString("id", doc.Id);
        w.WriteStartObject("input");
        w.WriteString("kind", doc.Input.Kind);
        WriteStringOrNull(w, "uri", doc.Input.Uri);
        WriteStringOrNull(w, "format", doc.Input.Format);
        w.WriteEndObject();
        if (doc.Error is null) w.WriteNull("error");
        else
        {
            w.WriteStartObject("error");
            w.WriteString("code", doc.Error.Code);
            w.WriteString("message", doc.Error.Message);
            w.WriteEndObject();
        }
        if (doc.Warnings.Count > 0)
        {
            w.WriteStartArray("warnings");
            foreach (var warning in doc.Warnings)
            {
                w.WriteStartObject();
                w.WriteString("code", warning.Code);
                w.WriteString("message", warning.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (doc.Article is { } a && doc.Done.HasFlag(Layers.Article)) WriteArticle(w, a);
        if (doc.Done.HasFlag(Layers.Language) || doc.Done.HasFlag(Layers.Entities))
        {
            w.WriteStartArray("sentences");
            foreach (var s in doc.Sentences)
            {
                w.WriteStartObject();
                w.WriteNumber("start", s.Start);
                w.WriteNumber("end", s.End);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (doc.Done.HasFlag(Layers.Entities)) WriteEntities(w, doc.Entities);
        if (doc.Done.HasFlag(Layers.Quotes)) WriteQuotes(w, doc.Quotes);
        if (doc.Done.HasFlag(Layers.Events)) WriteEvents(w, doc.Events);
        w.WriteEndObject();
    }

    /// <summary>One record as a UTF-8 JSON line (no newline).</summary>
    public static byte[] ToUtf8(Document doc)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, Options)) Write(w, doc);
        return buffer.WrittenSpan.ToArray();
    }

    public static string ToJson(Document doc) => System.Text.Encoding.UTF8.GetString(ToUtf8(doc));

    private static void WriteArticle(Utf8JsonWriter w, Article a)
    {
        w.WriteStartObject("article");
        WriteStringOrNull(w, "title", a.Title);
        w.WriteStartArray("authors");
        foreach (var name in a.Authors) w.WriteStringValue(name);
        w.WriteEndArray();
        WriteStringOrNull(w, "published", a.Published?.ToString());
        WriteStringOrNull(w, "modified", a.Modified?.ToString());
        WriteStringOrNull(w, "site", a.Site);
        WriteStringOrNull(w, "url", a.Url);
        WriteStringOrNull(w, "language", a.Language);
        WriteStringOrNull(w, "description", a.Description);
        w.WriteString("text", a.Text);
        w.WriteStartArray("paragraphs");
        foreach (var p in a.Paragraphs)
        {
            w.WriteStartObject();
            w.WriteNumber("start", p.Start);
            w.WriteNumber("end", p.End);
            w.WriteString("kind", p.Kind);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("captions");
        foreach (var c in a.Captions)
        {
            w.WriteStartObject();
            w.WriteString("text", c.Text);
            WriteStringOrNull(w, "credit", c.Credit);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteStringOrNull(w, "image", a.Image);
        w.WriteStartArray("tags");
        foreach (var t in a.Tags) w.WriteStringValue(t);
        w.WriteEndArray();
        w.WriteStartObject("provenance");
        foreach (var (k, v) in a.Provenance) w.WriteString(k, v);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteEntities(Utf8JsonWriter w, List<Entity> entities)
    {
        w.WriteStartArray("entities");
        foreach (var e in entities)
        {
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            w.WriteString("type", e.Type);
            w.WriteString("name", e.Name);
            w.WriteStartArray("mentions");
            foreach (var m in e.Mentions)
            {
                w.WriteStartObject();
                w.WriteNumber("start", m.Start);
                w.WriteNumber("end", m.End);
                w.WriteString("text", m.Text);
                w.WriteString("kind", KindName(m.Kind));
                if (m.Rule is not null) w.WriteString("rule", m.Rule);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (e.Actor is { } actor)
            {
                w.WriteStartObject("actor");
                WriteStringOrNull(w, "country", actor.Country);
                WriteStringOrNull(w, "sector", actor.Sector);
                if (actor.Role is not null) w.WriteString("role", actor.Role);
                if (actor.Title is not null) w.WriteString("title", actor.Title);
                if (actor.Rule is not null) w.WriteString("rule", actor.Rule);
                w.WriteEndObject();
            }
            if (e.Rule is not null) w.WriteString("rule", e.Rule);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static string KindName(MentionKind kind) => kind switch
    {
        MentionKind.Name => "name",
        MentionKind.Nominal => "nominal",
        _ => "pronoun",
    };

    private static void WriteQuotes(Utf8JsonWriter w, List<Quote> quotes)
    {
        w.WriteStartArray("quotes");
        foreach (var q in quotes)
        {
            w.WriteStartObject();
            w.WriteString("text", q.Text);
            w.WriteNumber("start", q.Start);
            w.WriteNumber("end", q.End);
            w.WriteString("kind", q.Kind);
            if (q.Speaker is { } s)
            {
                w.WriteStartObject("speaker");
                WriteStringOrNull(w, "entity", s.Entity);
                w.WriteString("name", s.Name);
                w.WriteNumber("start", s.Start);
                w.WriteNumber("end", s.End);
                w.WriteEndObject();
            }
            else w.WriteNull("speaker");
            w.WriteStartArray("via");
            foreach (var v in q.Via)
            {
                w.WriteStartObject();
                WriteStringOrNull(w, "entity", v.Entity);
                w.WriteString("name", v.Name);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (q.Cue is { } c)
            {
                w.WriteStartObject("cue");
                w.WriteString("text", c.Text);
                WriteStringOrNull(w, "lemma", c.Lemma);
                w.WriteNumber("start", c.Start);
                w.WriteNumber("end", c.End);
                w.WriteEndObject();
            }
            else w.WriteNull("cue");
            if (q.Rule is not null) w.WriteString("rule", q.Rule);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteEvents(Utf8JsonWriter w, List<Event> events)
    {
        w.WriteStartArray("events");
        foreach (var e in events)
        {
            w.WriteStartObject();
            w.WriteString("type", e.Type);
            WriteStringOrNull(w, "mode", e.Mode);
            WriteActor(w, "source", e.Source);
            WriteActor(w, "target", e.Target);
            if (e.Date is { } d)
            {
                w.WriteStartObject("date");
                w.WriteString("value", d.Value);
                w.WriteString("precision", d.Precision);
                w.WriteString("basis", d.Basis);
                w.WriteEndObject();
            }
            else w.WriteNull("date");
            if (e.Place is { } p)
            {
                w.WriteStartObject("place");
                w.WriteString("name", p.Name);
                WriteStringOrNull(w, "country", p.Country);
                w.WriteEndObject();
            }
            else w.WriteNull("place");
            if (e.Trigger is { } t)
            {
                w.WriteStartObject("trigger");
                WriteStringOrNull(w, "text", t.Text);
                w.WriteNumber("start", t.Start);
                w.WriteNumber("end", t.End);
                w.WriteEndObject();
            }
            else w.WriteNull("trigger");
            w.WriteStartArray("evidence");
            foreach (var span in e.Evidence)
            {
                w.WriteStartObject();
                w.WriteNumber("start", span.Start);
                w.WriteNumber("end", span.End);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteBoolean("negated", e.Negated);
            w.WriteNumber("confidence", Math.Round(e.Confidence, 3));
            if (e.Rule is not null) w.WriteString("rule", e.Rule);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteActor(Utf8JsonWriter w, string name, EventActor? a)
    {
        if (a is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        WriteStringOrNull(w, "entity", a.Entity);
        WriteStringOrNull(w, "name", a.Name);
        WriteStringOrNull(w, "country", a.Country);
        WriteStringOrNull(w, "sector", a.Sector);
        w.WriteEndObject();
    }

    private static void WriteStringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
