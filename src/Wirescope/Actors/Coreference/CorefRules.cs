namespace Wirescope.Actors.Coreference;

/// <summary>
/// The rule ids a nominal or pronoun mention carries in its <c>rule</c> field (DESIGN.md: every
/// coded item remembers what made it). Name mentions keep the NER's span rule.
/// </summary>
public static class CorefRules
{
    /// <summary>A third-person pronoun linked to the most salient agreeing entity (Lappin–Leass style).</summary>
    public const string Pronoun = "coref.pron.salience";
    /// <summary>A reflexive bound to the subject of its clause ("Putin praised himself").</summary>
    public const string Reflexive = "coref.pron.reflexive";
    /// <summary>A relative pronoun to the name its clause modifies ("Putin, who said ...").</summary>
    public const string Relative = "coref.pron.relative";
    /// <summary>An apposition to a name ("Putin, the Russian president"; "the president, Vladimir Putin").</summary>
    public const string Apposition = "coref.nom.appos";
    /// <summary>A predicate nominal of a name ("Putin is the president").</summary>
    public const string Predicate = "coref.nom.pred";
    /// <summary>A definite description whose head is a role the entity was given ("the president" after "President Putin").</summary>
    public const string Role = "coref.nom.role";
    /// <summary>A definite description whose head names the entity's kind ("the company", "the country", "the man").</summary>
    public const string Kind = "coref.nom.kind";
    /// <summary>"the 45-year-old": the most salient person.</summary>
    public const string Age = "coref.nom.age";

    public static bool IsRelative(string? rule) => rule == Relative;
}
