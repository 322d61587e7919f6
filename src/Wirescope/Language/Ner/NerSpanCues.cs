using Wirescope.Tables;

namespace Wirescope.Language.Ner;

/// <summary>
/// Span cues after the model, the gazetteer pass and the boundary repairs, one kind per row of
/// <c>ner/span_cues.tsv</c> (see the table's header): a prefix that makes a name an event
/// ("Cyclone Idai"), a role word before "of/for" that makes the words after it an office rather
/// than a person ("Dean for Undergraduate Education"), words that open or end a place's or an
/// institution's name, phrases after which a word is a place ("residents of", "north of"), a
/// dateline's agency, a word joined to a place by "and", a one-word name that the article also
/// writes in lower case ("Iodine" beside "iodine"), a name heading its phrase after "the", a
/// language's name. The model reads capitalised one-word names as people when it knows nothing
/// else about them; these cues are evidence it cannot see. Each span a cue makes or retypes keeps
/// the rule <c>ner.cue.&lt;row id&gt;</c>; document consistency lets such a mention outvote the model.
/// Immutable once loaded; shared by all threads.
/// </summary>
public sealed class NerSpanCues
{
    private const string RulePrefix = "ner.cue.";

    /// <summary>Whether a span's rule is one of these cues ("ner.cue.storm").</summary>
    internal static bool IsCueRule(string rule) => rule.StartsWith(RulePrefix, StringComparison.Ordinal);

    private readonly List<(ulong[] Words, string Type, string Rule)> _prefixes = new();
    private readonly HashSet<ulong> _roles = new();
    private string _roleRule = "";
    private readonly List<string> _lowerSeenTypes = new();
    private readonly Dictionary<ulong, (string Type, string Rule)> _opens = new(), _ends = new();
    private readonly List<(ulong[] Words, string Type, string Rule)> _placeAfter = new();
    private readonly HashSet<ulong> _placeAfterFirst = new();
    private readonly HashSet<ulong> _datelineDashes = new();
    private readonly HashSet<ulong> _orgHeads = new();
    private readonly Dictionary<ulong, (string Type, string Rule)> _namedAfter = new();
    private readonly Dictionary<ulong, (string Type, string Rule)> _worksAt = new();
    private readonly Dictionary<ulong, (string Type, string Rule)> _placeBefore = new();
    private readonly HashSet<ulong> _membersEnd = new();
    private readonly List<(HashSet<ulong> Words, string[] Types)> _notAlone = new();
    private readonly List<(HashSet<ulong> Words, string Type)> _beforeSign = new();
    private readonly Dictionary<ulong, (string Type, string Rule)> _bodyBefore = new();
    private readonly HashSet<ulong> _titles = new();
    private readonly Dictionary<ulong, (string Type, string Rule)> _outletBefore = new();
    private readonly HashSet<ulong> _companyHeads = new();
    private string _companyRule = "";
    private readonly List<(HashSet<ulong> Words, string[] Types)> _notBefore = new();
    private readonly List<(HashSet<ulong> Words, string Type, string Rule)> _coordinated = new();
    private string _datelineType = "", _datelineRule = "";
    private readonly List<(HashSet<ulong> Words, string Type)> _notAfter = new();

    // PTB tags of a word that makes the name before it a modifier ("the Biden administration",
    // "the Trump White House"), so "the" belongs to the next word's phrase, not to the name.
    private static readonly ulong[] ModifiedBy =
        new[] { "NN", "NNS", "NNP", "NNPS", "JJ", "CD", "VBG", "HYPH" }.Select(t => FeatureHash.Exact(t)).ToArray();
    private readonly int _maxPrefixWords;

    private static readonly ulong Of = FeatureHash.Lower("of"), For = FeatureHash.Lower("for");

    /// <summary>Reads rows (id, kind, words, type, example); a bad row fails with file:line.</summary>
    public NerSpanCues(IReadOnlyList<TsvRow> rows)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!ids.Add(row[0])) throw row.Error($"duplicate id '{row[0]}'");
            var type = row[3];
            // Only not-before rows name several types ("PERSON|GPE|ORG").
            var types = row[1] is "not-before" or "not-alone" ? TsvTable.List(type).ToArray() : [type];
            foreach (var one in types)
                if (one != "-" && Array.IndexOf(NerTags.DefaultTypes, one) < 0) throw row.Error($"unknown type '{one}'");
            var words = TsvTable.List(row[2]).ToArray();
            switch (row[1])
            {
                case "prefix":
                    if (type == "-" || words.Length == 0) throw row.Error("a prefix row needs words and a type");
                    foreach (var phrase in words)
                    {
                        var parts = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        if (!parts.All(p => char.IsUpper(p[0]))) throw row.Error($"prefix '{phrase}' must be capitalised");
                        _prefixes.Add((parts.Select(p => FeatureHash.Lower(p)).ToArray(), type, RulePrefix + row[0]));
                        _maxPrefixWords = Math.Max(_maxPrefixWords, parts.Length);
                    }
                    break;
                case "role-of":
                    if (words.Length == 0) throw row.Error("a role-of row needs words");
                    foreach (var w in words) _roles.Add(FeatureHash.Lower(w));
                    _roleRule = RulePrefix + row[0];
                    break;
                case "opens" or "ends":
                    if (type == "-" || words.Length == 0) throw row.Error($"an {row[1]} row needs words and a type");
                    foreach (var w in words)
                        if (!(row[1] == "opens" ? _opens : _ends).TryAdd(FeatureHash.Lower(w), (type, RulePrefix + row[0])))
                            throw row.Error($"'{w}' is in another {row[1]} row");
                    break;
                case "place-after":
                    if (type == "-" || words.Length == 0) throw row.Error("a place-after row needs words and a type");
                    foreach (var phrase in words)
                    {
                        var hashes = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => FeatureHash.Lower(p)).ToArray();
                        _placeAfter.Add((hashes, type, RulePrefix + row[0]));
                        _placeAfterFirst.Add(hashes[0]);
                    }
                    break;
                case "dateline":
                    if (type == "-" || words.Length == 0) throw row.Error("a dateline row needs words and a type");
                    foreach (var w in words) _datelineDashes.Add(FeatureHash.Lower(w));
                    (_datelineType, _datelineRule) = (type, RulePrefix + row[0]);
                    break;
                case "coordinated":
                    if (type == "-" || words.Length == 0) throw row.Error("a coordinated row needs words and a type");
                    _coordinated.Add((words.Select(w => FeatureHash.Lower(w)).ToHashSet(), type, RulePrefix + row[0]));
                    break;
                case "not-before":
                    if (type == "-" || words.Length == 0) throw row.Error("a not-before row needs words and a type");
                    _notBefore.Add((words.Select(w => FeatureHash.Lower(w)).ToHashSet(), types));
                    break;
                case "org-head":
                    if (type != "ORG" || words.Length == 0) throw row.Error("an org-head row needs words and the type ORG");
                    foreach (var w in words) _orgHeads.Add(FeatureHash.Lower(w));
                    break;
                case "named-after":
                    if (type == "-" || words.Length == 0) throw row.Error("a named-after row needs words and a type");
                    foreach (var w in words)
                        if (!_namedAfter.TryAdd(FeatureHash.Lower(w), (type, RulePrefix + row[0]))) throw row.Error($"'{w}' is in another named-after row");
                    break;
                case "works-at":
                    if (type == "-" || words.Length == 0) throw row.Error("a works-at row needs words and a type");
                    foreach (var w in words)
                        if (!_worksAt.TryAdd(FeatureHash.Lower(w), (type, RulePrefix + row[0]))) throw row.Error($"'{w}' is in another works-at row");
                    break;
                case "place-before":
                    if (type == "-" || words.Length == 0) throw row.Error("a place-before row needs words and a type");
                    foreach (var w in words)
                        if (!_placeBefore.TryAdd(FeatureHash.Lower(w), (type, RulePrefix + row[0]))) throw row.Error($"'{w}' is in another place-before row");
                    break;
                case "members-end":
                    if (type != "ORG" || words.Length == 0) throw row.Error("a members-end row needs words and the type ORG");
                    foreach (var w in words) _membersEnd.Add(FeatureHash.Lower(w));
                    break;
                case "not-alone":
                    if (type == "-" || words.Length == 0) throw row.Error("a not-alone row needs words and types");
                    _notAlone.Add((words.Select(w => FeatureHash.Exact(w)).ToHashSet(), types));
                    break;
                case "before-sign":
                    if (type == "-" || words.Length == 0) throw row.Error("a before-sign row needs words and a type");
                    _beforeSign.Add((words.Select(w => FeatureHash.Exact(w)).ToHashSet(), type));
                    break;
                case "body-before":
                    if (type == "-" || words.Length == 0) throw row.Error("a body-before row needs words and a type");
                    foreach (var w in words)
                        if (!_bodyBefore.TryAdd(FeatureHash.Lower(w), (type, RulePrefix + row[0]))) throw row.Error($"'{w}' is in another body-before row");
                    break;
                case "title":
                    if (type != "PERSON" || words.Length == 0) throw row.Error("a title row needs words and the type PERSON");
                    foreach (var w in words) _titles.Add(FeatureHash.Lower(w));
                    break;
                case "outlet-before":
                    if (type == "-" || words.Length == 0) throw row.Error("an outlet-before row needs words and a type");
                    foreach (var w in words)
                        if (!_outletBefore.TryAdd(FeatureHash.Lower(w), (type, RulePrefix + row[0]))) throw row.Error($"'{w}' is in another outlet-before row");
                    break;
                case "company-head":
                    if (type != "ORG" || words.Length == 0) throw row.Error("a company-head row needs words and the type ORG");
                    foreach (var w in words) { _companyHeads.Add(FeatureHash.Lower(w)); _orgHeads.Add(FeatureHash.Lower(w)); }
                    _companyRule = RulePrefix + row[0];
                    break;
                case "lower-seen":
                    if (type == "-") throw row.Error("a lower-seen row needs a type");
                    _lowerSeenTypes.Add(type);
                    break;
                case "not-after":
                    if (type == "-" || words.Length == 0) throw row.Error("a not-after row needs words and a type");
                    _notAfter.Add((words.Select(w => FeatureHash.Lower(w)).ToHashSet(), type));
                    break;
                default:
                    throw row.Error($"unknown kind '{row[1]}' (prefix, role-of, opens, ends, place-after, dateline, coordinated, org-head, company-head, named-after, works-at, place-before, members-end, not-alone, before-sign, body-before, title, outlet-before, lower-seen, not-after, not-before)");
            }
        }
        // Longest prefix first: "Super Typhoon Haiyan" before "Typhoon".
        _prefixes.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
    }

    private static readonly Lazy<NerSpanCues> s_shared =
        new(() => new NerSpanCues(TsvTable.ReadResource("ner/span_cues.tsv", 5, 5)), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The shipped table.</summary>
    public static NerSpanCues Shared => s_shared.Value;

    /// <summary>Whether a capitalised word ends or heads an organisation's name for the boundary repairs (org-head rows).</summary>
    internal bool IsOrgHead(ulong lower) => _orgHeads.Contains(lower);

    /// <summary>Whether a capitalised word ends a company's name (company-head rows: "Group", "Industries").</summary>
    internal bool IsCompanyHead(ulong lower) => _companyHeads.Contains(lower);

    /// <summary>Applies every cue to s.Spans (before document consistency, so it spreads the corrected types).</summary>
    internal void Apply(NerScratch s, DateMoneyRules? calendar = null)
    {
        var spans = s.Spans;
        spans.Sort((a, b) => a.First.CompareTo(b.First));
        if (_prefixes.Count > 0) Prefixes(s);
        if (_titles.Count > 0) Titles(s);
        if (_roles.Count > 0) Roles(s);
        if (_opens.Count > 0 || _ends.Count > 0) Heads(s);
        HeadWordPersons(s);
        PersonsEndingInPlaces(s);
        PersonsBesideKnownPlaces(s);
        if (_namedAfter.Count > 0) NamedAfter(s, calendar);
        if (_companyHeads.Count > 0) CompanyShortNames(s);
        if (_worksAt.Count > 0) WorksAt(s, calendar);
        if (_bodyBefore.Count > 0) BodyBefore(s, calendar);
        if (_outletBefore.Count > 0) OutletsBefore(s);
        if (_placeAfter.Count > 0) PlacesAfter(s);
        if (_placeBefore.Count > 0) PlacesBefore(s);
        if (_membersEnd.Count > 0) MembersEnd(s);
        foreach (var (words, types) in _notAlone) NotAlone(s, words, types);
        foreach (var (words, type) in _beforeSign) BeforeSign(s, words, type);
        if (_datelineDashes.Count > 0) Datelines(s);
        foreach (var (words, type, rule) in _coordinated) Coordinated(s, words, type, rule);
        foreach (var type in _lowerSeenTypes) LowerSeen(s, type);
        foreach (var (words, type) in _notAfter) NotAfter(s, words, type);
        foreach (var (words, types) in _notBefore) NotBefore(s, words, types);
        spans.RemoveAll(sp => sp.Count == 0);
        spans.Sort((a, b) => a.First.CompareTo(b.First));
    }

    /// <summary>
    /// "Administrator Bill Nelson", "NASA Administrator Bill Nelson", "Attorney Grace Mwangi": a
    /// title word of the table opening a PERSON span, or after a body's name opening it (capitals, or an
    /// organisation, place or people of the tables), is no part of the name. These titles are used after
    /// the model only: as model features (titles.tsv) they changed the weights on GUM, which keeps
    /// "NASA Administrator" as a person's name in some places.
    /// </summary>
    private void Titles(NerScratch s)
    {
        var spans = s.Spans;
        for (var k = 0; k < spans.Count; k++)
        {
            var sp = spans[k];
            if (sp.Type != "PERSON" || sp.Count == 0) continue;
            // "NASA Administrator" alone (GUM's training text tags it so): a body and a title name no one.
            if (_titles.Contains(s.Lower[sp.End - 1]) && s.IsCap(sp.End - 1) && AllBodyOrTitle(s, sp.First, sp.End - 1))
            {
                spans[k] = sp with { Count = 0 };
                continue;
            }
            if (sp.Count < 2) continue;
            var cut = -1;
            for (var t = sp.First; t < sp.End - 1; t++)
            {
                if (!s.IsCap(t)) break;
                if (_titles.Contains(s.Lower[t])) { cut = t + 1; continue; }
                if ((s.Flags[t] & NerFeaturizer.FAllCaps) == 0
                    && (NerFeaturizer.GazAny(s, t) & (ushort)(GazetteerClass.Org | GazetteerClass.Gpe | GazetteerClass.Norp)) == 0) break;
            }
            // "Power Minister K. Krishnankutty": a portfolio of common words and a title of titles.tsv.
            if (cut < 0)
                for (var t = sp.First + 1; t < sp.End - 1; t++)
                {
                    if (!s.IsCap(t - 1) || !IsCommonWord(s, t - 1)) break;
                    if ((NerFeaturizer.GazAny(s, t) & (ushort)GazetteerClass.Title) == 0 || IsFirstName(s, t)) continue;
                    cut = t + 1;
                    while (cut < sp.End - 1 && (NerFeaturizer.GazAny(s, cut) & (ushort)GazetteerClass.Title) != 0 && !IsFirstName(s, cut)) cut++;
                    break;
                }
            if (cut > sp.First && cut < sp.End) spans[k] = sp with { First = cut, Count = sp.End - cut };
        }
    }

    /// <summary>A word common in lower case (the model's lexicon band 2, or written so in the article), no first name.</summary>
    private static bool IsCommonWord(NerScratch s, int i) =>
        (s.LexBand[i] >= 2 || (s.DocFlags[i] & NerFeaturizer.DSeenLower) != 0) && !IsFirstName(s, i);

    private bool AllBodyOrTitle(NerScratch s, int first, int end)
    {
        for (var t = first; t < end; t++)
            if (!_titles.Contains(s.Lower[t]) && (s.Flags[t] & NerFeaturizer.FAllCaps) == 0
                && (NerFeaturizer.GazAny(s, t) & (ushort)(GazetteerClass.Org | GazetteerClass.Gpe | GazetteerClass.Norp)) == 0) return false;
        return true;
    }

    private static bool IsAlphaCap(NerScratch s, int i) =>
        (s.Flags[i] & (NerFeaturizer.FCap | NerFeaturizer.FDigit)) == NerFeaturizer.FCap;

    /// <summary>"Cyclone Idai": the prefix and one capitalised word are the name; bare "Idai" in the article too.</summary>
    private void Prefixes(NerScratch s)
    {
        var spans = s.Spans;
        var names = s.Names;
        names.Clear();
        List<(ulong Name, string Type, string Rule)>? found = null;
        foreach (var (start, end) in s.Ranges)
        {
            for (var i = start; i < end; i++)
            {
                if (!s.IsCap(i)) continue;
                foreach (var (words, type, rule) in _prefixes)
                {
                    var j = i + words.Length;
                    if (j >= end || !Matches(s, i, words) || !IsAlphaCap(s, j)) continue;
                    // The name is one word: "Hurricane Katrina victims", not "Hurricane Relief Fund".
                    if (j + 1 < end && s.IsCap(j + 1)) break;
                    if (!ClearInside(spans, i, j + 1)) break;
                    spans.Add(new NerSpan(i, j + 1 - i, type, rule));
                    (found ??= new()).Add((s.Exact[j], type, rule));
                    i = j;
                    break;
                }
            }
        }
        if (found is null) return;
        spans.Sort((a, b) => a.First.CompareTo(b.First));
        foreach (var (name, type, rule) in found)
        {
            // The bare name elsewhere: retype a one-word span of it; an untagged one is found by consistency.
            for (var k = 0; k < spans.Count; k++)
                if (spans[k].Count == 1 && s.Exact[spans[k].First] == name && spans[k].Type != type)
                    spans[k] = spans[k] with { Type = type, Rule = rule };
            names.TryAdd(name, 0);
        }
        var covered = s.MarkCovered();
        foreach (var (start, end) in s.Ranges)
            for (var i = start; i < end; i++)
                if (!covered[i] && s.IsCap(i) && names.ContainsKey(s.Exact[i]) && (i + 1 >= end || !s.IsCap(i + 1)) && (i == start || !s.IsCap(i - 1)))
                    foreach (var (name, type, rule) in found)
                        if (name == s.Exact[i]) { spans.Add(new NerSpan(i, 1, type, rule)); break; }
    }

    private bool Matches(NerScratch s, int i, ulong[] words)
    {
        for (var k = 0; k < words.Length; k++)
            if (s.Lower[i + k] != words[k] || !s.IsCap(i + k)) return false;
        return true;
    }

    /// <summary>Empties every span inside [first, end); false (and nothing changed) when a span reaches outside it.</summary>
    private static bool ClearInside(List<NerSpan> spans, int first, int end)
    {
        foreach (var sp in spans)
            if (sp.Count > 0 && sp.First < end && sp.End > first && (sp.First < first || sp.End > end)) return false;
        for (var k = 0; k < spans.Count; k++)
            if (spans[k].Count > 0 && spans[k].First < end && spans[k].End > first) spans[k] = spans[k] with { Count = 0 };
        return true;
    }

    private bool IsRole(NerScratch s, int i) =>
        s.IsCap(i) && (_roles.Contains(s.Lower[i]) || (s.GazU[i] & (ushort)GazetteerClass.Title) != 0);

    private static bool IsFirstName(NerScratch s, int i) =>
        (s.GazU[i] & (ushort)(GazetteerClass.FirstName | GazetteerClass.Person)) != 0 || (s.GazB[i] & (ushort)GazetteerClass.Person) != 0;

    /// <summary>"Dean for Undergraduate Education", "Minister of Finance": an office, not a person.</summary>
    private void Roles(NerScratch s)
    {
        var spans = s.Spans;
        for (var k = 0; k < spans.Count; k++)
        {
            var sp = spans[k];
            if (sp.Count == 0) continue;
            var (lo, hi) = NerBoundaryRepair.RangeOf(s, sp.First);
            // "Cabinet Secretary for Health": a portfolio of common words is no organisation
            // either (but "Chairman of Tesla", "President of Kenya" keep theirs).
            if (sp.Type == "ORG" && sp.First - 2 >= lo && IsOfFor(s, sp.First - 1) && IsRole(s, sp.First - 2) && AllCommon(s, sp))
            {
                spans[k] = sp with { Count = 0 };
                continue;
            }
            // "the King of Morocco", "President of Kenya" read as one name: the office's place is the entity.
            if (sp.Type is "PERSON" or "ORG" && sp.Count >= 3 && IsRole(s, sp.First) && IsOfFor(s, sp.First + 1) && s.Lower[sp.First + 1] == Of)
            {
                var a = sp.First + 2;
                if (s.Lower[a] == TheWord && (s.Flags[a] & NerFeaturizer.FLowerWord) != 0) a++;
                if (a < sp.End && IsGpePhrase(s, a, sp.End))
                {
                    spans[k] = new NerSpan(a, sp.End - a, "GPE", _roleRule);
                    continue;
                }
            }
            if (sp.Type != "PERSON") continue;
            // The role word opens the span ("Dean for ..."), or the span opens with the "of/for"
            // after it (the gazetteer pass trimmed a title: "for Foreign Affairs"), or follows it.
            var afterOf = IsRole(s, sp.First) && sp.First + 1 < hi && IsOfFor(s, sp.First + 1) ? sp.First + 2
                : sp.First - 1 >= lo && IsOfFor(s, sp.First) && IsRole(s, sp.First - 1) ? sp.First + 1
                : sp.First - 2 >= lo && IsOfFor(s, sp.First - 1) && IsRole(s, sp.First - 2) ? sp.First : -1;
            if (afterOf < 0) continue;
            // A known first name inside: the person starts there ("Minister for Health Aisha Bello" read as one span).
            var person = PersonAfterOffice(s, afterOf, sp.End);
            spans[k] = person < 0 ? sp with { Count = 0 } : sp with { First = person, Count = sp.End - person };
        }
        // "Dean for Undergraduate" and "Education" as two spans: a PERSON word that continues the
        // capitalised run after the office is part of it too.
        var covered = s.MarkCovered();
        for (var k = 0; k < spans.Count; k++)
        {
            var sp = spans[k];
            if (sp.Type != "PERSON" || sp.Count == 0) continue;
            var before = sp.First - 1;
            if (before < 0 || !s.IsCap(before) || covered[before]) continue;
            var w = before;
            while (w > 0 && s.IsCap(w) && !IsOfFor(s, w)) w--;
            if (w < 1 || !IsOfFor(s, w) || !IsRole(s, w - 1)) continue;
            var person = PersonAfterOffice(s, w + 1, sp.End);
            // The name-like words reach back over the whole span: the model's span stands.
            if (person < 0) spans[k] = sp with { Count = 0 };
            else if (person > sp.First) spans[k] = sp with { First = person, Count = sp.End - person };
        }
    }

    /// <summary>
    /// Where a person's name starts inside the words after an office's "of/for", or -1: at a known
    /// first name, or at the first of two or more trailing words that are not common in lower case
    /// (lexicon band 0 or 1, never lower case in the article: the portfolio is made of common words: "Disaster Management Enamur Rahman",
    /// "Health Akin Abayomi"; "Undergraduate Education" holds none of the shape).
    /// </summary>
    private static int PersonAfterOffice(NerScratch s, int from, int end)
    {
        for (var w = from; w < end; w++) if (IsFirstName(s, w)) return w;
        var first = end;
        while (first > from && IsRareInLower(s, first - 1)) first--;
        return end - first >= 2 ? first : -1;
    }

    private static bool IsRareInLower(NerScratch s, int i) =>
        s.IsCap(i) && s.LexBand[i] < 2 && (s.DocFlags[i] & NerFeaturizer.DSeenLower) == 0
        && (NerFeaturizer.GazAny(s, i) & (ushort)(GazetteerClass.OrgWord | GazetteerClass.LocWord | GazetteerClass.FacWord
            | GazetteerClass.GpeWord | GazetteerClass.EventWord | GazetteerClass.Title)) == 0;

    private static bool AllCommon(NerScratch s, NerSpan sp)
    {
        for (var w = sp.First; w < sp.End; w++) if (s.LexBand[w] < 2) return false;
        return true;
    }

    /// <summary>Whether the words [first, end) are one place's name of the tables.</summary>
    private static bool IsGpePhrase(NerScratch s, int first, int end)
    {
        const ushort Gpe = (ushort)GazetteerClass.Gpe;
        return end - first == 1 ? (s.GazU[first] & Gpe) != 0 : (s.GazB[first] & Gpe) != 0 && (s.GazL[end - 1] & Gpe) != 0;
    }

    private static bool IsOfFor(NerScratch s, int i) => s.Lower[i] == Of || s.Lower[i] == For;

    /// <summary>"Iodine deficiency" beside "dietary iodine": a capitalised common noun, not a name.</summary>
    private static void LowerSeen(NerScratch s, string type)
    {
        var spans = s.Spans;
        var longer = s.Names;
        longer.Clear();
        foreach (var sp in spans)
            if (sp.Count > 1 && sp.Type == type)
                for (var w = sp.First; w < sp.End; w++) longer.TryAdd(s.Lower[w], 0);
        for (var k = 0; k < spans.Count; k++)
        {
            var sp = spans[k];
            if (sp.Count != 1 || sp.Type != type) continue;
            var i = sp.First;
            if ((s.DocFlags[i] & NerFeaturizer.DSeenLower) == 0 || (s.Flags[i] & NerFeaturizer.FAllCaps) != 0) continue;
            if (longer.ContainsKey(s.Lower[i]) || IsFirstName(s, i)) continue;
            spans[k] = sp with { Count = 0 };
        }
    }


    /// <summary>"the Confederacy was", "the Petitioner ,": not a person's name, here or elsewhere in the article.</summary>
    private static void NotAfter(NerScratch s, HashSet<ulong> words, string type)
    {
        var spans = s.Spans;
        var names = s.Names;
        names.Clear();
        foreach (var sp in spans)
        {
            if (sp.Count == 0 || sp.Type != type || sp.First == 0 || !words.Contains(s.Lower[sp.First - 1])) continue;
            var (lo, hi) = NerBoundaryRepair.RangeOf(s, sp.First);
            if (sp.First - 1 < lo || (s.Flags[sp.First] & NerFeaturizer.FHeadline) != 0) continue;
            if (sp.End < hi && Array.IndexOf(ModifiedBy, s.Pos[sp.End]) >= 0) continue;
            var known = false;
            for (var w = sp.First; w < sp.End && !known; w++) known = IsFirstName(s, w);
            if (!known) names.TryAdd(s.NameKey(sp.First, sp.Count), 0);
        }
        if (names.Count == 0) return;
        for (var k = 0; k < spans.Count; k++)
            if (spans[k].Count > 0 && spans[k].Type == type && names.ContainsKey(s.NameKey(spans[k].First, spans[k].Count)))
                spans[k] = spans[k] with { Count = 0 };
    }

    /// <summary>"the Eegimaa language": a language's name, not a person's, here or elsewhere in the article.</summary>
    private static void NotBefore(NerScratch s, HashSet<ulong> words, string[] types)
    {
        var spans = s.Spans;
        var names = s.Names;
        names.Clear();
        // The evidence need not be a span: the model may leave "the Eegimaa language" untagged
        // and call "Eegimaa" a person elsewhere. One capitalised word, or a span, before the word.
        foreach (var (start, end) in s.Ranges)
            for (var i = start + 1; i < end; i++)
                if (words.Contains(s.Lower[i]) && (s.Flags[i] & NerFeaturizer.FLowerWord) != 0 && IsAlphaCap(s, i - 1)
                    // "the Ethnologue language codes": "language" modifies a noun there, and the name may be anything's.
                    && (i + 1 >= end || Array.IndexOf(ModifiedBy, s.Pos[i + 1]) < 0))
                    names.TryAdd(s.NameKey(i - 1, 1), 0);
        foreach (var sp in spans)
        {
            if (sp.Count < 2 || Array.IndexOf(types, sp.Type) < 0) continue;
            var (_, hi) = NerBoundaryRepair.RangeOf(s, sp.First);
            if (sp.End >= hi || !words.Contains(s.Lower[sp.End]) || (s.Flags[sp.End] & NerFeaturizer.FLowerWord) == 0) continue;
            names.TryAdd(s.NameKey(sp.First, sp.Count), 0);
        }
        if (names.Count == 0) return;
        for (var k = 0; k < spans.Count; k++)
        {
            var sp = spans[k];
            if (sp.Count == 0 || Array.IndexOf(types, sp.Type) < 0) continue;
            // A "person" opening with the language's name ("Jóola Fogny" beside "the Jóola language")
            // is a variety or a people, not a person; kept, document consistency would find the
            // language's name again as that person's first name.
            if (names.ContainsKey(s.NameKey(sp.First, sp.Count))
                || (sp.Type == "PERSON" && sp.Count > 1 && names.ContainsKey(s.NameKey(sp.First, 1))))
                spans[k] = sp with { Count = 0 };
        }
    }

    /// <summary>
    /// "Refinery chief Aliko Dangote", "Ministry officials said": an organisation's head word alone
    /// (name_words.tsv or an org-head row) read as a person names no one; dropped.
    /// </summary>
    private void HeadWordPersons(NerScratch s)
    {
        var spans = s.Spans;
        for (var k = 0; k < spans.Count; k++)
        {
            var sp = spans[k];
            if (sp.Count != 1 || sp.Type != "PERSON" || IsFirstName(s, sp.First)) continue;
            if ((s.GazU[sp.First] & (ushort)GazetteerClass.OrgWord) != 0 || _orgHeads.Contains(s.Lower[sp.First])) spans[k] = sp with { Count = 0 };
        }
    }

    /// <summary>
    /// "Garuda Indonesia said", "Team Estonia": a PERSON span of two or more words ending in a place's
    /// name of the tables is a company or team named after the country, not a person (in the OPEN
    /// training text the spans ending in a country's name are ORG 8, GPE 3, LOC 3, and PERSON only with
    /// "of/for" before it: "Louis XV of France"). Retyped ORG. Not when a known first name opens it ("Jack London").
    /// </summary>
    private static void PersonsEndingInPlaces(NerScratch s)
    {
        var spans = s.Spans;
        for (var k = 0; k < spans.Count; k++)
        {
            var sp = spans[k];
            if (sp.Count < 2 || sp.Type != "PERSON" || (s.GazU[sp.End - 1] & (ushort)GazetteerClass.Gpe) == 0) continue;
            // "Jack London", "Paris Hilton": a known first name opens a person's name.
            if ((s.GazU[sp.End - 1] & (ushort)(GazetteerClass.Person | GazetteerClass.FirstName)) != 0 || IsFirstName(s, sp.First)) continue;
            var ofFor = false;
            for (var w = sp.First; w < sp.End && !ofFor; w++) ofFor = IsOfFor(s, w);
            if (!ofFor) spans[k] = sp with { Type = "ORG" };
        }
    }

    /// <summary>
    /// "a rail link between Khorgos and Almaty", "jobs in Bintulu and Miri": a one-word PERSON that only
    /// the model found, joined by "and"/"or" to a place's name the tables know (written alone), is a place
    /// too. Not a known first name or person, nor a word of a longer person's name in the article. (ner5
    /// found retyping beside any GPE the model found cost GUM: "Moran and Pyle".)
    /// </summary>
    private static void PersonsBesideKnownPlaces(NerScratch s)
    {
        var spans = s.Spans;
        for (var k = 0; k < spans.Count; k++)
        {
            var sp = spans[k];
            if (sp.Count != 1 || sp.Type != "PERSON" || sp.Rule != NerSpan.ModelRule || IsFirstName(s, sp.First) || PartOfLongerPerson(s, sp)) continue;
            var (lo, hi) = NerBoundaryRepair.RangeOf(s, sp.First);
            var i = sp.First;
            var before = i - 2 >= lo && IsAndOr(s, i - 1) && IsKnownPlaceWord(s, i - 2) && (i - 3 < lo || !s.IsCap(i - 3));
            var after = i + 2 < hi && IsAndOr(s, i + 1) && IsKnownPlaceWord(s, i + 2) && (i + 3 >= hi || !s.IsCap(i + 3));
            if (before || after) spans[k] = sp with { Type = "GPE" };
        }
    }

    private static readonly ulong AndWord = FeatureHash.Lower("and"), OrWord = FeatureHash.Lower("or");

    private static bool IsAndOr(NerScratch s, int i) => (s.Flags[i] & NerFeaturizer.FLowerWord) != 0 && (s.Lower[i] == AndWord || s.Lower[i] == OrWord);

    private static bool IsKnownPlaceWord(NerScratch s, int i) =>
        s.IsCap(i) && (s.GazU[i] & (ushort)GazetteerClass.Gpe) != 0 && (NerFeaturizer.GazAny(s, i) & (ushort)(GazetteerClass.Person | GazetteerClass.FirstName)) == 0;

    /// <summary>"Mount Lewotobi Laki-laki", "Avai'o'vuna Swamp" read as a person: a place head word opening or ending it says what it is.</summary>
    private void Heads(NerScratch s)
    {
        var spans = s.Spans;
        for (var k = 0; k < spans.Count; k++)
        {
            var sp = spans[k];
            if (sp.Count < 2 || sp.Type != "PERSON") continue;
            if (_opens.TryGetValue(s.Lower[sp.First], out var o) && s.IsCap(sp.First)) spans[k] = sp with { Type = o.Type, Rule = o.Rule };
            else if (_ends.TryGetValue(s.Lower[sp.End - 1], out var e) && s.IsCap(sp.End - 1)) spans[k] = sp with { Type = e.Type, Rule = e.Rule };
        }
        // "San Francisco | Bay", "Arabian | Sea": a place's or people's name the model ended right before
        // a capitalised landform word of a LOC row takes it (in the OPEN training text a GPE span is never
        // followed by one; all 20 spans ending in one are LOC). Not when another capitalised word follows.
        for (var k = 0; k < spans.Count; k++)
        {
            var sp = spans[k];
            if (sp.Count == 0 || sp.Type is not ("GPE" or "NORP" or "PERSON")) continue;
            var (_, hi) = NerBoundaryRepair.RangeOf(s, sp.First);
            var next = sp.End;
            if (next >= hi || !IsAlphaCap(s, next) || (next + 1 < hi && s.IsCap(next + 1))) continue;
            if (!_ends.TryGetValue(s.Lower[next], out var e) || e.Type != "LOC") continue;
            if (k + 1 < spans.Count && spans[k + 1].Count > 0 && spans[k + 1].First == next) continue;
            spans[k] = sp with { Count = sp.Count + 1, Type = e.Type, Rule = e.Rule };
        }
    }

    /// <summary>
    /// "aerospace group Leonardo", "the club Mamelodi Sundowns": a PERSON span right after a
    /// lower-case noun that names a kind of body is that body's name. Not when the span opens
    /// with a known first name, nor when its last word is also part of a longer person's name in
    /// the article ("the company Musk founded" beside "Elon Musk").
    /// </summary>
    private void NamedAfter(NerScratch s, DateMoneyRules? calendar)
    {
        var spans = s.Spans;
        for (var k = 0; k < spans.Count; k++)
        {
            var sp = spans[k];
            if (sp.Count == 0 || sp.Type != "PERSON") continue;
            var (lo, _) = NerBoundaryRepair.RangeOf(s, sp.First);
            var before = sp.First - 1;
            if (before < lo || (s.Flags[before] & NerFeaturizer.FLowerWord) == 0 || !_namedAfter.TryGetValue(s.Lower[before], out var cue)) continue;
            if (IsFirstName(s, sp.First) || PartOfLongerPerson(s, sp)) continue;
            spans[k] = sp with { Type = cue.Type, Rule = cue.Rule };
            if (sp.Count > 1) ShortFormsOf(s, spans[k]);
        }
        // "the disaster agency AFAD said", "magazine MicroMega": one to three capitalised words nothing
        // found after the noun are the body too (in the OPEN training text all 7 such words open an ORG),
        // when one of them is rare in lower case and none is a calendar word or a person's (first) name.
        var covered = s.MarkCovered();
        var added = false;
        foreach (var (start, end) in s.Ranges)
        {
            if ((s.Flags[start] & NerFeaturizer.FHeadline) != 0) continue;
            for (var i = start + 1; i < end; i++)
            {
                if (covered[i] || !IsAlphaCap(s, i)) continue;
                if ((s.Flags[i - 1] & NerFeaturizer.FLowerWord) == 0 || !_namedAfter.TryGetValue(s.Lower[i - 1], out var cue)) continue;
                var j = i;
                var rare = false;
                while (j < end && j - i < 3 && IsAlphaCap(s, j) && !covered[j] && !NotBodyWord(s, j, calendar))
                {
                    rare |= s.LexBand[j] < 2 && (s.DocFlags[j] & NerFeaturizer.DSeenLower) == 0;
                    j++;
                }
                if (j == i || !rare || (j < end && s.IsCap(j))) continue;
                spans.Add(new NerSpan(i, j - i, cue.Type, cue.Rule));
                for (var w = i; w < j; w++) covered[w] = true;
                added = true;
            }
        }
        if (added) spans.Sort((a, b) => a.First.CompareTo(b.First));
    }

    private static readonly ulong At = FeatureHash.Lower("at"), With = FeatureHash.Lower("with"), TheWord = FeatureHash.Lower("the");

    // PTB tags of a word after the capitalised run that makes the run a modifier ("spokesman for the Indonesian military").
    private static readonly ulong[] NounTags = new[] { "NN", "NNS" }.Select(t => FeatureHash.Exact(t)).ToArray();

    /// <summary>Longest body name a works-at cue takes.</summary>
    private const int MaxWorksAtWords = 5;

    /// <summary>
    /// "news editor at Daily Maverick", "an analyst with Capital Economics", "a spokeswoman for Kenya
    /// Airways": the capitalised run after a lower-case job noun and at/for/with (and "the") is the
    /// body the person works for. A run nothing found becomes one; a PERSON span that is exactly the
    /// run is retyped (the model reads unknown two-word names as people). Not when a lower-case noun
    /// follows the run ("spokesman for the Indonesian military": a modifier), nor when a word of the
    /// run is a place, people, person or first name, title or calendar word of the tables ("editor for
    /// Asia", "spokesman for Ruto"), nor when another span overlaps the run.
    /// </summary>
    private void WorksAt(NerScratch s, DateMoneyRules? calendar)
    {
        var spans = s.Spans;
        var covered = s.MarkCovered();
        var added = false;
        foreach (var (start, end) in s.Ranges)
        {
            if ((s.Flags[start] & NerFeaturizer.FHeadline) != 0) continue;
            for (var i = start; i + 2 < end; i++)
            {
                if ((s.Flags[i] & NerFeaturizer.FLowerWord) == 0 || !_worksAt.TryGetValue(s.Lower[i], out var cue)) continue;
                var p = s.Lower[i + 1];
                if (p != At && p != For && p != With) continue;
                var first = i + 2;
                if (s.Lower[first] == TheWord && (s.Flags[first] & NerFeaturizer.FLowerWord) != 0) first++;
                var j = first;
                while (j < end && j - first < MaxWorksAtWords)
                {
                    if (IsAlphaCap(s, j)) { j++; continue; }
                    if (j > first && j + 1 < end && (s.Lower[j] == Of || s.Lower[j] == Ampersand) && IsAlphaCap(s, j + 1)) { j += 2; continue; }
                    break;
                }
                if (j == first || (j < end && (s.IsCap(j) || Array.IndexOf(NounTags, s.Pos[j]) >= 0))) continue;
                // The last word decides what the run names ("Kenya Airways" is a body, "South Asia" a
                // region); a person's first name or a title opening it makes it a person.
                var blocked = (NerFeaturizer.GazAny(s, j - 1) & NotABody) != 0
                    || (NerFeaturizer.GazAny(s, first) & (ushort)(GazetteerClass.Person | GazetteerClass.FirstName | GazetteerClass.Title)) != 0;
                for (var w = first; w < j && !blocked; w++)
                    blocked = calendar is not null && calendar.IsTableWord(s.Lower[w], true);
                if (blocked) continue;
                var at = -1;
                for (var k = 0; k < spans.Count && !blocked; k++)
                {
                    var sp = spans[k];
                    if (sp.Count == 0 || sp.End <= first || sp.First >= j) continue;
                    if (sp.First == first && sp.End == j && sp.Type == "PERSON") at = k;
                    else blocked = true;
                }
                if (blocked) continue;
                if (at >= 0) spans[at] = spans[at] with { Type = cue.Type, Rule = cue.Rule };
                else
                {
                    spans.Add(new NerSpan(first, j - first, cue.Type, cue.Rule));
                    for (var w = first; w < j; w++) covered[w] = true;
                    added = true;
                }
                i = j - 1;
            }
        }
        if (added) spans.Sort((a, b) => a.First.CompareTo(b.First));
    }

    /// <summary>
    /// "Statistics Kenya spokeswoman Akosua Mensah", "a Frelimo spokesman": the capitalised run
    /// right before a lower-case spokesperson noun is the body they speak for. The run's spans (a place
    /// inside it: "Canada") give way to one span of the row's type; a people's name opening it stays
    /// ("Iranian | Foreign Ministry spokesman"). Not when a person's span, a first name or a title is in
    /// the run ("Biden spokesman", "Foreign Minister spokesman"), nor when the whole run is one place or
    /// people of the tables ("a Kenya spokesman"), nor a calendar word.
    /// </summary>
    private void BodyBefore(NerScratch s, DateMoneyRules? calendar)
    {
        var spans = s.Spans;
        var changed = false;
        foreach (var (start, end) in s.Ranges)
        {
            if ((s.Flags[start] & NerFeaturizer.FHeadline) != 0) continue;
            for (var i = start + 1; i < end; i++)
            {
                if ((s.Flags[i] & NerFeaturizer.FLowerWord) == 0 || !_bodyBefore.TryGetValue(s.Lower[i], out var cue) || !IsAlphaCap(s, i - 1)) continue;
                var first = i - 1;
                while (first > start && i - first < MaxWorksAtWords && IsAlphaCap(s, first - 1)) first--;
                // "The", "A" opening the sentence are no part of the name.
                while (first < i - 1 && s.Pos[first] == DeterminerTag) first++;
                // A sentence's first word only when it is part of a longer run is taken as written.
                if (first == start && i - first == 1) continue;
                var blocked = false;
                for (var w = first; w < i && !blocked; w++)
                    blocked = (NerFeaturizer.GazAny(s, w) & (ushort)(GazetteerClass.Person | GazetteerClass.FirstName | GazetteerClass.Title)) != 0
                        || (calendar is not null && calendar.IsTableWord(s.Lower[w], true));
                var inside = new List<int>();
                for (var k = 0; k < spans.Count && !blocked; k++)
                {
                    var sp = spans[k];
                    if (sp.Count == 0 || sp.End <= first || sp.First >= i) continue;
                    if (sp.First < first || sp.Type == "PERSON") blocked = true;
                    else inside.Add(k);
                }
                if (blocked) continue;
                // A people's name opening the run stays ("Iranian Foreign Ministry").
                if (inside.Count > 0 && spans[inside[0]].First == first && spans[inside[0]].Type == "NORP")
                {
                    first = spans[inside[0]].End;
                    inside.RemoveAt(0);
                }
                if (first >= i) continue;
                // The whole run one place's or people's span: "a Kenya spokesman".
                if (inside.Count == 1 && spans[inside[0]].First == first && spans[inside[0]].End == i && spans[inside[0]].Type != cue.Type) continue;
                if (inside.Count == 1 && spans[inside[0]].First == first && spans[inside[0]].End == i) continue;
                if (inside.Count == 0 && i - first == 1 && (NerFeaturizer.GazAny(s, first) & NotABody) != 0) continue;
                foreach (var k in inside) spans[k] = spans[k] with { Count = 0 };
                spans.Add(new NerSpan(first, i - first, cue.Type, cue.Rule));
                changed = true;
            }
        }
        if (changed)
        {
            spans.RemoveAll(sp => sp.Count == 0);
            spans.Sort((a, b) => a.First.CompareTo(b.First));
        }
    }

    /// <summary>
    /// ", Khaosod reported .": a one-word PERSON only the model found, after a comma and right before
    /// "reported", is the news outlet the sentence credits. Not a known first name, nor a word of a
    /// longer person's name in the article ("..., Smith reported" after "John Smith").
    /// </summary>
    private void OutletsBefore(NerScratch s)
    {
        var spans = s.Spans;
        for (var k = 0; k < spans.Count; k++)
        {
            var sp = spans[k];
            if (sp.Count != 1 || sp.Type != "PERSON" || sp.Rule != NerSpan.ModelRule || IsFirstName(s, sp.First) || PartOfLongerPerson(s, sp)) continue;
            var (lo, hi) = NerBoundaryRepair.RangeOf(s, sp.First);
            if (sp.First - 1 < lo || s.Lower[sp.First - 1] != CommaWord || sp.End >= hi) continue;
            if ((s.Flags[sp.End] & NerFeaturizer.FLowerWord) == 0 || !_outletBefore.TryGetValue(s.Lower[sp.End], out var cue)) continue;
            spans[k] = sp with { Type = cue.Type, Rule = cue.Rule };
        }
    }

    private static readonly ulong CommaWord = FeatureHash.Lower(",");

    private static readonly ulong DeterminerTag = FeatureHash.Exact("DT");

    private const ushort NotABody = (ushort)(GazetteerClass.Gpe | GazetteerClass.Loc | GazetteerClass.Norp | GazetteerClass.Person
        | GazetteerClass.FirstName | GazetteerClass.Title);

    /// <summary>"Sundowns" after "the club Mamelodi Sundowns": a one-word PERSON that is a word of the body's name is the body.</summary>
    private static void ShortFormsOf(NerScratch s, NerSpan body)
    {
        var spans = s.Spans;
        for (var k = 0; k < spans.Count; k++)
        {
            var sp = spans[k];
            if (sp.Count != 1 || sp.Type != "PERSON") continue;
            for (var w = body.First; w < body.End; w++)
                if (s.Exact[w] == s.Exact[sp.First]) { spans[k] = sp with { Type = body.Type, Rule = body.Rule }; break; }
        }
    }

    /// <summary>
    /// "Adani said" after "the Adani Group", "Dangote said" after "Dangote Industries": a one-word PERSON
    /// that opens a company's name (an ORG span ending in a company head word) in the same article is
    /// the company. Not a known first name ("Nelson Mandela Foundation"), nor a word of a longer
    /// person's name in the article ("Ratan Tata" beside "Tata Motors").
    /// </summary>
    private void CompanyShortNames(NerScratch s)
    {
        var spans = s.Spans;
        var names = s.Names;
        names.Clear();
        foreach (var sp in spans)
            if (sp.Count >= 2 && sp.Type == "ORG" && s.IsCap(sp.End - 1) && _companyHeads.Contains(s.Lower[sp.End - 1])
                && IsAlphaCap(s, sp.First) && !IsFirstName(s, sp.First))
                names.TryAdd(s.Exact[sp.First], 0);
        if (names.Count == 0) return;
        for (var k = 0; k < spans.Count; k++)
        {
            var sp = spans[k];
            if (sp.Count != 1 || sp.Type != "PERSON" || !names.ContainsKey(s.Exact[sp.First]) || PartOfLongerPerson(s, sp)) continue;
            spans[k] = sp with { Type = "ORG", Rule = _companyRule };
        }
    }

    private static bool NotBodyWord(NerScratch s, int i, DateMoneyRules? calendar) =>
        (NerFeaturizer.GazAny(s, i) & (ushort)(GazetteerClass.Person | GazetteerClass.FirstName | GazetteerClass.Title)) != 0
        || (calendar is not null && calendar.IsTableWord(s.Lower[i], true));

    private static bool PartOfLongerPerson(NerScratch s, NerSpan sp)
    {
        var last = s.Exact[sp.End - 1];
        foreach (var other in s.Spans)
        {
            if (other.Count <= sp.Count || other.Type != "PERSON") continue;
            for (var w = other.First; w < other.End; w++) if (s.Exact[w] == last) return true;
        }
        return false;
    }

    /// <summary>"residents of Boru", "the town of Maumere": the one capitalised word after the phrase is a place.</summary>
    private void PlacesAfter(NerScratch s)
    {
        var spans = s.Spans;
        var covered = s.MarkCovered();
        var added = false;
        foreach (var (start, end) in s.Ranges)
        {
            if ((s.Flags[start] & NerFeaturizer.FHeadline) != 0) continue;
            for (var i = start; i < end; i++)
            {
                if (!_placeAfterFirst.Contains(s.Lower[i])) continue;
                foreach (var (words, type, rule) in _placeAfter)
                {
                    var j = i + words.Length;
                    if (j >= end || !MatchesLower(s, i, words, start) || !IsAlphaCap(s, j) || (j + 1 < end && s.IsCap(j + 1))) continue;
                    if (covered[j])
                    {
                        // Retype a one-word person there; anything else the model found stands.
                        for (var k = 0; k < spans.Count; k++)
                            if (spans[k].First == j && spans[k].Count == 1 && spans[k].Type == "PERSON") spans[k] = spans[k] with { Type = type, Rule = rule };
                    }
                    else if (s.LexBand[j] < 2 && (s.DocFlags[j] & NerFeaturizer.DSeenLower) == 0 && (NerFeaturizer.GazAny(s, j) & NotPlace) == 0)
                    {
                        spans.Add(new NerSpan(j, 1, type, rule));
                        covered[j] = true;
                        added = true;
                    }
                    break;
                }
            }
        }
        if (added) spans.Sort((a, b) => a.First.CompareTo(b.First));
    }

    /// <summary>
    /// "Neiafu town is the centre", "in Kodagu district": a one-word PERSON right before a lower-case
    /// word for an administrative unit is that unit's name (the boundary repairs add such words where
    /// nothing was found; this retypes the model's guess, and as a cue it outvotes the model's other
    /// mentions of the name). Not after a capitalised word, not a known first name or person, not
    /// when a noun follows the unit word ("a Biden town hall", "the Lagos state government").
    /// </summary>
    private void PlacesBefore(NerScratch s)
    {
        var spans = s.Spans;
        for (var k = 0; k < spans.Count; k++)
        {
            var sp = spans[k];
            if (sp.Count != 1 || sp.Type != "PERSON") continue;
            var (lo, hi) = NerBoundaryRepair.RangeOf(s, sp.First);
            var next = sp.End;
            if (next >= hi || (s.Flags[next] & NerFeaturizer.FLowerWord) == 0 || !_placeBefore.TryGetValue(s.Lower[next], out var cue)) continue;
            if ((s.Flags[sp.First] & NerFeaturizer.FHeadline) != 0 || (sp.First > lo && s.IsCap(sp.First - 1)) || IsFirstName(s, sp.First)) continue;
            if (next + 1 < hi && Array.IndexOf(NounTags, s.Pos[next + 1]) >= 0) continue;
            spans[k] = sp with { Type = cue.Type, Rule = cue.Rule };
        }
    }

    /// <summary>
    /// "Republican Senators", "Kenyan MPs": capitalised words ending in a plural of members name people,
    /// not a body: such an ORG span is dropped, and a people's name opening it ("Kenyan", a NORP of the
    /// tables) is kept as that NORP.
    /// </summary>
    private void MembersEnd(NerScratch s)
    {
        var spans = s.Spans;
        for (var k = 0; k < spans.Count; k++)
        {
            var sp = spans[k];
            if (sp.Count < 2 || sp.Type != "ORG" || !s.IsCap(sp.End - 1) || !_membersEnd.Contains(s.Lower[sp.End - 1])) continue;
            var norp = sp.Count == 2 && (NerFeaturizer.GazAny(s, sp.First) & (ushort)GazetteerClass.Norp) != 0
                && (NerFeaturizer.GazAny(s, sp.First) & (ushort)(GazetteerClass.Org | GazetteerClass.Gpe)) == 0;
            spans[k] = norp ? sp with { Count = 1, Type = "NORP" } : sp with { Count = 0 };
        }
    }

    /// <summary>
    /// "I , Joshua Norton", "A , B , C", ", Inc.": a span of one of the types made only of the words (as
    /// written) is no name ("M A N" spelled out letter by letter too).
    /// </summary>
    private static void NotAlone(NerScratch s, HashSet<ulong> words, string[] types)
    {
        var spans = s.Spans;
        for (var k = 0; k < spans.Count; k++)
        {
            var sp = spans[k];
            if (sp.Count == 0 || Array.IndexOf(types, sp.Type) < 0) continue;
            var all = true;
            for (var w = sp.First; w < sp.End && all; w++) all = words.Contains(s.Exact[w]);
            if (all) spans[k] = sp with { Count = 0 };
        }
    }

    /// <summary>"US $ 10 billion": a one-word span of the type right before one of the signs is part of a currency, not the place.</summary>
    private static void BeforeSign(NerScratch s, HashSet<ulong> words, string type)
    {
        var spans = s.Spans;
        for (var k = 0; k < spans.Count; k++)
        {
            var sp = spans[k];
            if (sp.Count != 1 || sp.Type != type) continue;
            var (_, hi) = NerBoundaryRepair.RangeOf(s, sp.First);
            if (sp.End < hi && words.Contains(s.Exact[sp.End])) spans[k] = sp with { Count = 0 };
        }
    }

    private const ushort NotPlace = (ushort)(GazetteerClass.Org | GazetteerClass.Person | GazetteerClass.FirstName | GazetteerClass.Title
        | GazetteerClass.Norp | GazetteerClass.OrgWord | GazetteerClass.EventWord | GazetteerClass.Event);

    /// <summary>The words in lower case ("Residents of" may open a sentence).</summary>
    private static bool MatchesLower(NerScratch s, int i, ulong[] words, int sentenceStart)
    {
        for (var k = 0; k < words.Length; k++)
            if (s.Lower[i + k] != words[k] || ((s.Flags[i + k] & NerFeaturizer.FLowerWord) == 0 && i + k != sentenceStart)) return false;
        return true;
    }

    /// <summary>Longest dateline before the bracket ("BEIJING , June 14 , 2025 ( Xinhua ) --").</summary>
    private const int MaxDatelineWords = 12;

    private static readonly ulong OpenBracket = FeatureHash.Lower("("), CloseBracket = FeatureHash.Lower(")"), Ampersand = FeatureHash.Lower("&");

    /// <summary>"Lima ( Andina ) --": the capitalised words in brackets before the dash of a dateline are the agency.</summary>
    private void Datelines(NerScratch s)
    {
        var spans = s.Spans;
        var changed = false;
        foreach (var (start, end) in s.Ranges)
        {
            for (var o = start + 1; o < Math.Min(end, start + MaxDatelineWords); o++)
            {
                if (s.Lower[o] != OpenBracket) continue;
                var c = o + 1;
                while (c < end && c - o <= 4 && (s.IsCap(c) || s.Lower[c] == Ampersand)) c++;
                if (c == o + 1 || c + 1 >= end || s.Lower[c] != CloseBracket || !_datelineDashes.Contains(s.Lower[c + 1])) break;
                // Before the bracket only the dateline: a place, a date, commas; no lower-case word.
                if (!s.IsCap(start)) break;
                var plain = true;
                for (var k = start; k < o && plain; k++) plain = (s.Flags[k] & NerFeaturizer.FLowerWord) == 0;
                if (!plain) break;
                var first = o + 1;
                var count = c - first;
                var inside = -1;
                var blocked = false;
                for (var k = 0; k < spans.Count; k++)
                {
                    var sp = spans[k];
                    if (sp.Count == 0 || sp.End <= first || sp.First >= c) continue;
                    if (sp.First == first && sp.Count == count) inside = k;
                    else blocked = true;
                }
                if (blocked) break;
                if (inside >= 0)
                {
                    if (spans[inside].Type != _datelineType) spans[inside] = spans[inside] with { Type = _datelineType, Rule = _datelineRule };
                }
                else
                {
                    spans.Add(new NerSpan(first, count, _datelineType, _datelineRule));
                    changed = true;
                }
                break;
            }
        }
        if (changed) spans.Sort((a, b) => a.First.CompareTo(b.First));
    }

    /// <summary>"in Epworth and Gokwe": one unknown capitalised word joined to a span of the type by "and/or" is of that type too.</summary>
    private static void Coordinated(NerScratch s, HashSet<ulong> words, string type, string rule)
    {
        var spans = s.Spans;
        var covered = s.MarkCovered();
        var count = spans.Count;
        for (var k = 0; k < count; k++)
        {
            var sp = spans[k];
            var j = sp.End + 1;
            if (sp.Count == 0 || sp.Type != type || j >= covered.Length || !words.Contains(s.Lower[sp.End])) continue;
            var (_, hi) = NerBoundaryRepair.RangeOf(s, sp.First);
            if (j >= hi || !IsAlphaCap(s, j) || (j + 1 < hi && s.IsCap(j + 1))) continue;
            // Only a word nothing found: retyping the model's one-word PERSON there too cost 0.15 on
            // GUM dev ("Moran and Pyle", "Bloomer") for 0.1 on test.
            if (covered[j] || s.LexBand[j] != 0 || (s.DocFlags[j] & NerFeaturizer.DSeenLower) != 0 || (NerFeaturizer.GazAny(s, j) & NotPlace) != 0) continue;
            spans.Add(new NerSpan(j, 1, type, rule));
            covered[j] = true;
        }
        if (spans.Count > count) spans.Sort((a, b) => a.First.CompareTo(b.First));
    }
}
