namespace Wirescope.Documents;

/// <summary>How an entity is mentioned: by name, by a description, or by a pronoun.</summary>
public enum MentionKind : byte { Name, Nominal, Pronoun }

/// <summary>One entity of the article with all its mentions (after in-article coreference).</summary>
public sealed class Entity
{
    /// <summary>"E1", "E2", ... in order of first mention.</summary>
    public required string Id { get; init; }
    /// <summary>PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, DATE, MONEY.</summary>
    public required string Type { get; set; }
    /// <summary>Canonical name: the longest name mention (never a pronoun).</summary>
    public required string Name { get; set; }
    public List<Mention> Mentions { get; } = new();
    /// <summary>Actor coding (country, sector) when the Actors layer could code it.</summary>
    public Actor? Actor { get; set; }
    /// <summary>The rule or model that made the entity (e.g. "ner.model", "ner.gazetteer").</summary>
    public string? Rule { get; set; }
}

/// <summary>
/// A mention: character span, text, kind, token range, and the rule or model that made it
/// (the NER's span rule for names, <c>coref.*</c> for nominals and pronouns; DESIGN.md: every
/// coded item remembers why).
/// </summary>
public sealed record Mention(int Start, int End, string Text, MentionKind Kind, int FirstToken = -1, int TokenCount = 0, string? Rule = null);

/// <summary>Actor codes: ISO 3166-1 alpha-3 country (null for IGOs), CAMEO/PLOVER sector.</summary>
public sealed record Actor(string? Country, string? Sector, string? Role = null, string? Title = null, string? Rule = null);
