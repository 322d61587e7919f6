namespace Wirescope.Documents;

/// <summary>A quotation: its content span, speaker, relay chain and cue.</summary>
public sealed class Quote
{
    public required string Text { get; init; }
    public int Start { get; init; }
    public int End { get; init; }
    /// <summary>direct, indirect or mixed.</summary>
    public required string Kind { get; init; }
    public QuoteSpeaker? Speaker { get; set; }
    /// <summary>Relays, nearest first ("Yonhap, quoting KCNA" → KCNA, Yonhap).</summary>
    public List<QuoteRelay> Via { get; } = new();
    public QuoteCue? Cue { get; set; }
    public string? Rule { get; set; }
}

public sealed record QuoteSpeaker(string? Entity, string Name, int Start, int End);
public sealed record QuoteRelay(string? Entity, string Name);
public sealed record QuoteCue(string Text, string? Lemma, int Start, int End);
