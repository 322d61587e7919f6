using Wirescope.Documents;

namespace Wirescope.Storage;

public sealed record EventRow(long ArticleId, string? Url, string? Published, string Type, string? Mode,
    EventActor? Source, EventActor? Target, string? Date, string? DatePrecision, string? Place, string? PlaceCountry,
    string? Trigger, bool Negated, double Confidence, string? Rule, string? Evidence);
