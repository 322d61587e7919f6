using Wirescope.Documents;

namespace Wirescope.Actors.Coreference;

/// <summary>
/// The state one document's pass shares between the nominal finder and the pronoun resolver:
/// the parse as child lists, which entity owns or was linked at each word, and the salience
/// events met so far. Salience follows Lappin and Leass (1994): every mention scores a base
/// weight plus a bonus for its grammatical role, halved for each sentence back, summed per entity.
/// </summary>
internal sealed class CorefContext(Document doc, string text, CorefScratch s, EntityProfiles profiles, MentionTables tables)
{
    public readonly Document Doc = doc;
    public readonly string Text = text;
    public readonly CorefScratch S = s;
    public readonly EntityProfiles Profiles = profiles;
    public readonly MentionTables Tables = tables;

    // Salience weights (Lappin & Leass's factors, rescaled; set as a set on GUM train-open with
    // `wirescope eval mentions --data .../train-open.conllu`): every mention counts BaseWeight,
    // plus its role's bonus.
    private const float BaseWeight = 100f;
    private const float SubjectBonus = 80f;
    private const float PassiveSubjectBonus = 70f;
    private const float ObjectBonus = 50f;
    private const float IndirectBonus = 40f;
    private const float PossessorBonus = 30f;
    private const float ObliqueBonus = 20f;
    /// <summary>A name used as a modifier ("the Putin government") is hardly the topic.</summary>
    private const float ModifierPenalty = -60f;

    public ref Token Tok(int i) => ref Doc.Tokens[i];

    /// <summary>The entity that owns (name) or was linked at (nominal, pronoun) this word, else -1.</summary>
    public int EntityAt(int token) => S.Owner[token] >= 0 ? S.Owner[token] : S.Linked[token];

    public void AddEvent(int entity, int token)
    {
        ref var t = ref Doc.Tokens[token];
        S.Events.Add(new SalienceEvent(entity, token, t.Sentence, BaseWeight + RoleBonus(RoleOf(token))));
    }

    /// <summary>The relation that sets a mention's role; a conjunct shares its first conjunct's ("Smith and Jones met": both subjects).</summary>
    private string? RoleOf(int token)
    {
        ref var t = ref Doc.Tokens[token];
        return t.Deprel == "conj" && t.Head >= 0 ? Doc.Tokens[t.Head].Deprel : t.Deprel;
    }

    private static float RoleBonus(string? deprel) => deprel switch
    {
        "nsubj" => SubjectBonus,
        "nsubj:pass" => PassiveSubjectBonus,
        "obj" => ObjectBonus,
        "iobj" => IndirectBonus,
        "nmod:poss" => PossessorBonus,
        "compound" or "amod" => ModifierPenalty,
        null => 0f,
        _ when deprel.StartsWith("obl", StringComparison.Ordinal) || deprel.StartsWith("nmod", StringComparison.Ordinal) => ObliqueBonus,
        _ => 0f,
    };

    /// <summary>
    /// A noun phrase or pronoun that is not a named entity's mention still draws later
    /// pronouns: "Microsoft ... the browser ... it" is the browser. Without these, every "it"
    /// went to the nearest company (GUM train-open: 26% of "it" links right).
    /// </summary>
    public void AddDistractor(int token, DistractorAgreement agree)
    {
        ref var t = ref Doc.Tokens[token];
        S.Events.Add(new SalienceEvent(-1, token, t.Sentence, BaseWeight + RoleBonus(RoleOf(token)), agree));
    }

    /// <summary>
    /// Scores the entities accepted by <paramref name="accept"/> over the events of the last
    /// <paramref name="window"/> sentences before <paramref name="token"/>; returns the best
    /// entity (-1 for none), its score and the runner-up's.
    /// </summary>
    public (int Best, float BestScore, float Second) Rank(int token, int window, Func<int, bool> accept, Func<DistractorAgreement, bool>? acceptDistractor = null)
    {
        float d1 = 0, d2 = 0; // the two strongest distractors (each competes alone)
        var sentence = Doc.Tokens[token].Sentence;
        var events = S.Events;
        var score = S.Score;
        int touchedFrom = events.Count;
        for (var k = events.Count - 1; k >= 0; k--)
        {
            var ev = events[k];
            if (ev.Sentence < sentence - window) break;
            if (ev.Token >= token) continue;
            var decay = MathF.Pow(0.5f, sentence - ev.Sentence);
            if (ev.Entity < 0)
            {
                if (acceptDistractor is null || !acceptDistractor(ev.Agree)) continue;
                var d = ev.Weight * decay;
                if (d > d1) { d2 = d1; d1 = d; }
                else if (d > d2) d2 = d;
                continue;
            }
            if (!accept(ev.Entity)) continue;
            score[ev.Entity] += ev.Weight * decay;
            touchedFrom = k;
        }
        int best = -1;
        float bestScore = 0, second = 0;
        foreach (var d in (ReadOnlySpan<float>)[d1, d2])
        {
            if (d > bestScore) { second = bestScore; bestScore = d; best = -1; }
            else if (d > second) second = d;
        }
        for (var k = touchedFrom; k < events.Count; k++)
        {
            var e = events[k].Entity;
            if (e < 0) continue;
            var v = score[e];
            if (v == 0) continue;
            if (e == best) { score[e] = 0; continue; }
            if (v > bestScore) { second = bestScore; bestScore = v; best = e; }
            else if (v > second) second = v;
            score[e] = 0;
        }
        return (best, bestScore, second);
    }

    /// <summary>Adds a nominal or pronoun mention over tokens [first, head] to the entity and counts it for salience.</summary>
    public void Link(int entity, int first, int head, MentionKind kind, string rule)
    {
        var start = Doc.Tokens[first].Start;
        var end = Doc.Tokens[head].End;
        if (start < 0 || end > Text.Length || end <= start) return;
        Doc.Entities[entity].Mentions.Add(new Mention(start, end, Text[start..end], kind, first, head - first + 1, rule));
        S.Linked[head] = entity;
        AddEvent(entity, head);
    }

    /// <summary>The first child of <paramref name="token"/> whose relation is <paramref name="deprel"/> (or starts with it and a colon), else -1.</summary>
    public int Child(int token, string deprel)
    {
        for (var c = S.FirstChild[token]; c >= 0; c = S.NextSibling[c])
            if (Is(Doc.Tokens[c].Deprel, deprel)) return c;
        return -1;
    }

    /// <summary>True when the relation is <paramref name="deprel"/> or one of its subtypes ("nsubj" matches "nsubj:pass").</summary>
    public static bool Is(string? rel, string deprel) =>
        rel is not null && rel.StartsWith(deprel, StringComparison.Ordinal) && (rel.Length == deprel.Length || rel[deprel.Length] == ':');

    /// <summary>The word's form as a span of the text (no allocation).</summary>
    public ReadOnlySpan<char> Form(int token) => Doc.Tokens.FormOf(token, Text);

    /// <summary>The head-noun row for the word's lemma (else its form), case-insensitive, without allocating.</summary>
    public bool TryHead(int token, out NominalHead head)
    {
        ref var t = ref Doc.Tokens[token];
        if (t.Lemma is { Length: > 0 } lemma && Tables.Heads.TryGetValue(lemma, out head)) return true;
        return Tables.HeadLookup.TryGetValue(Form(token), out head);
    }
}
