using Wirescope.Documents;

namespace Wirescope.Language.Ner;

/// <summary>
/// Span repairs after the model and the gazetteer pass, from the structure of names rather
/// than from lists of them. GUM (the training data) has few names of the shapes world news is
/// full of, so the model cuts them short:
/// <list type="bullet">
/// <item>initials before a person's name belong to it ("N. Chandrababu Naidu", "Y. S. Jagan Mohan Reddy");</item>
/// <item>an Arabic article-prefixed surname after a person's name belongs to it ("Mohammed Shia al-Sudani");</item>
/// <item>a capitalised run ending in an organisation head word ("All Progressives Congress",
/// "United Nations Relief and Works Agency") or opening with one followed by "of"
/// ("Ministry of Industry and Trade") is one organisation;</item>
/// <item>an acronym in brackets right after a name whose initials it spells is the same kind of
/// thing ("Independent National Electoral Commission ( INEC )"); document consistency then
/// finds its later mentions.</item>
/// </list>
/// Every repaired span keeps the rule that found it, or <see cref="Rule"/> when this pass made it.
/// </summary>
internal static class NerBoundaryRepair
{
    public const string Rule = "ner.repair";

    /// <summary>Longest organisation name a capitalised run may make (longer runs are lists or headlines).</summary>
    private const int MaxOrgWords = 8;

    private static readonly ulong For = FeatureHash.Lower("for");

    private static readonly ulong[] CentreWords = [FeatureHash.Lower("Centre"), FeatureHash.Lower("Center")];

    // Arabic and Malay patronymic particles ("son/daughter of"), written in lower case inside a name.
    // (Not "de", "van", "al": those also join places and bodies.)
    private static readonly ulong[] Patronymics =
        new[] { "bin", "binti", "bint", "ibn", "binte", "bte" }.Select(w => FeatureHash.Lower(w)).ToArray();

    private static readonly ulong The = FeatureHash.Lower("the");

    private static readonly ulong Open = FeatureHash.Lower("("), Close = FeatureHash.Lower(")"), And = FeatureHash.Lower("and");

    // Words that may sit inside an organisation name between capitalised words.
    private static readonly ulong[] OrgConnectors =
        new[] { "of", "and", "for", "the", "on", "&", "de", "du", "des", "la" }.Select(w => FeatureHash.Lower(w)).ToArray();

    // PTB tags of a sentence's capitalised first word that is no part of a name after it.
    private static readonly ulong[] FunctionTags =
        new[] { "IN", "CC", "RB", "WRB", "WDT", "WP", "PRP", "PRP$", "DT", "PDT", "MD", "TO", "EX" }.Select(x => FeatureHash.Exact(x)).ToArray();

    // A capitalised word before an organisation that is not part of its name.
    private static readonly ulong[] Determiners =
        new[] { "the", "a", "an", "this", "that", "its", "his", "her", "their", "our" }.Select(w => FeatureHash.Lower(w)).ToArray();

    public static void Apply(NerScratch s, TokenTable tokens, string text, DateMoneyRules? calendar, NerSpanCues? cues = null)
    {
        var spans = s.Spans;
        spans.Sort((a, b) => a.First.CompareTo(b.First));
        s.Pending.Clear();
        TrimCalendarTails(s, tokens, text, calendar);
        TrimLeadingFunctionWords(s);
        CutPersonsEndingMidRun(s);
        SplitPersonOfBody(s, cues);
        foreach (var (start, end) in s.Ranges)
        {
            if ((s.Flags[start] & NerFeaturizer.FHeadline) != 0) continue;
            OrgRuns(s, start, end, tokens, text, calendar, cues);
        }
        spans.RemoveAll(sp => sp.Count == 0);
        spans.AddRange(s.Pending);
        spans.Sort((a, b) => a.First.CompareTo(b.First));
        for (var k = 0; k < spans.Count; k++)
        {
            if (spans[k].Type != "PERSON") continue;
            var (lo, hi) = RangeOf(s, spans[k].First);
            var span = spans[k];
            var first = span.First;
            var limit = k > 0 ? spans[k - 1].End : lo;
            // Given names the model left out: "Naim" of "Naim Qassem", "Jean-Yves" of "Jean-Yves Le Drian".
            for (var extra = 0; extra < 2 && first - 1 >= Math.Max(lo, limit) && IsLeftNamePart(s, first - 1, lo, tokens, text, calendar); extra++) first--;
            while (first - 1 >= Math.Max(lo, limit) && IsInitial(NerAnnotator.Form(tokens, first - 1, text))) first--;
            var last = span.End;
            var next = k + 1 < spans.Count ? spans[k + 1].First : hi;
            while (last < Math.Min(hi, next) && IsPrefixedSurname(NerAnnotator.Form(tokens, last, text))) last++;
            // "Fadhlina binti Sidek", "Anwar bin Ibrahim": a patronymic particle and a plain capitalised word after the name.
            if (last == span.End && last + 1 < Math.Min(hi, next) && Array.IndexOf(Patronymics, s.Lower[last]) >= 0
                && (s.Flags[last] & NerFeaturizer.FLowerWord) != 0 && IsPlainNameWord(s, last + 1, tokens, text, calendar)) last += 2;
            if (first != span.First || last != span.End) spans[k] = span with { First = first, Count = last - first };
        }
        CompassQualifiers(s);
        JoinPatronymics(s);
        FirstNameArticleSurnames(s, tokens, text);
        BracketAcronyms(s, tokens, text);
        ArticleAcronyms(s, tokens, text);
        PlacesBeforeAdminNouns(s, tokens, text, calendar);
        PeopleAfterTitles(s, tokens, text, calendar);
        InitialsBeforeNames(s, tokens, text, calendar);
    }

    /// <summary>
    /// "his deputy D.K. Shivakumar", "MLA R. Ashoka": initials followed by one or two plain
    /// capitalised words, found by nothing, are a person (South Indian names are written so). Not
    /// initials the tables know ("U.S.", "U.N."), nor after a capitalised word or "the" ("Washington
    /// D.C.", "the D.C. Circuit"); the run must end before another capitalised word.
    /// </summary>
    private static void InitialsBeforeNames(NerScratch s, TokenTable tokens, string text, DateMoneyRules? calendar)
    {
        var spans = s.Spans;
        var covered = s.MarkCovered();
        foreach (var (start, end) in s.Ranges)
        {
            if ((s.Flags[start] & NerFeaturizer.FHeadline) != 0) continue;
            for (var i = start; i + 1 < end; i++)
            {
                if (covered[i] || !IsInitial(NerAnnotator.Form(tokens, i, text)) || NerFeaturizer.GazAny(s, i) != 0) continue;
                if (i > start && (s.IsCap(i - 1) || s.Lower[i - 1] == The)) continue;
                var j = i + 1;
                while (j < end && j - i <= 2 && !covered[j] && IsPlainNameWord(s, j, tokens, text, calendar)) j++;
                if (j == i + 1 || (j < end && s.IsCap(j))) continue;
                spans.Add(new NerSpan(i, j - i, "PERSON", Rule));
                for (var k = i; k < j; k++) covered[k] = true;
                i = j;
            }
        }
    }

    /// <summary>
    /// "former PTI chairman Chaudhry Pervaiz Elahi": two to four plain capitalised words right
    /// after a title or role word (titles.tsv), found by nothing, are a person. Each word must be
    /// unknown to the tables except as a first name, not common in lower case, not a calendar
    /// word; the run must end before another capitalised word.
    /// </summary>
    private static void PeopleAfterTitles(NerScratch s, TokenTable tokens, string text, DateMoneyRules? calendar)
    {
        var spans = s.Spans;
        var covered = s.MarkCovered();
        foreach (var (start, end) in s.Ranges)
        {
            if ((s.Flags[start] & NerFeaturizer.FHeadline) != 0) continue;
            for (var i = start + 1; i < end; i++)
            {
                if (covered[i] || (s.GazL[i - 1] | s.GazU[i - 1]) is var t && (t & (ushort)GazetteerClass.Title) == 0) continue;
                var j = i;
                while (j < end && j - i < 4 && !covered[j] && IsPlainNameWord(s, j, tokens, text, calendar)) j++;
                // "Syrian counterpart Asaad al-Shaibani": an article-prefixed surname ends the name.
                if (j > i && j < end && !covered[j] && IsPrefixedSurname(NerAnnotator.Form(tokens, j, text))) j++;
                if (j - i < 2 || (j < end && (s.Flags[j] & NerFeaturizer.FCap) != 0)) continue;
                spans.Add(new NerSpan(i, j - i, "PERSON", Rule));
                for (var k = i; k < j; k++) covered[k] = true;
                i = j;
            }
        }
    }

    private static bool IsPlainNameWord(NerScratch s, int i, TokenTable tokens, string text, DateMoneyRules? calendar)
    {
        var f = s.Flags[i];
        if ((f & NerFeaturizer.FCap) == 0 || (f & (NerFeaturizer.FAllCaps | NerFeaturizer.FDigit)) != 0) return false;
        if ((NerFeaturizer.GazAny(s, i) & OtherThanPerson) != 0 || s.LexBand[i] != 0 || (s.DocFlags[i] & NerFeaturizer.DSeenLower) != 0) return false;
        return calendar is null || calendar.ClassOf(NerAnnotator.Form(tokens, i, text)) == 0;
    }

    // Lower-case words that name an administrative unit after a place's name ("Dhading district").
    private static readonly ulong[] AdminNouns =
        new[] { "district", "region", "province", "state", "county", "town", "city", "village", "governorate", "municipality", "prefecture", "township", "commune", "department", "division" }
            .Select(w => FeatureHash.Lower(w)).ToArray();

    /// <summary>
    /// "in Dhading district", "the Navoi region": one unknown capitalised word the model left
    /// untagged, followed by a lower-case word for an administrative unit, is a place (GPE). Not
    /// calendar words, names the tables know, words common in lower case, or after a capitalised word.
    /// (Any unknown word after "in" was tried too: it took languages and case names on GUM dev.)
    /// </summary>
    private static void PlacesBeforeAdminNouns(NerScratch s, TokenTable tokens, string text, DateMoneyRules? calendar)
    {
        var spans = s.Spans;
        var covered = s.MarkCovered();
        foreach (var (start, end) in s.Ranges)
        {
            if ((s.Flags[start] & NerFeaturizer.FHeadline) != 0) continue;
            for (var i = start + 1; i + 1 < end; i++)
            {
                if ((s.Flags[i + 1] & NerFeaturizer.FLowerWord) == 0) continue;
                var plural = Array.IndexOf(AdminPlurals, s.Lower[i + 1]) >= 0;
                if (!plural && Array.IndexOf(AdminNouns, s.Lower[i + 1]) < 0) continue;
                // "in Kavre and Lalitpur districts": each name of the list before a plural is a place.
                for (var w = i; w > start; w -= 2)
                {
                    if (!covered[w] && IsUnknownPlaceWord(s, w, tokens, text, calendar))
                    {
                        spans.Add(new NerSpan(w, 1, "GPE", Rule));
                        covered[w] = true;
                    }
                    else if (!covered[w]) break;
                    if (!plural || w - 2 <= start || (s.Lower[w - 1] != And && s.Lower[w - 1] != Comma)) break;
                }
            }
        }
    }

    // The plurals, after a list of names ("Kavrepalanchok and Lalitpur districts").
    private static readonly ulong[] AdminPlurals =
        new[] { "districts", "regions", "provinces", "states", "counties", "towns", "villages", "governorates", "municipalities", "prefectures", "townships", "communes", "divisions" }
            .Select(w => FeatureHash.Lower(w)).ToArray();

    private static readonly ulong Comma = FeatureHash.Lower(",");

    /// <summary>One unknown capitalised word, not after another, not a calendar word, not common in lower case.</summary>
    private static bool IsUnknownPlaceWord(NerScratch s, int i, TokenTable tokens, string text, DateMoneyRules? calendar)
    {
        var f = s.Flags[i];
        if ((f & NerFeaturizer.FCap) == 0 || (f & (NerFeaturizer.FAllCaps | NerFeaturizer.FDigit)) != 0) return false;
        if ((s.Flags[i - 1] & NerFeaturizer.FCap) != 0) return false;
        if (NerFeaturizer.GazAny(s, i) != 0 || s.LexBand[i] != 0 || (s.DocFlags[i] & NerFeaturizer.DSeenLower) != 0) return false;
        return calendar is null || calendar.ClassOf(NerAnnotator.Form(tokens, i, text)) == 0;
    }

    private const ushort OtherThanPerson = (ushort)(GazetteerClass.Org | GazetteerClass.Gpe | GazetteerClass.Loc | GazetteerClass.Fac
        | GazetteerClass.Norp | GazetteerClass.Event | GazetteerClass.Title | GazetteerClass.OrgWord | GazetteerClass.LocWord
        | GazetteerClass.FacWord | GazetteerClass.GpeWord | GazetteerClass.EventWord);

    /// <summary>
    /// A capitalised word right before a person's name that is plainly part of it: mid-sentence
    /// (or a known first name), not common in lower case, no title, place, organisation or
    /// calendar word ("On Tuesday Qassem said" keeps "Tuesday" out).
    /// </summary>
    private static bool IsLeftNamePart(NerScratch s, int i, int sentenceStart, TokenTable tokens, string text, DateMoneyRules? calendar)
    {
        var f = s.Flags[i];
        if ((f & NerFeaturizer.FCap) == 0 || (f & (NerFeaturizer.FAllCaps | NerFeaturizer.FHeadline | NerFeaturizer.FDigit)) != 0) return false;
        if ((NerFeaturizer.GazAny(s, i) & OtherThanPerson) != 0 || s.LexBand[i] != 0) return false;
        var firstName = (s.GazU[i] & (ushort)GazetteerClass.FirstName) != 0;
        if (i == sentenceStart && !firstName) return false;
        if ((s.DocFlags[i] & NerFeaturizer.DSeenLower) != 0) return false;
        return calendar is null || calendar.ClassOf(NerAnnotator.Form(tokens, i, text)) == 0;
    }

    // Capitalised qualifiers that open a place's name ("Northern Ghana", "Greater Accra").
    private static readonly ulong[] Qualifiers =
        new[] { "Western", "Eastern", "Northern", "Southern", "Central", "North", "South", "East", "West", "Upper", "Lower", "Greater", "Old" }
            .Select(w => FeatureHash.Exact(w)).ToArray();

    /// <summary>
    /// "Northern Ghana", "the Western United States", "Greater Accra": a capitalised compass or
    /// qualifier word right before a place's span, found by nothing, is part of the name (in the OPEN
    /// training text such a word before an entity is inside it 103 times and outside once).
    /// </summary>
    private static void CompassQualifiers(NerScratch s)
    {
        var spans = s.Spans;
        for (var k = 0; k < spans.Count; k++)
        {
            var sp = spans[k];
            if (sp.Count == 0 || sp.Type is not ("GPE" or "LOC" or "FAC")) continue;
            var (lo, _) = RangeOf(s, sp.First);
            var q = sp.First - 1;
            if (q < lo || (s.Flags[lo] & NerFeaturizer.FHeadline) != 0 || Array.IndexOf(Qualifiers, s.Exact[q]) < 0) continue;
            if (k > 0 && spans[k - 1].Count > 0 && spans[k - 1].End > q) continue;
            spans[k] = sp with { First = q, Count = sp.Count + 1 };
        }
    }

    /// <summary>
    /// "Mohammed" + "bin" + "Abdulrahman Al Thani": two PERSON spans around a lower-case patronymic
    /// particle are one name. Also run after document consistency, which may find the first part
    /// again as another person's given name ("Mohammed" of "Mohammed Sinwar").
    /// </summary>
    internal static void JoinPatronymics(NerScratch s)
    {
        var spans = s.Spans;
        spans.Sort((x, y) => x.First.CompareTo(y.First));
        for (var k = spans.Count - 2; k >= 0; k--)
        {
            var (a, b) = (spans[k], spans[k + 1]);
            if (a.Type != "PERSON" || b.Type != "PERSON" || a.Count == 0 || b.First != a.End + 1) continue;
            if (Array.IndexOf(Patronymics, s.Lower[a.End]) < 0 || (s.Flags[a.End] & NerFeaturizer.FLowerWord) == 0) continue;
            spans[k] = a with { Count = b.End - a.First };
            spans.RemoveAt(k + 1);
        }
    }

    /// <summary>"Tawfiq al-Haddad": a known first name followed by an article-prefixed surname, found by nothing, is a person.</summary>
    private static void FirstNameArticleSurnames(NerScratch s, TokenTable tokens, string text)
    {
        var spans = s.Spans;
        var covered = s.MarkCovered();
        foreach (var (start, end) in s.Ranges)
            for (var i = start; i + 1 < end; i++)
            {
                if (covered[i] || covered[i + 1] || (s.GazU[i] & (ushort)GazetteerClass.FirstName) == 0) continue;
                if (!IsPrefixedSurname(NerAnnotator.Form(tokens, i + 1, text))) continue;
                var last = i + 2;
                while (last < end && !covered[last] && IsPrefixedSurname(NerAnnotator.Form(tokens, last, text))) last++;
                spans.Add(new NerSpan(i, last - i, "PERSON", Rule));
                for (var k = i; k < last; k++) covered[k] = true;
            }
    }

    /// <summary>The sentence range holding the word (ranges are sorted and disjoint: binary search).</summary>
    internal static (int Start, int End) RangeOf(NerScratch s, int word)
    {
        var ranges = s.Ranges;
        int lo = 0, hi = ranges.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var r = ranges[mid];
            if (word < r.Start) hi = mid - 1;
            else if (word >= r.End) lo = mid + 1;
            else return r;
        }
        return (word, word + 1);
    }

    /// <summary>"N.", "J.R." — a capital letter and a full stop, once or twice.</summary>
    internal static bool IsInitial(ReadOnlySpan<char> w)
    {
        if (w.Length is not (2 or 4)) return false;
        for (var i = 0; i < w.Length; i += 2)
            if (!char.IsUpper(w[i]) || w[i + 1] != '.') return false;
        return true;
    }

    /// <summary>"al-Sudani", "el-Sisi", "as-Sadr": a short lower-case article, a hyphen, a capital.</summary>
    internal static bool IsPrefixedSurname(ReadOnlySpan<char> w)
    {
        var dash = w.IndexOf('-');
        if (dash is < 2 or > 3 || dash + 1 >= w.Length || !char.IsUpper(w[dash + 1])) return false;
        if (w[0] is not ('a' or 'e')) return false;
        for (var i = 1; i < dash; i++) if (!char.IsLower(w[i])) return false;
        return true;
    }


    /// <summary>An organisation head word of name_words.tsv, or one of span_cues.tsv's org-head rows (used after the model only).</summary>
    private static bool IsOrgHead(NerScratch s, int i, NerSpanCues? cues) =>
        (s.GazU[i] & (ushort)GazetteerClass.OrgWord) != 0 || (cues is not null && (s.Flags[i] & NerFeaturizer.FCap) != 0 && cues.IsOrgHead(s.Lower[i]));

    /// <summary>
    /// "Election Commission of Pakistan on Thursday" read as one name: a connector ("on", "of")
    /// followed by a calendar word ends the name there; the date is the DATE rules' to take.
    /// </summary>
    private static void TrimCalendarTails(NerScratch s, TokenTable tokens, string text, DateMoneyRules? calendar)
    {
        if (calendar is null) return;
        var spans = s.Spans;
        for (var k = 0; k < spans.Count; k++)
        {
            var sp = spans[k];
            for (var m = sp.First + 1; m + 1 < sp.End; m++)
            {
                if (!IsCalendarAfterConnector(s, m, tokens, text, calendar)) continue;
                spans[k] = sp with { Count = m - sp.First };
                break;
            }
        }
    }

    /// <summary>
    /// "Maria Lopez of Blue | Harbor Gaming": a PERSON span holding "of" that stops inside a run of
    /// capitalised words took the first word of the body the person is "of": the person ends before
    /// "of". (A span over the whole "Wu Chi-wai of the Democratic Party" is split by
    /// <see cref="SplitPersonOfBody"/>.)
    /// </summary>
    private static void CutPersonsEndingMidRun(NerScratch s)
    {
        var spans = s.Spans;
        for (var k = 0; k < spans.Count; k++)
        {
            var sp = spans[k];
            if (sp.Type != "PERSON" || sp.Count < 3) continue;
            var (_, hi) = RangeOf(s, sp.First);
            if (sp.End >= hi || (s.Flags[sp.End] & (NerFeaturizer.FCap | NerFeaturizer.FAlpha)) != (NerFeaturizer.FCap | NerFeaturizer.FAlpha)) continue;
            for (var m = sp.First + 1; m < sp.End - 1; m++)
                if (s.Lower[m] == OrgConnectors[0]) { spans[k] = sp with { Count = m - sp.First }; break; }
        }
    }

    /// <summary>
    /// "Gbadebo Rhodes-Vivour of the Labour Party" read as one PERSON: OntoNotes (the blind
    /// newswire set's convention, and every news NER's) tags the person and the party apart, so a
    /// PERSON of at least two name words, then "of the", then capitalised words ending in an
    /// organisation head word, is cut before "of" and the body after "the" becomes an ORG. GUM
    /// keeps such phrases as one person mention ("Wu Chi-wai of the Democratic Party"), which
    /// is why the model learnt to join them; this is a deliberate departure from GUM here.
    /// </summary>
    private static void SplitPersonOfBody(NerScratch s, NerSpanCues? cues)
    {
        var spans = s.Spans;
        for (var k = 0; k < spans.Count; k++)
        {
            var sp = spans[k];
            if (sp.Type != "PERSON" || sp.Count < 5 || !IsOrgHead(s, sp.End - 1, cues)) continue;
            for (var m = sp.First + 2; m + 2 < sp.End; m++)
            {
                if (s.Lower[m] != OrgConnectors[0] || s.Lower[m + 1] != The) continue;
                var body = true;
                for (var b = m + 2; b < sp.End && body; b++) body = s.IsCap(b) || Array.IndexOf(OrgConnectors, s.Lower[b]) >= 0;
                if (!body || !s.IsCap(m + 2)) break;
                spans[k] = sp with { Count = m - sp.First };
                s.Pending.Add(new NerSpan(m + 2, sp.End - (m + 2), "ORG", Rule));
                break;
            }
        }
    }

    /// <summary>"If the Court", "Both the Austrian Government" read as one name: a function word capitalised by the sentence start, and the determiners after it, are not part of it.</summary>
    private static void TrimLeadingFunctionWords(NerScratch s)
    {
        var spans = s.Spans;
        for (var k = 0; k < spans.Count; k++)
        {
            var sp = spans[k];
            if (sp.Count < 2) continue;
            var (lo, _) = RangeOf(s, sp.First);
            if (sp.First != lo || Array.IndexOf(FunctionTags, s.Pos[sp.First]) < 0 || Array.IndexOf(Determiners, s.Lower[sp.First]) >= 0) continue;
            var first = sp.First + 1;
            while (first < sp.End - 1 && Array.IndexOf(Determiners, s.Lower[first]) >= 0) first++;
            if (!s.IsCap(first)) continue;
            spans[k] = sp with { First = first, Count = sp.End - first };
        }
    }

    private static bool IsCalendarAfterConnector(NerScratch s, int m, TokenTable tokens, string text, DateMoneyRules? calendar) =>
        calendar is not null && Array.IndexOf(OrgConnectors, s.Lower[m]) >= 0
        && (s.Flags[m + 1] & NerFeaturizer.FCap) != 0 && calendar.ClassOf(NerAnnotator.Form(tokens, m + 1, text)) != 0;

    /// <summary>Capitalised runs that are organisation names by their head word become one ORG span.</summary>
    private static void OrgRuns(NerScratch s, int start, int end, TokenTable tokens, string text, DateMoneyRules? calendar, NerSpanCues? cues)
    {
        var i = start;
        while (i < end)
        {
            if (!s.IsCap(i)) { i++; continue; }
            // The run: capitalised words, joined by connectors that are followed by a capital.
            var j = i + 1;
            while (j < end)
            {
                if (s.IsCap(j)) { j++; continue; }
                if (j + 1 < end && s.IsCap(j + 1) && Array.IndexOf(OrgConnectors, s.Lower[j]) >= 0
                    && !IsCalendarAfterConnector(s, j, tokens, text, calendar)) { j += 2; continue; }
                // "of the" inside a name: "Bank of the Philippine Islands", "National Library of the Philippines".
                // Not after a person's name: "Asep Guntur Rahayu of the Corruption Eradication Commission" is two.
                if (j + 2 < end && s.Lower[j] == OrgConnectors[0] && s.Lower[j + 1] == The && (s.Flags[j + 1] & NerFeaturizer.FLowerWord) != 0
                    && s.IsCap(j + 2) && !IsCalendarAfterConnector(s, j + 1, tokens, text, calendar) && !PersonCovers(s.Spans, j - 1)
                    // "Officials of the Ministry of ...": a sentence's first word alone is no name's start.
                    && !(i == start && j == i + 1)) { j += 3; continue; }
                break;
            }
            var first = i;
            // "The", "Its" opening a sentence are not part of the name, nor is a function word
            // capitalised by the sentence start ("If the Court", "Both the Austrian Government").
            // Also after an opening quote or bracket ("‘ Where the Digital Humanities ...").
            while (first < j && (Array.IndexOf(Determiners, s.Lower[first]) >= 0
                || ((first == start || (s.Flags[first - 1] & (NerFeaturizer.FAlpha | NerFeaturizer.FDigit)) == 0)
                    && Array.IndexOf(FunctionTags, s.Pos[first]) >= 0))) first++;
            // "Outside of the Nationalist Party": no name opens with a connector.
            while (first < j && !s.IsCap(first)) first++;
            TryOrgRun(s, first, j, cues);
            i = j;
        }
    }

    private static void TryOrgRun(NerScratch s, int first, int end, NerSpanCues? cues, bool known = false)
    {
        var len = end - first;
        if (len < 2) return;
        // Two bodies joined by "and" ("Malawi Red Cross Society and Medical Aid Society"): each is a run of its own.
        // Also "University of California and Columbia University": a head word before "and" and a
        // name of two or more words ending in one after it are two bodies ("Ministry of Science and
        // Technology", "Food and Drug Administration" keep theirs: no head on one side).
        for (var m = first + 1; m + 1 < end; m++)
            // (Not after one word: "Energy and Petroleum Regulatory Authority" is one body.)
            if (s.Lower[m] == And && m - first >= 2 && (IsOrgHead(s, m - 1, cues) || (end - m > 2 && IsOrgHead(s, end - 1, cues) && HasOrgHead(s, first, m, cues))
                // "Office of University Relations and Division of Student Affairs": a head word and "of"
                // after "and" open a second body when the part before holds a head too.
                // So does any "X of" after "and" when the part before is a head's "X of Y" ("Office of
                // University Relations and Division of Student Affairs").
                || (m + 2 < end && s.IsCap(m + 1) && s.Lower[m + 2] == OrgConnectors[0] && (IsOrgHead(s, m + 1, cues) || HasHeadOf(s, first, m, cues)) && HasOrgHead(s, first, m, cues))))
            {
                // The model's one span over both is two organisations.
                var at0 = FirstEndingAfter(s.Spans, first);
                var whole = at0 < s.Spans.Count && s.Spans[at0] is { Type: "ORG" } w && w.First == first && w.End == end;
                if (whole) s.Spans[at0] = s.Spans[at0] with { Count = 0 };
                TryOrgRun(s, first, m, cues, whole);
                TryOrgRun(s, m + 1, end, cues, whole);
                return;
            }
        if (len > MaxOrgWords) return;
        var headLast = IsOrgHead(s, end - 1, cues);
        // "Ministry of ...", also after a qualifier ("Yemeni Ministry of Water and Environment").
        var headOf = false;
        // Also "... Commission for Human Rights", "Nigeria Centre for Disease Control": a head word
        // (or Centre/Center, otherwise a building) before "for" names a body, not a place.
        for (var m = first; m + 1 < end && !headOf; m++)
            headOf = (IsOrgHead(s, m, cues) && (s.Lower[m + 1] == OrgConnectors[0] || s.Lower[m + 1] == For))
                || (s.Lower[m + 1] == For && Array.IndexOf(CentreWords, s.Lower[m]) >= 0);
        if (!headLast && !headOf) return;
        // A title inside the run ("Foreign Minister", "Bank Governor") means the run names a person's role.
        // Not when the run ends in a company head: "General Motors", "General Dynamics Group".
        var company = cues is not null && s.IsCap(end - 1) && cues.IsCompanyHead(s.Lower[end - 1]);
        for (var k = first; k < end && !company; k++)
            if ((NerFeaturizer.GazAny(s, k) & (ushort)GazetteerClass.Title) != 0 && !IsOrgHead(s, k, cues)) return;
        var spans = s.Spans;
        // Spans that overlap the run must lie inside it; a person's name inside it stops the repair.
        // (The spans are sorted and disjoint here: the overlapping ones are a contiguous stretch.)
        var lo = FirstEndingAfter(spans, first);
        var hi = lo;
        while (hi < spans.Count && spans[hi].First < end)
        {
            var sp = spans[hi];
            if (sp.First < first || sp.End > end) return;
            if (sp.Type == "ORG" && sp.First == first && sp.End == end) return;
            if (sp.Rule == NerGazetteerPass.Rule && sp.Type == "PERSON") return;
            hi++;
        }
        // No evidence from the model at all: leave a two-word run ("Harbour Office" in a list). Three
        // words or more ending in a head word are a name the model did not know ("Rapid Action
        // Battalion", "Confederation of African Football"; ner6: GUM dev -0.06, one "Forces of
        // Production"; test unchanged; world-news stories +0.07 and +1.2).
        // Two words ending in a company head ("Dangote Industries", "Tata Motors") are a company too.
        if (hi == lo && !known && len < 3 && !(cues is not null && cues.IsCompanyHead(s.Lower[end - 1]))) return;
        // Removed spans are emptied in place and the new one waits in s.Pending, so the list stays
        // sorted for the binary search and a long document costs no shifting per run.
        for (var k = lo; k < hi; k++) spans[k] = spans[k] with { Count = 0 };
        s.Pending.Add(new NerSpan(first, len, "ORG", Rule));
    }

    /// <summary>Whether a PERSON span holds word <paramref name="word"/> (spans sorted and disjoint).</summary>
    private static bool PersonCovers(List<NerSpan> spans, int word)
    {
        var k = FirstEndingAfter(spans, word);
        return k < spans.Count && spans[k].First <= word && spans[k].Type == "PERSON" && spans[k].Count > 0;
    }

    private static bool HasHeadOf(NerScratch s, int first, int end, NerSpanCues? cues)
    {
        for (var k = first; k + 1 < end; k++) if (IsOrgHead(s, k, cues) && s.Lower[k + 1] == OrgConnectors[0]) return true;
        return false;
    }

    private static bool HasOrgHead(NerScratch s, int first, int end, NerSpanCues? cues)
    {
        for (var k = first; k < end; k++) if (IsOrgHead(s, k, cues)) return true;
        return false;
    }

    /// <summary>Index of the first span ending after word <paramref name="word"/> (spans sorted and disjoint).</summary>
    private static int FirstEndingAfter(List<NerSpan> spans, int word)
    {
        int lo = 0, hi = spans.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (spans[mid].End <= word) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>"Independent National Electoral Commission ( INEC )": the acronym takes the name's type.</summary>
    private static void BracketAcronyms(NerScratch s, TokenTable tokens, string text)
    {
        var spans = s.Spans;
        spans.Sort((a, b) => a.First.CompareTo(b.First));
        var count = spans.Count;
        for (var k = 0; k < count; k++)
        {
            var name = spans[k];
            var a = name.End + 1;
            if (name.Count < 2 || a + 1 >= tokens.Count || s.Lower[name.End] != Open || s.Lower[a + 1] != Close) continue;
            if (name.Type is not ("ORG" or "GPE" or "FAC" or "LOC" or "EVENT")) continue;
            var acronym = NerAnnotator.Form(tokens, a, text);
            // An organisation's acronym need not spell its English name ("Doctors Without Borders
            // ( MSF )", a translation's initials): in the OPEN training text all 7 acronyms in capitals
            // in brackets right after an ORG are ORG. Not one the tables know as something else.
            if (!Spells(acronym, tokens, text, name)
                && !(name.Type == "ORG" && IsAcronym(acronym) && (NerFeaturizer.GazAny(s, a) & NotAnOrg) == 0)) continue;
            // Sorted and disjoint: a span holding the acronym's word is the next one.
            var existing = k + 1 < count && spans[k + 1].First <= a && spans[k + 1].End > a ? k + 1 : -1;
            if (existing >= 0)
            {
                if (spans[existing].First == a && spans[existing].Count == 1) spans[existing] = spans[existing] with { Type = name.Type };
                continue;
            }
            spans.Add(new NerSpan(a, 1, name.Type, Rule));
        }
        spans.Sort((x, y) => x.First.CompareTo(y.First));
    }

    private const ushort NotAnOrg = (ushort)(GazetteerClass.Gpe | GazetteerClass.Loc | GazetteerClass.Norp | GazetteerClass.Person
        | GazetteerClass.FirstName | GazetteerClass.Title | GazetteerClass.Fac | GazetteerClass.Event);

    /// <summary>"MSF", "ACPeds", "M5S": 2–10 letters or digits, opening with a capital, at least two capitals and more capitals than small letters.</summary>
    internal static bool IsAcronym(ReadOnlySpan<char> w)
    {
        if (w.Length is < 2 or > 10 || !char.IsUpper(w[0])) return false;
        int upper = 0, lower = 0;
        foreach (var c in w)
        {
            if (char.IsUpper(c)) upper++;
            else if (char.IsLower(c)) lower++;
            else if (!char.IsDigit(c)) return false;
        }
        return upper >= 2 && upper > lower;
    }

    /// <summary>
    /// "General Motors ... GM closed the plant", "the Peoples Democratic Party ... the PDP said": an
    /// acronym in capitals that nothing found is an ORG when it spells the initials of an ORG the
    /// article names in full (every capitalised word's initial, connectors skipped), or when it opens
    /// a longer ORG name there ("CBC" beside "CBC News"). Not a word the tables know as something else.
    /// </summary>
    private static void ArticleAcronyms(NerScratch s, TokenTable tokens, string text)
    {
        var spans = s.Spans;
        var names = s.Names;
        names.Clear();
        Span<char> initials = stackalloc char[8];
        foreach (var sp in spans)
        {
            if (sp.Type != "ORG" || sp.Count < 2) continue;
            var first = NerAnnotator.Form(tokens, sp.First, text);
            if (IsAcronym(first)) names.TryAdd(s.Exact[sp.First], 0);
            var n = 0;
            var ok = true;
            for (var w = sp.First; w < sp.End && ok; w++)
            {
                var form = NerAnnotator.Form(tokens, w, text);
                if (form.Length == 0 || !char.IsUpper(form[0])) continue;
                if (n == initials.Length) ok = false; else initials[n++] = form[0];
            }
            if (ok && n >= 2) names.TryAdd(FeatureHash.Exact(initials[..n]), 0);
        }
        if (names.Count == 0) return;
        var covered = s.MarkCovered();
        var added = false;
        foreach (var (start, end) in s.Ranges)
        {
            if ((s.Flags[start] & NerFeaturizer.FHeadline) != 0) continue;
            for (var i = start; i < end; i++)
            {
                if (covered[i] || (s.Flags[i] & NerFeaturizer.FAllCaps) == 0 || !names.ContainsKey(s.Exact[i])) continue;
                if ((NerFeaturizer.GazAny(s, i) & NotAnOrg) != 0 || !IsAcronym(NerAnnotator.Form(tokens, i, text))) continue;
                spans.Add(new NerSpan(i, 1, "ORG", Rule));
                covered[i] = true;
                added = true;
            }
        }
        if (added) spans.Sort((x, y) => x.First.CompareTo(y.First));
    }

    /// <summary>
    /// Whether the capitals of <paramref name="acronym"/> (2–8, dots ignored) are, in order, initials
    /// of the name's capitalised words or of their hyphenated parts, starting with the first word.
    /// </summary>
    internal static bool Spells(ReadOnlySpan<char> acronym, TokenTable tokens, string text, NerSpan name)
    {
        Span<char> letters = stackalloc char[8];
        var n = 0;
        foreach (var c in acronym)
        {
            if (c == '.') continue;
            if (!char.IsUpper(c) || n == letters.Length) return false;
            letters[n++] = c;
        }
        if (n < 2) return false;
        var at = 0;
        for (var w = name.First; w < name.End && at < n; w++)
        {
            var form = NerAnnotator.Form(tokens, w, text);
            for (var p = 0; p < form.Length && at < n; p++)
            {
                var startOfPart = p == 0 || form[p - 1] == '-';
                if (!startOfPart || !char.IsUpper(form[p])) continue;
                if (char.ToUpperInvariant(form[p]) == letters[at]) at++;
                else if (w == name.First && p == 0) return false;
            }
        }
        return at == n;
    }
}
