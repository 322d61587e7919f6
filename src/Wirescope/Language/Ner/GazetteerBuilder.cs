using System.Text.RegularExpressions;
using Wirescope.Tables;

namespace Wirescope.Language.Ner;

/// <summary>
/// Turns the gazetteer tables into phrase entries, checking every row (column codes, ISO3
/// codes, duplicate names) and reporting a bad row as file:line.
/// </summary>
public sealed partial class GazetteerBuilder
{
    /// <summary>The tables and their column counts, in load order.</summary>
    public static readonly (string Name, int Columns)[] Tables =
    [
        ("countries.tsv", 6),
        ("places.tsv", 4),
        ("organizations.tsv", 4),
        ("people.tsv", 3),
        ("groups.tsv", 3),
        ("titles.tsv", 2),
        ("first_names.tsv", 2),
        ("name_words.tsv", 2),
    ];

    private static readonly HashSet<string> Sectors =
    [
        "IGO", "GOV", "MIL", "MED", "PTY", "BUS", "NGO", "EDU", "REB", "JUD", "LEG", "COP", "SPT", "REL", "CVL",
    ];

    private static readonly Dictionary<string, GazetteerClass> PlaceTypes = new()
    {
        ["GPE"] = GazetteerClass.Gpe, ["LOC"] = GazetteerClass.Loc, ["FAC"] = GazetteerClass.Fac, ["EVENT"] = GazetteerClass.Event,
    };

    private static readonly Dictionary<string, GazetteerClass> WordTypes = new()
    {
        ["ORG"] = GazetteerClass.OrgWord, ["LOC"] = GazetteerClass.LocWord, ["FAC"] = GazetteerClass.FacWord,
        ["GPE"] = GazetteerClass.GpeWord, ["EVENT"] = GazetteerClass.EventWord, ["LINK"] = GazetteerClass.NameLink,
    };

    private static readonly HashSet<string> GroupKinds = ["religion", "ethnic", "political"];

    private static readonly HashSet<string> TitleKinds = ["honorific", "political", "military", "royal", "religious", "job"];

    private readonly Dictionary<ulong, GazetteerClass> _phrases = new();
    private readonly Dictionary<ulong, GazetteerClass> _afterModel = new();
    private Dictionary<ulong, GazetteerClass> _target;

    public GazetteerBuilder() => _target = _phrases;
    private readonly Dictionary<ulong, string> _canonical = new();
    private int _maxWords;

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Iso3();

    /// <summary>Adds the rows of one table (by its file name, which decides the columns' meaning).</summary>
    public void Add(string table, IReadOnlyList<TsvRow> rows)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var c = row.Cells;
            if (!seen.Add(c[0])) throw row.Error($"duplicate name '{c[0]}'");
            switch (table)
            {
                case "countries.tsv":
                    // iso3, name, demonym, demonym plural, capital, aliases
                    CheckIso3(row, c[0], allowNone: false);
                    Phrase(row, c[1], GazetteerClass.Gpe, null);
                    foreach (var a in TsvTable.List(c[5])) Phrase(row, a, GazetteerClass.Gpe, c[1]);
                    foreach (var d in TsvTable.List(c[2])) Phrase(row, d, GazetteerClass.Norp, null);
                    foreach (var d in TsvTable.List(c[3])) Phrase(row, d, GazetteerClass.Norp, null);
                    foreach (var cap in TsvTable.List(c[4])) Phrase(row, cap, GazetteerClass.Gpe, null);
                    break;
                case "places.tsv":
                    // name, type, country, aliases
                    if (!PlaceTypes.TryGetValue(c[1], out var placeType)) throw row.Error($"unknown place type '{c[1]}' (GPE, LOC, FAC, EVENT)");
                    CheckIso3(row, c[2], allowNone: true);
                    Phrase(row, c[0], placeType, null);
                    foreach (var a in TsvTable.List(c[3])) Phrase(row, a, placeType, c[0]);
                    break;
                case "organizations.tsv":
                    // name, sector, country, aliases
                    if (!Sectors.Contains(c[1])) throw row.Error($"unknown sector '{c[1]}'");
                    CheckIso3(row, c[2], allowNone: true);
                    Phrase(row, c[0], GazetteerClass.Org, null);
                    foreach (var a in TsvTable.List(c[3])) Phrase(row, a, GazetteerClass.Org, c[0]);
                    break;
                case "people.tsv":
                    // name, country, aliases
                    CheckIso3(row, c[1], allowNone: true);
                    Phrase(row, c[0], GazetteerClass.Person, null);
                    foreach (var a in TsvTable.List(c[2])) Phrase(row, a, GazetteerClass.Person, c[0]);
                    break;
                case "groups.tsv":
                    // name, kind, other forms (plural, adjective)
                    if (!GroupKinds.Contains(c[1])) throw row.Error($"unknown group kind '{c[1]}' (religion, ethnic, political)");
                    // After the model only: GUM, the training data, leaves "Muslim", "Kurdish" untagged,
                    // so as features these rows would teach the model that groups are no entities.
                    _target = _afterModel;
                    Phrase(row, c[0], GazetteerClass.Norp, null);
                    foreach (var a in TsvTable.List(c[2])) Phrase(row, a, GazetteerClass.Norp, null);
                    _target = _phrases;
                    break;
                case "titles.tsv":
                    if (!TitleKinds.Contains(c[1])) throw row.Error($"unknown title kind '{c[1]}'");
                    Phrase(row, c[0], GazetteerClass.Title, null);
                    break;
                case "first_names.tsv":
                    Phrase(row, c[0], GazetteerClass.FirstName, null);
                    break;
                case "name_words.tsv":
                    if (!WordTypes.TryGetValue(c[1], out var wordType)) throw row.Error($"unknown name-word type '{c[1]}' (ORG, LOC, FAC, GPE, EVENT, LINK)");
                    if (c[0].Contains(' ')) throw row.Error("a name word is one word");
                    Phrase(row, c[0], wordType, null);
                    break;
                default:
                    throw new ArgumentException($"unknown gazetteer table '{table}'", nameof(table));
            }
        }
    }

    public Gazetteer Build(string sha256) => new(_phrases, _afterModel, _canonical, _maxWords, sha256);

    private static void CheckIso3(TsvRow row, string code, bool allowNone)
    {
        if (allowNone && code == "-") return;
        if (!Iso3().IsMatch(code)) throw row.Error($"'{code}' is not an ISO 3166-1 alpha-3 code");
    }

    private void Phrase(TsvRow row, string phrase, GazetteerClass cls, string? canonical)
    {
        if (phrase == "-") return;
        var words = Gazetteer.SplitWords(phrase);
        if (words.Length == 0) throw row.Error("empty phrase");
        if (words.Length > 8) throw row.Error($"phrase '{phrase}' is longer than 8 words");
        // "WHO" must not match "Who", nor "US" the pronoun "us".
        if (words.Length == 1 && phrase.Length > 1 && phrase.All(c => char.IsUpper(c) || c == '.' || char.IsDigit(c)))
            cls |= GazetteerClass.Acronym;
        AddWords(words, cls, canonical);
        // Tokenizers differ on hyphens (GUM splits "Bailey-Ross", others keep it): register both.
        if (phrase.Contains('-') && phrase.Length > 1)
        {
            var split = words.SelectMany(w => SplitHyphen(w)).ToArray();
            if (split.Length != words.Length && split.Length <= 12) AddWords(split, cls, canonical);
        }
        // UD tokenizers split the possessive: "People's" is "People 's", "Workers'" is "Workers '".
        if (words.Any(IsPossessive))
            AddWords(words.SelectMany(SplitPossessive).ToArray(), cls, canonical);
    }

    private void AddWords(string[] words, GazetteerClass cls, string? canonical)
    {
        var key = Gazetteer.KeyOf(words);
        _target[key] = _target.GetValueOrDefault(key) | cls;
        if (canonical is not null) _canonical.TryAdd(key, canonical);
        _maxWords = Math.Max(_maxWords, words.Length);
    }

    private static bool IsPossessive(string w) =>
        w.Length > 2 && (w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal) || w.EndsWith("s'", StringComparison.Ordinal));

    private static IEnumerable<string> SplitPossessive(string w)
    {
        if (!IsPossessive(w)) { yield return w; yield break; }
        if (w.EndsWith("s'", StringComparison.Ordinal)) { yield return w[..^1]; yield return "'"; yield break; }
        yield return w[..^2];
        yield return w[^2..];
    }

    private static IEnumerable<string> SplitHyphen(string word)
    {
        var start = 0;
        for (var i = 0; i < word.Length; i++)
        {
            if (word[i] != '-' || word.Length == 1) continue;
            if (i > start) yield return word[start..i];
            yield return "-";
            start = i + 1;
        }
        if (start < word.Length) yield return word[start..];
    }
}
