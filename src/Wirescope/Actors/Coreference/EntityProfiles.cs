using Wirescope.Documents;

namespace Wirescope.Actors.Coreference;

/// <summary>
/// What agreement needs to know about each entity of the article: its type, gender (from a
/// title before one of its names or from its given name), whether a GPE is a country, and the
/// roles the article gives it (title words before its names, the head words of its own name:
/// "President Putin" → president, "Bank of England" → bank). Appositions and predicate
/// nominals add roles as the pass meets them. Built per document; arrays indexed like
/// <see cref="Document.Entities"/>.
/// </summary>
internal sealed class EntityProfiles
{
    public readonly Gender[] Gender;
    public readonly bool[] IsCountry;
    public readonly HashSet<string>?[] Roles;
    public readonly bool[] Linkable;
    /// <summary>Capitalised modifiers said of the entity ("Russian" of "Russian President Vladimir Putin" or "Putin, the Russian president").</summary>
    public readonly HashSet<string>?[] Qualifiers;

    /// <summary>The entity types a nominal or pronoun may stand for.</summary>
    public static bool IsLinkableType(string type) => type is "PERSON" or "ORG" or "GPE" or "LOC" or "FAC";

    /// <summary>How many words before a name are read for titles ("Russian Deputy Prime Minister").</summary>
    private const int MaxTitleWords = 4;

    public EntityProfiles(Document doc, MentionTables tables)
    {
        _tables = tables;
        var n = doc.Entities.Count;
        Gender = new Gender[n];
        IsCountry = new bool[n];
        Roles = new HashSet<string>?[n];
        Linkable = new bool[n];
        Qualifiers = new HashSet<string>?[n];
        var text = doc.Article?.Text ?? "";
        for (var e = 0; e < n; e++)
        {
            var entity = doc.Entities[e];
            Linkable[e] = IsLinkableType(entity.Type);
            if (!Linkable[e]) continue;
            if (entity.Type == "GPE") IsCountry[e] = entity.Mentions.Any(m => m.Kind == MentionKind.Name && tables.Countries.Contains(m.Text));
            var nameGender = Coreference.Gender.Unknown;
            var titleGender = Coreference.Gender.Unknown;
            if (entity.Type == "PERSON")
            {
                var first = FirstWord(entity.Name);
                if (first.Length > 0 && tables.NameGender.TryGetValue(first, out var g)) nameGender = g;
            }
            foreach (var m in entity.Mentions)
            {
                if (m.Kind != MentionKind.Name || m.FirstToken < 0 || m.FirstToken + m.TokenCount > doc.Tokens.Count) continue;
                if (entity.Type == "PERSON") ReadTitles(doc, text, m, tables, e, ref titleGender);
                else
                    for (var t = m.FirstToken; t < m.FirstToken + m.TokenCount; t++)
                    {
                        var word = Lower(doc, text, t);
                        if (tables.Heads.ContainsKey(word)) AddRole(e, word);
                    }
            }
            // A title is stronger evidence than a given name ("Mrs. Jordan"); names that the
            // tables give both genders are not in them.
            Gender[e] = titleGender != Coreference.Gender.Unknown ? titleGender : nameGender;
        }
    }

    private readonly MentionTables _tables;

    /// <summary>Gives the entity a role and the roles it implies (role_implies.tsv: a president is a leader).</summary>
    public void AddRole(int entity, string word)
    {
        var roles = Roles[entity] ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        roles.Add(word);
        if (_tables.Implies.TryGetValue(word, out var implied))
            foreach (var w in implied) roles.Add(w);
    }

    /// <summary>Keeps a qualifier, a country's name, alias or demonym as its code ("American" and "U.S." both USA).</summary>
    public void AddQualifier(int entity, string word) =>
        (Qualifiers[entity] ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(_tables.CountryCode.GetValueOrDefault(word, word));

    public bool HasRole(int entity, string word) => Roles[entity]?.Contains(word) == true;

    /// <summary>Title and role words right before a person's name: "Russian President Vladimir Putin".</summary>
    private void ReadTitles(Document doc, string text, Mention m, MentionTables tables, int e, ref Gender gender)
    {
        var sentence = doc.Tokens[m.FirstToken].Sentence;
        for (int t = m.FirstToken - 1, k = 0; t >= 0 && k < MaxTitleWords; t--, k++)
        {
            ref var tok = ref doc.Tokens[t];
            if (tok.Sentence != sentence || tok.Upos is not ("NOUN" or "PROPN" or "ADJ")) break;
            var word = Lower(doc, text, t);
            var bare = word.TrimEnd('.');
            if (tok.Upos is "ADJ" or "PROPN" && char.IsUpper(doc.Tokens.FormOf(t, text)[0])) AddQualifier(e, doc.Tokens.FormOf(t, text).ToString());
            if (tables.TitleGender.TryGetValue(word, out var g) || tables.TitleGender.TryGetValue(bare, out g))
                gender = gender == Coreference.Gender.Unknown || gender == g ? g : gender;
            if (tables.TitleWords.Contains(bare) || (tables.Heads.TryGetValue(bare, out var head) && head.Type == "PERSON"))
            {
                AddRole(e, bare);
                if (tables.Heads.TryGetValue(bare, out head) && head.Gender != Coreference.Gender.Unknown && gender == Coreference.Gender.Unknown) gender = head.Gender;
            }
        }
    }

    private static string Lower(Document doc, string text, int t) =>
        (doc.Tokens[t].Lemma is { Length: > 0 } lemma && doc.Tokens[t].Upos != "PROPN" ? lemma : doc.Tokens.FormOf(t, text).ToString()).ToLowerInvariant();

    private static string FirstWord(string name)
    {
        var space = name.IndexOf(' ');
        return space < 0 ? "" : name[..space]; // a one-word name is a surname as often as a given name
    }
}
