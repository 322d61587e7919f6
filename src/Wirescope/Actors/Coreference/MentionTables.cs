using System.Collections.Frozen;
using Wirescope.Tables;

namespace Wirescope.Actors.Coreference;

/// <summary>A person's grammatical gender as far as pronouns go; Neuter is a non-person.</summary>
public enum Gender : byte { Unknown, Male, Female, Neuter }

/// <summary>What a pronoun may stand for (pronouns.tsv, column "refers").</summary>
public enum PronounRefers : byte { Person, Thing, Any }

/// <summary>How strictly a description's head noun links (nominal_heads.tsv, column "kind").</summary>
public enum NominalKind : byte { Role, Generic, Country, Place, Never }

/// <summary>One row of pronouns.tsv.</summary>
public readonly record struct PronounInfo(string Form, Gender Gender, bool Plural, bool Reflexive, bool Possessive, PronounRefers Refers);

/// <summary>One row of nominal_heads.tsv.</summary>
public readonly record struct NominalHead(string Word, string Type, NominalKind Kind, Gender Gender);

/// <summary>
/// The coreference pass's tables (<c>Resources/mentions/</c>), loaded once, validated (a bad row
/// stops startup with file:line) and frozen; plus two read-only views of the NER's tables: the
/// country names of <c>ner/countries.tsv</c> ("the country" needs a country) and the titles of
/// <c>ner/titles.tsv</c> (a title before a name gives the entity a role).
/// </summary>
public sealed class MentionTables
{
    private static readonly Lazy<MentionTables> s_shared = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The shipped tables.</summary>
    public static MentionTables Shared => s_shared.Value;

    public required FrozenDictionary<string, PronounInfo> Pronouns { get; init; }
    public required FrozenDictionary<string, NominalHead> Heads { get; init; }
    /// <summary>Lookups by a span of the text (no string per word).</summary>
    public FrozenDictionary<string, PronounInfo>.AlternateLookup<ReadOnlySpan<char>> PronounLookup => Pronouns.GetAlternateLookup<ReadOnlySpan<char>>();
    public FrozenDictionary<string, NominalHead>.AlternateLookup<ReadOnlySpan<char>> HeadLookup => Heads.GetAlternateLookup<ReadOnlySpan<char>>();
    /// <summary>Given names (first word of a PERSON name) → gender.</summary>
    public required FrozenDictionary<string, Gender> NameGender { get; init; }
    /// <summary>Titles written before a name ("Mrs.", "King") → gender.</summary>
    public required FrozenDictionary<string, Gender> TitleGender { get; init; }
    /// <summary>Country names, aliases and demonyms → ISO 3166 code ("American", "U.S." → USA).</summary>
    public required FrozenDictionary<string, string> CountryCode { get; init; }
    /// <summary>Country names and aliases (case-insensitive).</summary>
    public required FrozenSet<string> Countries { get; init; }
    /// <summary>Role → the broader roles it implies ("president" → "leader").</summary>
    public required FrozenDictionary<string, string[]> Implies { get; init; }
    /// <summary>Modifiers that point a description away from the entity named ("the former president").</summary>
    public required FrozenSet<string> Blockers { get; init; }
    /// <summary>Titles written before names, lower case, last word ("prime minister" → "minister").</summary>
    public required FrozenSet<string> TitleWords { get; init; }

    public static MentionTables LoadEmbedded()
    {
        var pronouns = new Dictionary<string, PronounInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in TsvTable.ReadResource("mentions/pronouns.tsv", 5, 5))
        {
            var info = new PronounInfo(row[0].ToLowerInvariant(), ParseGender(row, row[1], allowAny: true, allowNeuter: true),
                row[2] switch { "sg" => false, "pl" => true, _ => throw row.Error($"number must be sg or pl, not '{row[2]}'") },
                row[3] == "refl", row[3] == "poss",
                row[4] switch
                {
                    "person" => PronounRefers.Person,
                    "thing" => PronounRefers.Thing,
                    "any" => PronounRefers.Any,
                    _ => throw row.Error($"refers must be person, thing or any, not '{row[4]}'"),
                });
            if (row[3] is not ("subj" or "obj" or "poss" or "refl")) throw row.Error($"case must be subj, obj, poss or refl, not '{row[3]}'");
            TsvTable.AddUnique(pronouns, info.Form, info, row);
        }

        var heads = new Dictionary<string, NominalHead>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in TsvTable.ReadResource("mentions/nominal_heads.tsv", 4, 4))
        {
            if (row[1] is not ("PERSON" or "ORG" or "GPE" or "LOC" or "FAC")) throw row.Error($"type must be PERSON, ORG, GPE, LOC or FAC, not '{row[1]}'");
            var kind = row[2] switch
            {
                "role" => NominalKind.Role,
                "generic" => NominalKind.Generic,
                "country" => NominalKind.Country,
                "place" => NominalKind.Place,
                "never" => NominalKind.Never,
                _ => throw row.Error($"kind must be role, generic, country, place or never, not '{row[2]}'"),
            };
            if (kind is NominalKind.Country or NominalKind.Place && row[1] != "GPE") throw row.Error("kinds country and place are for GPE rows");
            var word = row[0].ToLowerInvariant();
            TsvTable.AddUnique(heads, word, new NominalHead(word, row[1], kind, ParseGender(row, row[3], allowAny: true, allowNeuter: false)), row);
        }

        var names = new Dictionary<string, Gender>(StringComparer.OrdinalIgnoreCase);
        var titles = new Dictionary<string, Gender>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in TsvTable.ReadResource("mentions/gender.tsv", 3, 3))
        {
            var g = ParseGender(row, row[1], allowAny: false, allowNeuter: false);
            var map = row[2] switch
            {
                "name" => names,
                "title" => titles,
                _ => throw row.Error($"kind must be name or title, not '{row[2]}'"),
            };
            TsvTable.AddUnique(map, row[0], g, row);
        }

        var implies = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in TsvTable.ReadResource("mentions/role_implies.tsv", 2, 2))
        {
            var list = implies.TryGetValue(row[0], out var l) ? l : implies[row[0]] = new List<string>();
            if (list.Contains(row[1], StringComparer.OrdinalIgnoreCase)) throw row.Error($"duplicate row '{row[0]} {row[1]}'");
            list.Add(row[1].ToLowerInvariant());
        }

        var blockers = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in TsvTable.ReadResource("mentions/modifier_blockers.tsv", 2, 2)) TsvTable.AddUnique(blockers, row[0], true, row);

        // Read-only use of the NER's tables (owned by the NER; their rows are not changed here).
        var countries = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var codes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in TsvTable.ReadResource("ner/countries.tsv", 6, 2))
        {
            countries.Add(row[1]);
            foreach (var alias in TsvTable.List(row[5] ?? "-")) countries.Add(alias);
            // First row wins: a demonym shared by two rows stays with the first.
            foreach (var word in new[] { row[1], row[2], row[3] }.Concat(TsvTable.List(row[5] ?? "-")))
                if (!string.IsNullOrEmpty(word) && word != "-") codes.TryAdd(word, row[0]);
        }
        var titleWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in TsvTable.ReadResource("ner/titles.tsv", 2, 2))
        {
            var words = row[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            titleWords.Add(words[^1].TrimEnd('.').ToLowerInvariant());
        }

        return new MentionTables
        {
            Pronouns = pronouns.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            Heads = heads.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            NameGender = names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            TitleGender = titles.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            CountryCode = codes.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            Countries = countries.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            Implies = implies.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase),
            Blockers = blockers.Keys.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            TitleWords = titleWords.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
        };
    }

    private static Gender ParseGender(TsvRow row, string cell, bool allowAny, bool allowNeuter) => cell switch
    {
        "m" => Gender.Male,
        "f" => Gender.Female,
        "n" when allowNeuter => Gender.Neuter,
        "-" when allowAny => Gender.Unknown,
        _ => throw row.Error($"bad gender '{cell}'"),
    };
}
