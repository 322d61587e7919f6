namespace Wirescope.Language.Ner;

/// <summary>
/// Document-level consistency: a name is one thing throughout an article. (1) Every
/// occurrence of the same written name gets the type most of its mentions got. (2) A name
/// the model found once is found again where the model missed it ("Putin" later in the
/// story after "Vladimir Putin"; "Kim" after "Kim Jong Un"), tagged with the rule
/// <see cref="NerSpan.ConsistencyRule"/>. A one-word name seen in lower case elsewhere in
/// the article ("Rose", "Bush" in a garden story) is not propagated at a sentence start, and a
/// one-word PERSON that only the model found is not propagated at all (it needs an anchor: a
/// longer name it is part of, or a table).
/// </summary>
internal static class NerConsistency
{
    private const int MaxNameWords = 8;

    /// <summary>Votes of one cue-typed mention: more than any article repeats a name.</summary>
    private const int CueVotes = 1000;

    public static void Apply(NerScratch s, int n)
    {
        var spans = s.Spans;
        if (spans.Count == 0) return;
        PlaceNamesFromPlaceHeads(s);
        VoteTypes(s);
        Propagate(s, n);
        NerBoundaryRepair.JoinPatronymics(s);
    }

    /// <summary>
    /// "Coron Island" or "Gaza City" in an article makes a bare "Coron" or "Gaza" there the place,
    /// whatever type the model gave the one word (an unknown one-word name is otherwise as often
    /// read as a person). Only two-word GPE/LOC spans whose second word is a place head word
    /// (City, Province, Island, River: name_words.tsv) count.
    /// </summary>
    private static void PlaceNamesFromPlaceHeads(NerScratch s)
    {
        var spans = s.Spans;
        const ushort Heads = (ushort)(GazetteerClass.GpeWord | GazetteerClass.LocWord);
        var places = s.Names;
        places.Clear();
        foreach (var span in spans)
            if (span.Count == 2 && span.Type is "GPE" or "LOC" && (s.GazU[span.First + 1] & Heads) != 0 && s.IsCap(span.First))
                places.TryAdd(s.Exact[span.First], 0);
        if (places.Count == 0) return;
        for (var i = 0; i < spans.Count; i++)
            if (spans[i].Count == 1 && spans[i].Type is "PERSON" or "ORG" && places.ContainsKey(s.Exact[spans[i].First]))
                spans[i] = spans[i] with { Type = "GPE" };
    }

    private static void VoteTypes(NerScratch s)
    {
        var spans = s.Spans;
        // key → votes per type, in first-seen order so ties go to the first mention's type.
        var votes = new Dictionary<ulong, List<(string Type, int Count)>>();
        foreach (var span in spans)
        {
            var key = s.NameKey(span.First, span.Count);
            if (!votes.TryGetValue(key, out var list)) votes[key] = list = new();
            var at = list.FindIndex(v => v.Type == span.Type);
            // A span typed by a cue (NerSpanCues: "south of Rockridge", "Cyclone Idai") carries
            // evidence the model's guesses at the other mentions lack: it outvotes them.
            var weight = NerSpanCues.IsCueRule(span.Rule) ? CueVotes : 1;
            if (at < 0) list.Add((span.Type, weight)); else list[at] = (span.Type, list[at].Count + weight);
        }
        for (var i = 0; i < spans.Count; i++)
        {
            var list = votes[s.NameKey(spans[i].First, spans[i].Count)];
            if (list.Count < 2) continue;
            var best = list[0];
            foreach (var v in list) if (v.Count > best.Count) best = v;
            if (best.Type != spans[i].Type) spans[i] = spans[i] with { Type = best.Type };
        }
    }

    private static void Propagate(NerScratch s, int n)
    {
        var spans = s.Spans;
        var names = s.Names;
        names.Clear();
        var covered = s.Covered;
        Array.Clear(covered, 0, n);
        var longest = 1;
        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            for (var k = span.First; k < span.End; k++) covered[k] = true;
            if (span.Count > MaxNameWords) continue;
            // A one-word person the model alone found is a guess: an unknown capitalised word
            // ("Neiafu", "Temescal") is read as a person more often than anything else, and
            // spreading the guess to every repeat multiplied the error (GUM test: person F1
            // 67.2 with it, 69.4 without; dev 81.7 both). Its parts of a longer name, a
            // gazetteer or cue span, and other types still propagate.
            if (span.Count == 1 && span.Type == "PERSON" && span.Rule == NerSpan.ModelRule) continue;
            names.TryAdd(s.NameKey(span.First, span.Count), i);
            longest = Math.Max(longest, span.Count);
            // People are named again by one part of the name: "Putin", "Kim", "Moon".
            if (span.Type == "PERSON" && span.Count > 1)
            {
                foreach (var k in (ReadOnlySpan<int>)[span.First, span.End - 1])
                    if (s.IsCap(k) && !IsTitle(s, k) && Array.IndexOf(RegnalNumbers, s.Exact[k]) < 0) names.TryAdd(s.NameKey(k, 1), i);
            }
        }
        foreach (var (start, end) in s.Ranges)
        {
            for (var i = start; i < end; i++)
            {
                if (covered[i] || !s.IsCap(i)) continue;
                for (var len = Math.Min(longest, end - i); len >= 1; len--)
                {
                    if (!Free(covered, i, len)) continue;
                    if (!names.TryGetValue(s.NameKey(i, len), out var source)) continue;
                    if (len == 1 && !s.IsCap(i)) continue;
                    if (len == 1 && (s.DocFlags[i] & NerFeaturizer.DSeenLower) != 0 && i == start) continue;
                    spans.Add(new NerSpan(i, len, spans[source].Type, NerSpan.ConsistencyRule));
                    for (var k = i; k < i + len; k++) covered[k] = true;
                    i += len - 1;
                    break;
                }
            }
        }
    }

    // "Norton I", "Elizabeth II": a regnal number names nobody alone ("I" is the pronoun elsewhere).
    private static readonly ulong[] RegnalNumbers =
        new[] { "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X" }.Select(w => FeatureHash.Exact(w)).ToArray();

    private static bool Free(bool[] covered, int first, int count)
    {
        for (var k = first; k < first + count; k++) if (covered[k]) return false;
        return true;
    }


    private static bool IsTitle(NerScratch s, int i) => (NerFeaturizer.GazAny(s, i) & (ushort)GazetteerClass.Title) != 0;
}
