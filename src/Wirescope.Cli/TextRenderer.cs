using Wirescope.Documents;

namespace Wirescope.Cli;

/// <summary>The --format text view, for people: headline, byline, dates, then quotes and events.</summary>
public static class TextRenderer
{
    public static void Write(TextWriter w, Document doc)
    {
        w.WriteLine($"== {doc.Id}");
        if (doc.Error is { } e) w.WriteLine($"   error {e.Code}: {e.Message}");
        // Warnings say what was left out and why (a page too long to parse, a language the models do not speak).
        foreach (var warning in doc.Warnings) w.WriteLine($"   note {warning.Code}: {warning.Message}");
        if (doc.Article is not { } a)
        {
            w.WriteLine();
            return;
        }
        if (a.Title is not null) w.WriteLine(a.Title);
        if (a.Authors.Count > 0) w.WriteLine("By " + string.Join(", ", a.Authors));
        var dates = new List<string>();
        if (a.Published is { } p) dates.Add($"published {p}");
        if (a.Modified is { } m) dates.Add($"modified {m}");
        if (a.Site is not null) dates.Add(a.Site);
        if (a.Language is not null) dates.Add($"[{a.Language}]");
        if (dates.Count > 0) w.WriteLine(string.Join(" · ", dates));
        w.WriteLine();
        foreach (var para in a.Paragraphs)
        {
            var t = a.Text.AsSpan(para.Start, para.End - para.Start);
            w.WriteLine(para.Kind == "h" ? $"## {t}" : t.ToString());
            w.WriteLine();
        }
        foreach (var c in a.Captions) w.WriteLine($"[caption] {c.Text}{(c.Credit is null ? "" : " — " + c.Credit)}");
        if (doc.Entities.Count > 0)
        {
            w.WriteLine("Entities:");
            foreach (var en in doc.Entities)
            {
                var actor = en.Actor is { } ac ? $" {ac.Country ?? "-"}·{ac.Sector ?? "-"}" : "";
                w.WriteLine($"  {en.Id} {en.Type} {en.Name}{actor} ({en.Mentions.Count} mentions)");
            }
        }
        if (doc.Quotes.Count > 0)
        {
            w.WriteLine("Quotes:");
            foreach (var q in doc.Quotes)
            {
                var via = q.Via.Count > 0 ? " via " + string.Join(", ", q.Via.Select(v => v.Name)) : "";
                w.WriteLine($"  {q.Speaker?.Name ?? "?"}{via} ({q.Kind}): \u201c{q.Text}\u201d{Rule(q.Rule)}");
            }
        }
        if (doc.Events.Count > 0)
        {
            w.WriteLine("Events:");
            foreach (var ev in doc.Events)
            {
                string Who(EventActor? x) => x is null ? "-" : $"{x.Name ?? "?"} ({x.Country ?? "-"}·{x.Sector ?? "-"})";
                w.WriteLine($"  {ev.Type}{(ev.Mode is null ? "" : "/" + ev.Mode)}: {Who(ev.Source)} → {Who(ev.Target)}"
                    + $"{(ev.Date is null ? "" : " on " + ev.Date.Value)}{(ev.Place is null ? "" : " at " + ev.Place.Name)}{Rule(ev.Rule)}");
            }
        }
        w.WriteLine();
    }

    private static string Rule(string? rule) => rule is null ? "" : $" [{rule}]";
}
