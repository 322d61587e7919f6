namespace Wirescope.Documents;

/// <summary>A PLOVER event: who did what to whom, where and when, and the evidence.</summary>
public sealed class Event
{
    /// <summary>One of the sixteen PLOVER types.</summary>
    public required string Type { get; init; }
    public string? Mode { get; set; }
    public EventActor? Source { get; set; }
    public EventActor? Target { get; set; }
    public EventDate? Date { get; set; }
    public EventPlace? Place { get; set; }
    public EventSpan? Trigger { get; set; }
    public List<EventSpan> Evidence { get; } = new();
    public bool Negated { get; set; }
    public double Confidence { get; set; }
    /// <summary>The id of the table row or model that produced the event (e.g. ev.meet.1).</summary>
    public string? Rule { get; set; }
}

public sealed record EventActor(string? Entity, string? Name, string? Country, string? Sector);
/// <summary>precision: day, month, year; basis: text or published.</summary>
public sealed record EventDate(string Value, string Precision, string Basis);
public sealed record EventPlace(string Name, string? Country);
public sealed record EventSpan(int Start, int End, string? Text = null);
