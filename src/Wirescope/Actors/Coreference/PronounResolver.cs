using Wirescope.Documents;

namespace Wirescope.Actors.Coreference;

/// <summary>
/// Links third-person pronouns (pronouns.tsv) to entities, after Lappin and Leass (1994):
/// <list type="bullet">
/// <item>agreement filters: gender (he/she against the entity's title or given name; unknown
/// agrees with both), person or not (he/she → PERSON; it/its → ORG, GPE, LOC, FAC; plural
/// "they" links to nothing, see <see cref="Agrees"/>);</item>
/// <item>a binding filter: a non-reflexive pronoun is not a co-argument of its own verb
/// ("Putin praised him" — him is not Putin); a reflexive goes to its clause's subject;</item>
/// <item>salience: recency (halved each sentence back, five sentences at most) and role
/// (subjects first), summed over each entity's mentions, pronouns included;</item>
/// <item>precision: the winner needs a minimum salience and a clear lead over the runner-up;
/// otherwise the pronoun stays unlinked.</item>
/// </list>
/// Relative "who/whom/whose" go to the name their clause hangs on ("Putin, who said ...").
/// A pronoun that wins a person of unknown gender gives it that gender for later pronouns.
/// </summary>
internal sealed class PronounResolver(CorefContext c)
{
    // The five knobs below were set as a set on GUM train-open (gold parse, predicted names):
    // `wirescope eval mentions --data .../ud-gum/train-open.conllu --gold-parse`. Window 2 →
    // 5 raised pronoun R 50.0 → 54.7 at the same P (87); a runner-up ratio of 0.6 → 0.75 raised
    // R 44 → 50 for P 87 → 86; "it" stays strict (0.6 there: "it" P 62 → 56).
    /// <summary>Sentences back a personal pronoun looks for its antecedent (the halving makes older ones weigh little).</summary>
    private const int Window = 5;
    /// <summary>The winner needs at least this salience (one plain mention two sentences back is 25).</summary>
    private const float MinScore = 40f;
    /// <summary>The runner-up's salience must stay under this share of the winner's.</summary>
    private const float MaxRatio = 0.75f;
    /// <summary>"it" and "they" are often about no named entity at all (events, things, unnamed groups): a stricter lead.</summary>
    private const float ThingMaxRatio = 0.4f;
    private const float ThingMinScore = 80f;

    public void TryLink(int i)
    {
        ref var t = ref c.Tok(i);
        var form = c.Form(i);
        if (t.Xpos is "WP" or "WP$")
        {
            LinkRelative(i, form);
            return;
        }
        if (!c.Tables.PronounLookup.TryGetValue(form, out var p)) return;
        if (t.Deprel is "expl" || (p.Gender == Gender.Neuter && !p.Possessive && Impersonal(i))) return;
        if (p.Reflexive)
        {
            LinkReflexive(i, p);
            return;
        }

        // Binding: the other arguments of the pronoun's own verb are not it ("Putin praised him").
        var bound1 = -1;
        var bound2 = -1;
        if (IsCoreArgument(t.Deprel) && t.Head >= 0)
            for (var ch = c.S.FirstChild[t.Head]; ch >= 0; ch = c.S.NextSibling[ch])
                if (ch != i && IsCoreArgument(c.Tok(ch).Deprel) && c.EntityAt(ch) is var co && co >= 0)
                {
                    if (bound1 < 0) bound1 = co;
                    else bound2 = co;
                }
        var (best, score, second) = c.Rank(i, Window, e => e != bound1 && e != bound2 && Agrees(e, p), d => DistractorAgrees(d, p));
        var thing = p.Refers != PronounRefers.Person;
        if (best < 0 || score < (thing ? ThingMinScore : MinScore) || second > score * (thing ? ThingMaxRatio : MaxRatio)) return;
        c.Link(best, i, i, MentionKind.Pronoun, CorefRules.Pronoun);
        if (p.Gender is Gender.Male or Gender.Female && c.Profiles.Gender[best] == Gender.Unknown) c.Profiles.Gender[best] = p.Gender;
    }

    private bool Agrees(int entity, PronounInfo p)
    {
        if (!c.Profiles.Linkable[entity]) return false;
        var type = c.Doc.Entities[entity].Type;
        // "they" for a company or government is real ("Apple said they ..."), but on GUM
        // train-open only 5 of 16 such links were right: plural pronouns stay unlinked (they
        // still compete as distractors, so "it" does not take a group's place).
        if (p.Plural) return false;
        if (p.Refers == PronounRefers.Person || (p.Refers == PronounRefers.Any && type == "PERSON"))
        {
            if (type != "PERSON") return false;
            var g = c.Profiles.Gender[entity];
            return p.Gender is not (Gender.Male or Gender.Female) || g == Gender.Unknown || g == p.Gender;
        }
        return type != "PERSON";
    }

    private static bool DistractorAgrees(DistractorAgreement d, PronounInfo p)
    {
        if (p.Plural) return (d & DistractorAgreement.Plural) != 0;
        if ((d & DistractorAgreement.Plural) != 0) return false;
        if (p.Refers == PronounRefers.Thing) return (d & DistractorAgreement.Thing) != 0;
        if ((d & DistractorAgreement.Person) == 0) return false;
        return p.Gender switch
        {
            Gender.Male => (d & DistractorAgreement.Female) == 0,
            Gender.Female => (d & DistractorAgreement.Male) == 0,
            _ => true,
        };
    }

    private static bool IsCoreArgument(string? rel) =>
        CorefContext.Is(rel, "nsubj") || rel is "obj" or "iobj" || CorefContext.Is(rel, "obl");

    /// <summary>
    /// "It" that stands for no thing: the subject of a copula or verb that takes a clause
    /// ("it is clear that", "it seems", "it is time to"), or of weather verbs.
    /// </summary>
    private bool Impersonal(int i)
    {
        var h = c.Tok(i).Head;
        if (h < 0) return false;
        var hasClause = c.Child(h, "ccomp") >= 0 || c.Child(h, "csubj") >= 0 || c.Child(h, "xcomp") >= 0;
        if (c.Child(h, "cop") >= 0 && hasClause) return true;
        var lemma = c.Tok(h).Lemma;
        return lemma is "seem" or "appear" or "rain" or "snow" or "matter" || (hasClause && c.Tok(h).Upos == "ADJ");
    }

    /// <summary>The subject of the nearest clause above the reflexive ("Putin praised himself", "a wax figure of herself" → the figure's verb's subject).</summary>
    private void LinkReflexive(int i, PronounInfo p)
    {
        var h = c.Tok(i).Head;
        for (var depth = 0; depth < 3 && h >= 0; depth++, h = c.Tok(h).Head)
        {
            var subj = c.Child(h, "nsubj");
            if (subj < 0) continue;
            if (subj >= i) return;
            var e = c.EntityAt(subj);
            if (e >= 0 && Agrees(e, p)) c.Link(e, i, i, MentionKind.Pronoun, CorefRules.Reflexive);
            return;
        }
    }

    /// <summary>"who/whom/whose" heading or inside a relative clause on a name: the name's entity.</summary>
    private void LinkRelative(int i, ReadOnlySpan<char> form)
    {
        var person = form.Equals("who", StringComparison.OrdinalIgnoreCase) || form.Equals("whom", StringComparison.OrdinalIgnoreCase);
        if (!person && !form.Equals("whose", StringComparison.OrdinalIgnoreCase)) return;
        // The relative word hangs on the clause's verb (or, for "whose", on a noun of the clause).
        var h = c.Tok(i).Head;
        for (var depth = 0; depth < 3 && h >= 0; depth++)
        {
            if (CorefContext.Is(c.Tok(h).Deprel, "acl"))
            {
                var antecedent = c.Tok(h).Head;
                if (antecedent < 0 || antecedent > i) return;
                var e = c.S.Owner[antecedent];
                if (e < 0 || !c.Profiles.Linkable[e]) return;
                if (person && c.Doc.Entities[e].Type != "PERSON") return;
                c.Link(e, i, i, MentionKind.Pronoun, CorefRules.Relative);
                return;
            }
            h = c.Tok(h).Head;
        }
    }
}
