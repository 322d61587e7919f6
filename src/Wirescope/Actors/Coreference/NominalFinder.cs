using Wirescope.Documents;

namespace Wirescope.Actors.Coreference;

/// <summary>
/// Finds descriptions that stand for a named entity, strictest evidence first:
/// <list type="number">
/// <item>apposition to a name: "Putin, the Russian president" / "the president, Vladimir Putin";</item>
/// <item>predicate nominal of a name (or of a word already linked): "Putin is the president";</item>
/// <item>a definite description ("the"/"this"/"that" + head, no possessor) whose head is a role
/// the article gave the entity: "the president" after "President Putin" (most recent holder);</item>
/// <item>a definite description whose head names a kind (nominal_heads.tsv: generic, country,
/// place): the most salient entity of that kind in the last sentences, by a clear margin;</item>
/// <item>"the 45-year-old": the most salient person, by a clear margin.</item>
/// </list>
/// Appositions and predicates also teach the entity the role ("the president" later links).
/// </summary>
internal sealed class NominalFinder(CorefContext c)
{
    /// <summary>Sentences back that a kind description ("the company") looks for its entity.</summary>
    private const int KindWindow = 2;
    /// <summary>The runner-up's salience must be at most this share of the winner's, or the description stays unlinked.</summary>
    private const float KindMaxRatio = 0.5f;
    /// <summary>The winner needs at least this salience (one plain mention in the previous sentence is 50).</summary>
    private const float KindMinScore = 60f;

    public bool TryLink(int i)
    {
        ref var t = ref c.Tok(i);
        var rel = t.Deprel;
        if (rel is null || c.S.Linked[i] >= 0) return false;
        if (CorefContext.Is(rel, "compound") || rel is "flat" or "fixed" or "goeswith" or "amod" or "punct") return false;
        // A word of a name no description stands for ("Friday morning" of a date) is none.
        if (c.S.OtherName[i] != DistractorAgreement.None) return false;
        if (c.TryHead(i, out var never) && never.Kind == NominalKind.Never) return false;
        var noun = t.Upos == "NOUN";
        var plural = t.Xpos is "NNS" or "NNPS";

        if (noun && !plural)
        {
            if (CorefContext.Is(rel, "appos") && t.Head >= 0 && c.S.Owner[t.Head] is var owner && owner >= 0 && Agrees(owner, i))
            {
                LinkAndLearn(owner, i, CorefRules.Apposition);
                return true;
            }
            for (var ch = c.S.FirstChild[i]; ch >= 0; ch = c.S.NextSibling[ch])
                if (CorefContext.Is(c.Tok(ch).Deprel, "appos") && c.S.Owner[ch] is var named && named >= 0 && Agrees(named, i))
                {
                    LinkAndLearn(named, i, CorefRules.Apposition);
                    return true;
                }
            // A predicate with a preposition is a place or state, not a description: "Gino is in the middle".
            if (c.Child(i, "cop") >= 0 && c.Child(i, "case") < 0 && !Negated(i) && c.Child(i, "nsubj") is var subj && subj >= 0
                && c.EntityAt(subj) is var pe && pe >= 0 && Agrees(pe, i))
            {
                LinkAndLearn(pe, i, CorefRules.Predicate);
                return true;
            }
        }

        if (plural || Blocked(i)) return false;
        if (IsAge(i))
        {
            // The parser often hangs "The" of "The 45-year-old" elsewhere: read the word before.
            var left = LeftBound(i);
            if (!Definite(i) && !(left > 0 && IsDefiniteWord(left - 1) && c.Tok(left - 1).Sentence == c.Tok(i).Sentence)) return false;
            if (!Definite(i)) left--;
            var (best, score, second) = c.Rank(i, KindWindow, e => c.Doc.Entities[e].Type == "PERSON");
            if (best < 0 || score < KindMinScore || second > score * KindMaxRatio) return false;
            c.Link(best, left, i, MentionKind.Nominal, CorefRules.Age);
            return true;
        }
        if (!Definite(i)) return false;
        if (!noun || !c.TryHead(i, out var head)) return false;
        // "the town of Anahuac", "the capital in Kabul": a place description that names its
        // place introduces it; it does not point back to the place named before.
        if (head.Type != "PERSON" && NamesItsOwn(i)) return false;

        // A role the article gave an entity: its most recent holder. A capitalised modifier
        // ("the Russian president" with an American one in the story) picks the holder it was
        // said of; a holder said to be of another kind ("the French president") is skipped.
        var first = LeftBound(i);
        for (var k = c.S.Events.Count - 1; k >= 0; k--)
        {
            var e = c.S.Events[k].Entity;
            if (e < 0 || !c.Profiles.HasRole(e, head.Word) || !GenderAgrees(e, head.Gender) || !QualifiersAgree(e, first, i)) continue;
            c.Link(e, first, i, MentionKind.Nominal, CorefRules.Role);
            return true;
        }
        if (head.Kind == NominalKind.Role) return false;

        var (b, s1, s2) = c.Rank(i, KindWindow, e => KindAgrees(e, head));
        if (b < 0 || s1 < KindMinScore || s2 > s1 * KindMaxRatio)
        {
            // Nothing of the kind close by: "the country" / "the city" is then the one the
            // article is about, if it dominates ("around the country" far after "the United States").
            if (s1 > 0 || head.Kind is not (NominalKind.Country or NominalKind.Place) || (b = Dominant(i, head)) < 0) return false;
        }
        c.Link(b, LeftBound(i), i, MentionKind.Nominal, CorefRules.Kind);
        return true;
    }

    private void LinkAndLearn(int entity, int i, string rule)
    {
        var first = LeftBound(i);
        c.Link(entity, first, i, MentionKind.Nominal, rule);
        for (var k = first; k < i; k++)
            if (IsQualifier(k)) c.Profiles.AddQualifier(entity, c.Form(k).ToString());
        if (!c.TryHead(i, out var head)) return;
        c.Profiles.AddRole(entity, head.Word);
        if (c.Profiles.Gender[entity] == Gender.Unknown && head.Gender != Gender.Unknown && c.Doc.Entities[entity].Type == "PERSON")
            c.Profiles.Gender[entity] = head.Gender;
    }

    /// <summary>An apposition or predicate fits the entity unless the head noun is a known word of another kind ("the company" is no person).</summary>
    private bool Agrees(int entity, int i)
    {
        if (!c.Profiles.Linkable[entity]) return false;
        var person = c.Doc.Entities[entity].Type == "PERSON";
        if (!c.TryHead(i, out var head)) return true;
        return person == (head.Type == "PERSON") && GenderAgrees(entity, head.Gender);
    }

    private bool GenderAgrees(int entity, Gender g)
    {
        var have = c.Profiles.Gender[entity];
        return g == Gender.Unknown || have == Gender.Unknown || have == g;
    }

    private bool KindAgrees(int entity, NominalHead head)
    {
        if (!c.Profiles.Linkable[entity]) return false;
        var type = c.Doc.Entities[entity].Type;
        return head.Kind switch
        {
            NominalKind.Country => type == "GPE" && c.Profiles.IsCountry[entity],
            NominalKind.Place => type == "GPE" && !c.Profiles.IsCountry[entity],
            _ => type == head.Type && GenderAgrees(entity, head.Gender),
        };
    }

    /// <summary>"the"/"this"/"that" before the head, and no possessor ("its president" is someone else).</summary>
    private bool Definite(int i)
    {
        var definite = false;
        for (var ch = c.S.FirstChild[i]; ch >= 0; ch = c.S.NextSibling[ch])
        {
            var rel = c.Tok(ch).Deprel;
            if (CorefContext.Is(rel, "nmod:poss")) return false;
            if (rel == "det")
            {
                if (IsDefiniteWord(ch)) definite = true;
                else return false;
            }
        }
        return definite;
    }

    private bool IsDefiniteWord(int k)
    {
        var f = c.Form(k);
        return f.Equals("the", StringComparison.OrdinalIgnoreCase) || f.Equals("this", StringComparison.OrdinalIgnoreCase) || f.Equals("that", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A modifier from modifier_blockers.tsv before the head ("the former president", "the vice-president").</summary>
    private bool Blocked(int i)
    {
        var lookup = c.Tables.Blockers.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var k = LeftBound(i); k < i; k++)
        {
            var f = c.Form(k);
            var dash = f.IndexOf('-');
            if (lookup.Contains(f) || (dash > 0 && lookup.Contains(f[..dash]))) return true;
        }
        var head = c.Form(i);
        var d = head.IndexOf('-');
        return d > 0 && lookup.Contains(head[..d]);
    }

    /// <summary>Mentions before a word that make an entity the article's own country or city: at least this many, and twice the runner-up's.</summary>
    private const int DominantMentions = 2;

    /// <summary>The entity of the kind mentioned most before <paramref name="i"/>, when it clearly dominates; else -1.</summary>
    private int Dominant(int i, NominalHead head)
    {
        var counts = new Dictionary<int, int>();
        foreach (var ev in c.S.Events)
        {
            if (ev.Token >= i) break;
            if (ev.Entity >= 0 && KindAgrees(ev.Entity, head)) counts[ev.Entity] = counts.GetValueOrDefault(ev.Entity) + 1;
        }
        int best = -1, top = 0, next = 0;
        foreach (var (e, n) in counts)
        {
            if (n > top) { next = top; top = n; best = e; }
            else if (n > next) next = n;
        }
        return top >= DominantMentions && top >= 2 * next ? best : -1;
    }

    /// <summary>A capitalised adjective or proper noun before the head, not opening the sentence ("Russian", "Kremlin").</summary>
    private bool IsQualifier(int k)
    {
        ref var t = ref c.Tok(k);
        return t.Upos is "ADJ" or "PROPN" && c.Form(k) is { Length: > 0 } f && char.IsUpper(f[0]);
    }

    /// <summary>Every qualifier of the description [first, i) was said of the entity, or the entity has none said of it.</summary>
    private bool QualifiersAgree(int entity, int first, int i)
    {
        var known = c.Profiles.Qualifiers[entity];
        for (var k = first; k < i; k++)
        {
            if (!IsQualifier(k)) continue;
            if (known is null) return true;
            var form = c.Form(k);
            var key = c.Tables.CountryCode.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(form, out var code) ? code.AsSpan() : form;
            if (!known.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key)) return false;
        }
        return true;
    }

    private bool NamesItsOwn(int i)
    {
        for (var ch = c.S.FirstChild[i]; ch >= 0; ch = c.S.NextSibling[ch])
            if (ch > i && CorefContext.Is(c.Tok(ch).Deprel, "nmod") && c.Tok(ch).Upos == "PROPN") return true;
        return false;
    }

    private bool Negated(int i)
    {
        for (var ch = c.S.FirstChild[i]; ch >= 0; ch = c.S.NextSibling[ch])
        {
            var f = c.Form(ch);
            if (f.Equals("not", StringComparison.OrdinalIgnoreCase) || f.Equals("n't", StringComparison.OrdinalIgnoreCase) || f.Equals("never", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>"the 45-year-old" (one word or "45 - year - old"): a person described by age alone.</summary>
    private bool IsAge(int i)
    {
        var f = c.Form(i);
        if (!f.EndsWith("old", StringComparison.OrdinalIgnoreCase)) return false;
        if (f.Contains("year-old", StringComparison.OrdinalIgnoreCase) || f.Contains("years-old", StringComparison.OrdinalIgnoreCase)) return true;
        var first = LeftBound(i);
        var start = c.Tok(first).Start;
        var span = c.Text.AsSpan(start, c.Tok(i).End - start);
        return span.Contains("year-old", StringComparison.OrdinalIgnoreCase) || span.Contains("year - old", StringComparison.OrdinalIgnoreCase) || span.Contains("years old", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The first word of the description: the contiguous words before the head that hang under
    /// it ("the Russian president"); what follows the head ("of Y", a relative clause) is left out.
    /// </summary>
    private int LeftBound(int i)
    {
        var sentence = c.Tok(i).Sentence;
        var first = i;
        for (var k = i - 1; k >= 0 && c.Tok(k).Sentence == sentence; k--)
        {
            if (!InPhrase(c.Tok(k).Deprel) || !Under(k, i)) break;
            // A preposition ends the phrase ("with the release", "than the justice"); the possessive 's does not.
            if (c.Tok(k).Deprel == "case" && !c.Form(k).StartsWith("'", StringComparison.Ordinal) && !c.Form(k).StartsWith("’", StringComparison.Ordinal)) break;
            first = k;
        }
        while (first < i && c.Tok(first).Upos == "PUNCT") first++;
        return first;
    }

    /// <summary>Relations of words inside a noun phrase before its head; a subject, copula or auxiliary ends it.</summary>
    private static bool InPhrase(string? rel) =>
        rel is "det" or "amod" or "nummod" or "advmod" or "case" or "punct" or "fixed" or "flat" or "goeswith" or "obl:npmod" or "obl:unmarked"
        || CorefContext.Is(rel, "compound") || CorefContext.Is(rel, "nmod") || CorefContext.Is(rel, "det");

    private bool Under(int k, int i)
    {
        var h = k;
        for (var depth = 0; depth < 8; depth++)
        {
            h = c.Tok(h).Head;
            if (h == i) return true;
            if (h < 0 || h > i) return false;
        }
        return false;
    }
}
