using Wirescope.Documents;

namespace Wirescope.Actors.Coreference;

/// <summary>
/// In-article coreference for the named entities: adds nominal and pronoun mentions to
/// <see cref="Document.Entities"/>, reading the tokens, lemmas and dependency parse the
/// language stage left (never re-parsing). One left-to-right pass; at each word:
/// <list type="number">
/// <item>a name mention adds salience to its entity (more as a subject than as an object);</item>
/// <item>a common noun heading an apposition or a predicate of a name, or a definite
/// description whose head is a role the entity holds or names its kind, becomes a nominal
/// mention (<see cref="NominalFinder"/>);</item>
/// <item>a third-person pronoun goes to the most salient entity that agrees in gender, number
/// and kind (person or not) and is not a co-argument of its own verb
/// (<see cref="PronounResolver"/>).</item>
/// </list>
/// Precision first (quotes attribute by these links): a mention with no clear winner stays
/// unlinked. Idempotent: nominal and pronoun mentions from an earlier run are replaced.
/// </summary>
public sealed class Coreferencer
{
    private readonly MentionTables _tables;

    public Coreferencer(MentionTables tables) => _tables = tables;

    public static Coreferencer Shared { get; } = new(MentionTables.Shared);

    public void Resolve(Document doc) => Resolve(doc, new CorefScratch());

    internal void Resolve(Document doc, CorefScratch s)
    {
        var text = doc.Article?.Text;
        foreach (var e in doc.Entities) e.Mentions.RemoveAll(m => m.Kind != MentionKind.Name);
        int n = doc.Tokens.Count;
        if (text is null || n == 0 || doc.Entities.Count == 0) return;
        s.Reset(n, doc.Entities.Count);
        var tokens = doc.Tokens;
        if (!IndexTree(doc, s)) return;

        var profiles = new EntityProfiles(doc, _tables);
        // Name heads in token order: the salience events the pass adds as it goes.
        var nameHeads = new List<(int Token, int Entity)>();
        for (var e = 0; e < doc.Entities.Count; e++)
        {
            if (!profiles.Linkable[e])
            {
                // Names no pronoun links to still compete as what they are: an event or a work
                // is a thing, a group (NORP) a plural; a date or a sum is hardly ever "it" or
                // "he" ("on Tuesday, he"), so it competes for nothing.
                var kind = doc.Entities[e].Type switch
                {
                    "NORP" => DistractorAgreement.Plural,
                    "DATE" or "MONEY" => DistractorAgreement.NoOne,
                    _ => DistractorAgreement.Thing,
                };
                foreach (var m in doc.Entities[e].Mentions)
                    if (m.FirstToken >= 0 && m.FirstToken + m.TokenCount <= n)
                        for (var t = m.FirstToken; t < m.FirstToken + m.TokenCount; t++) s.OtherName[t] = kind;
                continue;
            }
            foreach (var m in doc.Entities[e].Mentions)
            {
                if (m.FirstToken < 0 || m.TokenCount <= 0 || m.FirstToken + m.TokenCount > n) continue;
                for (var t = m.FirstToken; t < m.FirstToken + m.TokenCount; t++) s.Owner[t] = e;
                nameHeads.Add((SpanHead(doc, m.FirstToken, m.TokenCount), e));
            }
        }
        nameHeads.Sort((a, b) => a.Token.CompareTo(b.Token));

        var ctx = new CorefContext(doc, text, s, profiles, _tables);
        var nominals = new NominalFinder(ctx);
        var pronouns = new PronounResolver(ctx);
        var next = 0;
        for (var i = 0; i < n; i++)
        {
            while (next < nameHeads.Count && nameHeads[next].Token == i)
            {
                ctx.AddEvent(nameHeads[next].Entity, i);
                next++;
            }
            if (s.Owner[i] >= 0) continue;
            var upos = tokens[i].Upos;
            if (upos is "NOUN" or "ADJ")
            {
                if (!nominals.TryLink(i) && upos == "NOUN" && IsArgument(tokens[i].Deprel)) ctx.AddDistractor(i, NounAgreement(ctx, i));
            }
            else if (upos is "PRON" or "DET")
            {
                pronouns.TryLink(i);
                if (s.Linked[i] < 0 && _tables.PronounLookup.TryGetValue(ctx.Form(i), out var p) && p.Refers != PronounRefers.Person)
                    ctx.AddDistractor(i, p.Plural ? DistractorAgreement.Plural : DistractorAgreement.Thing);
            }
            else if (upos == "PROPN" && IsArgument(tokens[i].Deprel) && !IsTitle(ctx, i) && s.OtherName[i] != DistractorAgreement.NoOne)
                // A name the NER missed, or of a kind it does not link (a product, a work): who knows.
                ctx.AddDistractor(i, s.OtherName[i] != DistractorAgreement.None ? s.OtherName[i]
                    : tokens[i].Xpos == "NNPS" ? DistractorAgreement.Plural : DistractorAgreement.Thing | DistractorAgreement.Person);
        }

        foreach (var e in doc.Entities)
            if (e.Mentions.Count > 1) e.Mentions.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
    }

    /// <summary>Noun phrases that pronouns can point back to: arguments, obliques, nominal modifiers, appositions, conjuncts.</summary>
    private static bool IsArgument(string? rel) =>
        rel is not null && (CorefContext.Is(rel, "nsubj") || rel is "obj" or "iobj" or "root" or "appos" or "conj"
            || CorefContext.Is(rel, "obl") || CorefContext.Is(rel, "nmod"));

    /// <summary>"Mr.", "General", "President" written as a name word: part of a person's name phrase, not another candidate.</summary>
    private bool IsTitle(CorefContext ctx, int i)
    {
        var form = ctx.Form(i);
        var bare = form.Length > 1 && form[^1] == '.' ? form[..^1] : form;
        return _tables.TitleGender.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(form)
            || _tables.TitleWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(bare);
    }

    /// <summary>A common noun's agreement: plural, a person (a role word: "the spokesman said he"), else a thing.</summary>
    private static DistractorAgreement NounAgreement(CorefContext ctx, int i)
    {
        if (ctx.Tok(i).Xpos is "NNS" or "NNPS") return DistractorAgreement.Plural;
        if (!ctx.TryHead(i, out var head) || head.Type != "PERSON" || head.Kind == NominalKind.Never) return DistractorAgreement.Thing;
        return DistractorAgreement.Person | head.Gender switch
        {
            Gender.Male => DistractorAgreement.Male,
            Gender.Female => DistractorAgreement.Female,
            _ => DistractorAgreement.None,
        };
    }

    /// <summary>Children lists from the heads; false when the parse is missing or broken (then nothing is linked).</summary>
    private static bool IndexTree(Document doc, CorefScratch s)
    {
        var tokens = doc.Tokens;
        int n = tokens.Count;
        var parsed = false;
        for (var i = n - 1; i >= 0; i--)
        {
            var h = tokens[i].Head;
            if (tokens[i].Deprel is not null) parsed = true;
            if (h < 0 || h >= n || h == i) continue;
            s.NextSibling[i] = s.FirstChild[h];
            s.FirstChild[h] = i;
        }
        return parsed;
    }

    /// <summary>The word of a span whose head lies outside it (the last such word; the span's last word when the parse is flat).</summary>
    internal static int SpanHead(Document doc, int first, int count)
    {
        int end = first + count;
        for (var t = end - 1; t >= first; t--)
        {
            var h = doc.Tokens[t].Head;
            if (h < first || h >= end) return t;
        }
        return end - 1;
    }
}
