namespace Wirescope.Language.Ner;

/// <summary>
/// After the model: capitalised phrases that the gazetteer knows as exactly one kind of
/// entity. GUM (the training data) rarely names world agencies, leaders and demonyms, so the
/// model under-trusts those features on news ("TASS", "Yonhap", "Russian President"). Where
/// the model found nothing, the phrase becomes an entity (rule <see cref="Rule"/>); where
/// the model found a part of it ("Jazeera" in "Al Jazeera") or exactly it, the gazetteer's
/// span and type win. Ambiguous phrases ("Kremlin": organisation and building; "Jordan":
/// country and first name) are left to the model.
/// </summary>
internal static class NerGazetteerPass
{
    public const string Rule = "ner.gazetteer";

    private static readonly (GazetteerClass Class, string Type)[] Types =
    [
        (GazetteerClass.Person, "PERSON"), (GazetteerClass.Org, "ORG"), (GazetteerClass.Gpe, "GPE"),
        (GazetteerClass.Loc, "LOC"), (GazetteerClass.Norp, "NORP"), (GazetteerClass.Fac, "FAC"), (GazetteerClass.Event, "EVENT"),
    ];

    private const ushort NameParts = (ushort)(GazetteerClass.OrgWord | GazetteerClass.LocWord | GazetteerClass.FacWord
        | GazetteerClass.GpeWord | GazetteerClass.EventWord | GazetteerClass.FirstName | GazetteerClass.NameLink
        | GazetteerClass.Person | GazetteerClass.Org | GazetteerClass.Gpe | GazetteerClass.Loc | GazetteerClass.Fac | GazetteerClass.Norp | GazetteerClass.Event);

    private const GazetteerClass EntityClasses = GazetteerClass.Person | GazetteerClass.Org | GazetteerClass.Gpe
        | GazetteerClass.Loc | GazetteerClass.Norp | GazetteerClass.Fac | GazetteerClass.Event;

    public static void Apply(NerScratch s, Gazetteer gazetteer, int n)
    {
        var spans = s.Spans;
        TrimTitles(s);
        JoinNameLinks(s);
        SplitHeadlineRuns(s, gazetteer);
        // Which model span covers each word (-1: none).
        var owner = s.Owner;
        Array.Fill(owner, -1, 0, n);
        for (var k = 0; k < spans.Count; k++)
            for (var w = spans[k].First; w < spans[k].End; w++) owner[w] = k;
        foreach (var (start, end) in s.Ranges)
        {
            var i = start;
            while (i < end)
            {
                var (len, type) = LongestMatch(s, gazetteer, i, end);
                if (len == 0 || type is null) { i++; continue; }
                // A sentence's first word also written in lower case is a common word there ("China" is
                // safe, "Chad" or "Bush" not), unless it is an acronym in capitals ("WHO says ...", beside
                // "who"), which the tables only match written so.
                if (len == 1 && i == start && (s.DocFlags[i] & NerFeaturizer.DSeenLower) != 0 && !IsAcronymWord(s, i)) { i++; continue; }
                if (TryApply(s, owner, i, len, type)) i += len; else i++;
            }
        }
    }

    /// <summary>
    /// OntoNotes leaves titles out of names: a PERSON span that starts inside a title phrase
    /// ("State" of "Secretary of State Antony Blinken", "President Putin") starts after it.
    /// </summary>
    private static void TrimTitles(NerScratch s)
    {
        var spans = s.Spans;
        for (var k = 0; k < spans.Count; k++)
        {
            var span = spans[k];
            if (span.Type != "PERSON" || span.Count < 2) continue;
            var first = span.First;
            while (first < span.End - 1 && (NerFeaturizer.GazAny(s, first) & (ushort)GazetteerClass.Title) != 0
                   && ((NerFeaturizer.GazAny(s, first) & (ushort)(GazetteerClass.Person | GazetteerClass.FirstName)) == 0
                       || IsTitleBeforeGivenName(s, first)))
                first++;
            // "DMK MP Kanimozhi", "Kerala Chief Minister Pinarayi Vijayan" read as one name: a body's
            // or place's name (capitals, or known as one) and a title before the person's name are no part of it.
            for (var t = first + 1; t < span.End - 1; t++)
            {
                if (!IsPlainTitle(s, t) || IsPlainTitle(s, t - 1) || !IsBodyOrPlace(s, t - 1)) continue;
                var after = t + 1;
                while (after < span.End - 1 && IsPlainTitle(s, after)) after++;
                if (IsPlainTitle(s, after)) break;
                first = after;
                break;
            }
            if (first != span.First) spans[k] = span with { First = first, Count = span.End - first };
        }
    }

    private static bool IsPlainTitle(NerScratch s, int i) =>
        (NerFeaturizer.GazAny(s, i) & (ushort)GazetteerClass.Title) != 0
        && (NerFeaturizer.GazAny(s, i) & (ushort)(GazetteerClass.Person | GazetteerClass.FirstName)) == 0;

    private static bool IsBodyOrPlace(NerScratch s, int i) =>
        (NerFeaturizer.GazAny(s, i) & (ushort)(GazetteerClass.Person | GazetteerClass.FirstName | GazetteerClass.Title)) == 0
        && ((s.Flags[i] & NerFeaturizer.FAllCaps) != 0
            || (NerFeaturizer.GazAny(s, i) & (ushort)(GazetteerClass.Org | GazetteerClass.Gpe | GazetteerClass.Norp)) != 0);

    /// <summary>
    /// "Sheikh Ahmad bin Abdullah": a title that is also a given name ("Sheikh" in "Sheikh
    /// Hasina", a known name, stays) is a title when a known given name follows it.
    /// </summary>
    private static bool IsTitleBeforeGivenName(NerScratch s, int i) =>
        (NerFeaturizer.GazAny(s, i) & (ushort)GazetteerClass.Person) == 0
        && (s.GazU[i + 1] & (ushort)GazetteerClass.FirstName) != 0
        && (NerFeaturizer.GazAny(s, i + 1) & (ushort)GazetteerClass.Title) == 0;

    /// <summary>
    /// "Tamim" + "bin" + "Hamad Al Thani": two PERSON spans around one name particle
    /// (name_words.tsv, type LINK) are one name.
    /// </summary>
    private static void JoinNameLinks(NerScratch s)
    {
        var spans = s.Spans;
        spans.Sort((a, b) => a.First.CompareTo(b.First));
        for (var k = spans.Count - 2; k >= 0; k--)
        {
            var (a, b) = (spans[k], spans[k + 1]);
            if (a.Type != "PERSON" || b.Type != "PERSON" || b.First != a.End + 1) continue;
            if ((NerFeaturizer.GazAny(s, a.End) & (ushort)GazetteerClass.NameLink) == 0) continue;
            spans[k] = a with { Count = b.End - a.First };
            spans.RemoveAt(k + 1);
        }
    }

    /// <summary>
    /// In a headline every word is capitalised, so the model may read "Kim Jong Un Meets
    /// Vladimir Putin" as one name. A headline span that holds known names and otherwise only
    /// words that are no part of any known name ("Meets", "Says") becomes those names. Spans
    /// with a connector ("of", "and") or a name word ("Bank", "River") are kept: "Bank of
    /// India Raises Rates" may be one organisation.
    /// </summary>
    private static void SplitHeadlineRuns(NerScratch s, Gazetteer gazetteer)
    {
        var spans = s.Spans;
        for (var k = spans.Count - 1; k >= 0; k--)
        {
            var span = spans[k];
            if (span.Count < 3 || (s.Flags[span.First] & NerFeaturizer.FHeadline) == 0) continue;
            var parts = new List<NerSpan>();
            var ok = true;
            // A headline in capitals ("UN SECURITY COUNCIL MEETS OVER GAZA CRISIS") is rare in
            // training text and the model's spans there are unreliable: any leftover word may go.
            var shouting = true;
            for (var w = span.First; w < span.End; w++) if ((s.Flags[w] & NerFeaturizer.FAllCaps) == 0 && (s.Flags[w] & NerFeaturizer.FAlpha) != 0) shouting = false;
            var i = span.First;
            while (i < span.End && ok)
            {
                var (len, type) = LongestMatch(s, gazetteer, i, span.End);
                if (len > 0 && type is not null) { parts.Add(new NerSpan(i, len, type, Rule)); i += len; continue; }
                // In capitals any leftover word or sign may go ("IMF REACH STAFF - LEVEL AGREEMENT").
                ok = shouting || ((s.Flags[i] & NerFeaturizer.FAlpha) != 0 && !NerFeaturizer.IsConnectorWord(s.Lower[i])
                     && (NerFeaturizer.GazAny(s, i) & NameParts) == 0);
                i++;
            }
            if (!ok || parts.Count == 0 || (parts.Count == 1 && parts[0].Count == span.Count)) continue;
            spans.RemoveAt(k);
            spans.InsertRange(k, parts);
        }
    }

    /// <summary>Two or more capitals and no small letter, outside a headline (a headline in capitals has only such words).</summary>
    private static bool IsAcronymWord(NerScratch s, int i) =>
        (s.Flags[i] & (NerFeaturizer.FAllCaps | NerFeaturizer.FHeadline)) == NerFeaturizer.FAllCaps
        && (s.GazU[i] & (ushort)GazetteerClass.Acronym) != 0;

    private static bool TryApply(NerScratch s, int[] owner, int first, int len, string type)
    {
        var spans = s.Spans;
        // The model spans overlapping the phrase must lie inside it.
        var inside = -1;
        for (var w = first; w < first + len; w++)
        {
            var k = owner[w];
            if (k < 0) continue;
            if (spans[k].First < first || spans[k].End > first + len) return false;
            if (inside >= 0 && inside != k) return false;
            inside = k;
        }
        var span = new NerSpan(first, len, type, Rule);
        if (inside >= 0)
        {
            var old = spans[inside];
            if (old.First == first && old.Count == len && old.Type == type) return true;
            spans[inside] = span;
        }
        else spans.Add(span);
        for (var w = first; w < first + len; w++) owner[w] = inside >= 0 ? inside : spans.Count - 1;
        return true;
    }

    /// <summary>The longest capitalised gazetteer phrase from word i with one entity type.</summary>
    private static (int Length, string? Type) LongestMatch(NerScratch s, Gazetteer gazetteer, int i, int end)
    {
        // The first word must carry a capital somewhere ("Putin", "al-Shabaab").
        if ((s.Flags[i] & NerFeaturizer.FLowerWord) != 0 || (s.Flags[i] & NerFeaturizer.FAlpha) == 0) return (0, null);
        var key = Gazetteer.Start;
        int bestLen = 0;
        GazetteerClass bestClass = 0;
        for (var j = i; j < end && j - i < gazetteer.MaxWords; j++)
        {
            key = Gazetteer.Extend(key, s.Lower[j]);
            var found = gazetteer.LookupAfterModel(key);
            // The last word must carry a capital somewhere ("Putin", "el-Sisi"), so "the gulf" is no Gulf.
            if ((found & EntityClasses) == 0 || (s.Flags[j] & NerFeaturizer.FLowerWord) != 0) continue;
            if ((found & GazetteerClass.Acronym) != 0 && (s.Flags[j] & NerFeaturizer.FAllCaps) == 0) continue;
            bestLen = j - i + 1;
            bestClass = found;
        }
        if (bestLen == 0) return (0, null);
        // A first name or a title alone is no entity; a phrase of two kinds is left to the model.
        if ((bestClass & (GazetteerClass.FirstName | GazetteerClass.Title)) != 0 && bestLen == 1) return (bestLen, null);
        var entity = bestClass & EntityClasses;
        if (System.Numerics.BitOperations.PopCount((uint)entity) != 1) return (bestLen, null);
        foreach (var (c, t) in Types) if (c == entity) return (bestLen, t);
        return (bestLen, null);
    }
}
