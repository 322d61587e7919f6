using Wirescope.Actors.Coreference;
using Wirescope.Documents;
using Xunit;

namespace Wirescope.Tests.Actors;

/// <summary>
/// The coreference rules on Documents built by hand (words, tags, heads, relations; no model):
/// agreement, binding and salience decide, so a regression here is the rules', not a parse's.
/// </summary>
public class CoreferencerRuleTests
{
    /// <summary>One word: form, UPOS, XPOS, 1-based head in its sentence (0 root), relation.</summary>
    private readonly record struct W(string Form, string Upos, string Xpos, int Head, string Rel, string? Lemma = null);

    /// <summary>Builds a document from sentences of words and marks the given name spans (first word, count, type) as entities.</summary>
    private static Document Build(W[][] sentences, params (int First, int Count, string Type)[] names)
    {
        var doc = new Document("t", new InputInfo("test", null, "text"));
        var text = new System.Text.StringBuilder();
        foreach (var s in sentences)
        {
            var first = doc.Tokens.Count;
            var sentStart = text.Length;
            foreach (var w in s)
            {
                var start = text.Length;
                text.Append(w.Form);
                doc.Tokens.Add(new Token
                {
                    Start = start, End = text.Length, Sentence = doc.Sentences.Count, Upos = w.Upos, Xpos = w.Xpos,
                    Lemma = w.Lemma ?? w.Form.ToLowerInvariant(), Head = w.Head == 0 ? -1 : first + w.Head - 1, Deprel = w.Rel, SpaceAfter = true,
                });
                text.Append(' ');
            }
            doc.Sentences.Add(new Sentence(sentStart, text.Length - 1, first, doc.Tokens.Count - first));
        }
        doc.Article = new Article { Text = text.ToString(), Language = "en" };
        var id = 0;
        foreach (var (f, n, type) in names)
        {
            var start = doc.Tokens[f].Start;
            var end = doc.Tokens[f + n - 1].End;
            var name = doc.Article.Text[start..end];
            var e = doc.Entities.FirstOrDefault(x => x.Name.EndsWith(name, StringComparison.Ordinal) && x.Type == type);
            if (e is null)
            {
                e = new Entity { Id = "E" + ++id, Type = type, Name = name, Rule = "ner.model" };
                doc.Entities.Add(e);
            }
            e.Mentions.Add(new Mention(start, end, name, MentionKind.Name, f, n, "ner.model"));
        }
        doc.Done = Layers.Article | Layers.Language | Layers.Entities;
        return doc;
    }

    private static string? LinkOf(Document doc, int token) =>
        doc.Entities.FirstOrDefault(e => e.Mentions.Any(m => m.Kind != MentionKind.Name && m.FirstToken + m.TokenCount - 1 == token))?.Name;

    // "Angela Merkel met Vladimir Putin ." + a second sentence "<pronoun> smiled ."
    private static W[][] MetThen(string pronoun) =>
    [
        [new("Angela", "PROPN", "NNP", 3, "nsubj"), new("Merkel", "PROPN", "NNP", 1, "flat"), new("met", "VERB", "VBD", 0, "root", "meet"),
         new("Vladimir", "PROPN", "NNP", 3, "obj"), new("Putin", "PROPN", "NNP", 4, "flat"), new(".", "PUNCT", ".", 3, "punct")],
        [new(pronoun, "PRON", "PRP", 2, "nsubj"), new("smiled", "VERB", "VBD", 0, "root", "smile"), new(".", "PUNCT", ".", 2, "punct")],
    ];

    [Theory]
    [InlineData("She", "Angela Merkel")]   // the given name says she; the subject too
    [InlineData("He", "Vladimir Putin")]   // the object, but the only male candidate
    public void Gender_from_given_names_picks_the_antecedent(string pronoun, string expected)
    {
        var doc = Build(MetThen(pronoun), (0, 2, "PERSON"), (3, 2, "PERSON"));
        Coreferencer.Shared.Resolve(doc);
        Assert.Equal(expected, LinkOf(doc, 6));
    }

    [Fact]
    public void A_pronoun_is_not_a_coargument_of_its_own_verb()
    {
        // "Putin praised him ." — him is not Putin, and no one else is there: unlinked.
        W[][] s = [[new("Putin", "PROPN", "NNP", 2, "nsubj"), new("praised", "VERB", "VBD", 0, "root", "praise"), new("him", "PRON", "PRP", 2, "obj"), new(".", "PUNCT", ".", 2, "punct")]];
        var doc = Build(s, (0, 1, "PERSON"));
        Coreferencer.Shared.Resolve(doc);
        Assert.Null(LinkOf(doc, 2));
    }

    [Fact]
    public void A_reflexive_goes_to_its_subject()
    {
        W[][] s = [[new("Putin", "PROPN", "NNP", 2, "nsubj"), new("praised", "VERB", "VBD", 0, "root", "praise"), new("himself", "PRON", "PRP", 2, "obj"), new(".", "PUNCT", ".", 2, "punct")]];
        var doc = Build(s, (0, 1, "PERSON"));
        Coreferencer.Shared.Resolve(doc);
        Assert.Equal("Putin", LinkOf(doc, 2));
        Assert.Equal(CorefRules.Reflexive, doc.Entities[0].Mentions.Single(m => m.Kind == MentionKind.Pronoun).Rule);
    }

    [Fact]
    public void Two_people_of_unknown_gender_at_equal_salience_leave_he_unlinked()
    {
        // "Smith and Jones met ." "He smiled ." — no gender, same role: no clear winner.
        W[][] s =
        [
            [new("Smith", "PROPN", "NNP", 4, "nsubj"), new("and", "CCONJ", "CC", 3, "cc"), new("Jones", "PROPN", "NNP", 1, "conj"), new("met", "VERB", "VBD", 0, "root", "meet"), new(".", "PUNCT", ".", 4, "punct")],
            [new("He", "PRON", "PRP", 2, "nsubj"), new("smiled", "VERB", "VBD", 0, "root", "smile"), new(".", "PUNCT", ".", 2, "punct")],
        ];
        var doc = Build(s, (0, 1, "PERSON"), (2, 1, "PERSON"));
        Coreferencer.Shared.Resolve(doc);
        Assert.Null(LinkOf(doc, 5));
    }

    [Fact]
    public void It_prefers_a_more_salient_thing_over_a_company_named_before()
    {
        // "Microsoft released the browser ." "The browser crashed and it was withdrawn ." — it is the browser.
        W[][] s =
        [
            [new("Microsoft", "PROPN", "NNP", 2, "nsubj"), new("released", "VERB", "VBD", 0, "root", "release"), new("the", "DET", "DT", 4, "det"), new("browser", "NOUN", "NN", 2, "obj"), new(".", "PUNCT", ".", 2, "punct")],
            [new("The", "DET", "DT", 2, "det"), new("browser", "NOUN", "NN", 3, "nsubj"), new("crashed", "VERB", "VBD", 0, "root", "crash"), new("and", "CCONJ", "CC", 7, "cc"),
             new("it", "PRON", "PRP", 7, "nsubj:pass"), new("was", "AUX", "VBD", 7, "aux:pass", "be"), new("withdrawn", "VERB", "VBN", 3, "conj", "withdraw"), new(".", "PUNCT", ".", 3, "punct")],
        ];
        var doc = Build(s, (0, 1, "ORG"));
        Coreferencer.Shared.Resolve(doc);
        Assert.Null(LinkOf(doc, 9));
    }

    [Fact]
    public void An_apposition_teaches_a_role_that_a_later_description_uses()
    {
        // "Smith , the minister , spoke ." "The minister left ."
        W[][] s =
        [
            [new("Smith", "PROPN", "NNP", 6, "nsubj"), new(",", "PUNCT", ",", 4, "punct"), new("the", "DET", "DT", 4, "det"), new("minister", "NOUN", "NN", 1, "appos"), new(",", "PUNCT", ",", 4, "punct"), new("spoke", "VERB", "VBD", 0, "root", "speak"), new(".", "PUNCT", ".", 6, "punct")],
            [new("The", "DET", "DT", 2, "det"), new("minister", "NOUN", "NN", 3, "nsubj"), new("left", "VERB", "VBD", 0, "root", "leave"), new(".", "PUNCT", ".", 3, "punct")],
        ];
        var doc = Build(s, (0, 1, "PERSON"));
        Coreferencer.Shared.Resolve(doc);
        var nominals = doc.Entities[0].Mentions.Where(m => m.Kind == MentionKind.Nominal).ToList();
        Assert.Equal(["the minister", "The minister"], nominals.Select(m => m.Text));
        Assert.Equal([CorefRules.Apposition, CorefRules.Role], nominals.Select(m => m.Rule));
    }

    [Fact]
    public void Running_twice_gives_the_same_mentions()
    {
        var doc = Build(MetThen("She"), (0, 2, "PERSON"), (3, 2, "PERSON"));
        Coreferencer.Shared.Resolve(doc);
        var once = doc.Entities.SelectMany(e => e.Mentions).ToList();
        Coreferencer.Shared.Resolve(doc);
        Assert.Equal(once, doc.Entities.SelectMany(e => e.Mentions).ToList());
    }

    [Fact]
    public void A_document_without_a_parse_or_entities_is_left_alone()
    {
        var doc = Build([[new("He", "PRON", "PRP", 0, "root")]]);
        Coreferencer.Shared.Resolve(doc);
        Assert.Empty(doc.Entities);
        var empty = new Document("e", new InputInfo("test", null, "text")) { Article = new Article { Text = "" } };
        Coreferencer.Shared.Resolve(empty);
    }

    [Fact]
    public void The_tables_load_and_know_the_pronouns_and_genders()
    {
        var t = MentionTables.LoadEmbedded();
        Assert.Equal(Gender.Female, t.Pronouns["she"].Gender);
        Assert.True(t.Pronouns["themselves"].Reflexive);
        Assert.Equal(Gender.Male, t.NameGender["Vladimir"]);
        Assert.Equal(Gender.Female, t.TitleGender["Mrs."]);
        Assert.Equal(NominalKind.Country, t.Heads["country"].Kind);
        Assert.Contains("Russia", (IReadOnlySet<string>)t.Countries);
        Assert.Contains("former", (IReadOnlySet<string>)t.Blockers);
    }
}
