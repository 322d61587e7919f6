using System.Numerics;

namespace Wirescope.Language.Ner;

/// <summary>
/// Word-level features for the NER, hashed into weight rows: forms, shapes, affixes, the two
/// words either side, gazetteer hits, and document-level evidence (is this word also seen in
/// lower case, or capitalised mid-sentence, elsewhere in the article?). No POS tags: the NER
/// runs on tokens and sentences only. Hashes are computed once per word and combined per
/// template, so a token costs a few dozen multiplies and no allocation.
/// </summary>
public sealed class NerFeaturizer
{
    /// <summary>Upper bound of features per word (extra gazetteer features are dropped).</summary>
    public const int MaxFeatures = 64;

    /// <summary>Changes when the feature set changes; stored in the model and checked on load.</summary>
    public const int Version = 3;

    // Flags of a word (s.Flags), shared with the passes after the model.
    internal const byte FCap = 1, FAllCaps = 2, FDigit = 4, FLowerWord = 8, FSentStart = 16, FHeadline = 32, FAlpha = 64, FLongLower = 128;
    // Document flags of a word form (s.DocFlags).
    internal const byte DSeenLower = 1, DSeenCapMid = 2;

    private readonly Gazetteer _gazetteer;
    private readonly int _shift;

    public NerFeaturizer(Gazetteer gazetteer, int bucketBits, bool usePrior = false, NerLexicon? lexicon = null, bool usePos = false)
    {
        UsePos = usePos;
        UsePrior = usePrior;
        Lexicon = lexicon ?? NerLexicon.Empty;
        if (bucketBits is < 10 or > 24) throw new ArgumentOutOfRangeException(nameof(bucketBits));
        _gazetteer = gazetteer;
        BucketBits = bucketBits;
        _shift = 64 - bucketBits;
    }

    public int BucketBits { get; }

    /// <summary>
    /// Whether the model reads the words' PTB tags (Token.Xpos from the tagger; at training
    /// time the shipped tagger's predictions, so the tags are as noisy as at run time).
    /// </summary>
    public bool UsePos { get; }

    /// <summary>The tag hash of a word without a tag.</summary>
    internal const ulong NoPos = 0xC0UL;

    /// <summary>
    /// Second-stage featurizer: also reads the first stage's labels (s.Prior) and how the
    /// same word was labelled elsewhere in the document (s.PriorDoc) — non-local evidence
    /// that one word is one kind of thing throughout an article (stacking).
    /// </summary>
    public bool UsePrior { get; }

    /// <summary>Words common in lower case in unlabelled text (learnt at training time, stored in the model).</summary>
    public NerLexicon Lexicon { get; }
    public int Buckets => 1 << BucketBits;
    public Gazetteer Gazetteer => _gazetteer;

    /// <summary>Prepares the buffers for a document of <paramref name="tokens"/> words.</summary>
    public void BeginDocument(NerScratch s, int tokens)
    {
        s.EnsureDocument(tokens);
        s.DocWords.Clear();
    }

    /// <summary>Records word <paramref name="i"/> of the document.</summary>
    public void SetWord(NerScratch s, int i, ReadOnlySpan<char> form, bool sentenceStart, ReadOnlySpan<char> xpos = default)
    {
        s.Pos[i] = xpos.IsEmpty || xpos is "_" ? NoPos : FeatureHash.Exact(xpos);
        s.Lower[i] = FeatureHash.Lower(form);
        s.LexBand[i] = (byte)Lexicon.Band(s.Lower[i]);
        s.Exact[i] = FeatureHash.Exact(form);
        s.Suffix2[i] = form.Length > 2 ? FeatureHash.Lower(form[^2..]) : 0;
        s.Suffix3[i] = form.Length > 3 ? FeatureHash.Lower(form[^3..]) : 0;
        s.Suffix4[i] = form.Length > 4 ? FeatureHash.Lower(form[^4..]) : 0;
        s.Prefix3[i] = form.Length > 3 ? FeatureHash.Lower(form[..3]) : 0;
        byte flags = sentenceStart ? FSentStart : (byte)0;
        ulong shape = 14695981039346656037UL, shortShape = shape;
        char last = '\0';
        var run = 0;
        int upper = 0, lower = 0, digits = 0;
        foreach (var ch in form)
        {
            char cls;
            if (char.IsUpper(ch)) { cls = 'X'; upper++; }
            else if (char.IsLower(ch)) { cls = 'x'; lower++; }
            else if (char.IsDigit(ch)) { cls = 'd'; digits++; }
            else if (char.IsLetter(ch)) { cls = 'a'; lower++; }
            else cls = ch < 128 ? ch : '*';
            if (cls == last) run++; else { run = 1; shortShape = (shortShape ^ cls) * 1099511628211UL; }
            // Runs are cut at 3 so "Washington" and "Kyiv" share the shape "Xxxx"-like prefix.
            if (run <= 3) shape = (shape ^ cls) * 1099511628211UL;
            last = cls;
        }
        s.Shape[i] = shape;
        s.ShortShape[i] = shortShape;
        if (form.Length > 0 && char.IsUpper(form[0])) flags |= FCap;
        if (upper > 0 && lower == 0) flags |= FAllCaps;
        if (digits > 0) flags |= FDigit;
        if (upper == 0 && lower > 0) flags |= FLowerWord;
        // Title case leaves only short function words in lower case ("of", "the", "with").
        if (upper == 0 && lower >= 5) flags |= FLongLower;
        if (upper + lower > 0) flags |= FAlpha;
        s.Flags[i] = flags;
        // Document evidence: how the same word is written elsewhere in the article.
        byte doc = 0;
        if ((flags & FLowerWord) != 0) doc |= DSeenLower;
        else if ((flags & FCap) != 0 && !sentenceStart) doc |= DSeenCapMid;
        if (doc != 0)
        {
            ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(s.DocWords, s.Lower[i], out _);
            slot |= doc;
        }
    }

    /// <summary>After every word is set: document flags, headline flags and gazetteer hits per sentence.</summary>
    public void EndDocument(NerScratch s, int tokens, ReadOnlySpan<(int Start, int End)> sentences)
    {
        for (var i = 0; i < tokens; i++)
            s.DocFlags[i] = s.DocWords.TryGetValue(s.Lower[i], out var d) ? d : (byte)0;
        Array.Clear(s.GazB, 0, tokens); Array.Clear(s.GazI, 0, tokens);
        Array.Clear(s.GazL, 0, tokens); Array.Clear(s.GazU, 0, tokens);
        foreach (var (start, end) in sentences)
        {
            MarkHeadline(s, start, end);
            MarkCapitalRuns(s, start, end);
            MatchGazetteer(s, start, end);
        }
    }

    // A headline or title ("Kim Jong Un Meets Vladimir Putin For 1st Time") capitalises most
    // words, so capitalisation says little there; the model gets that as a feature.
    private static void MarkHeadline(NerScratch s, int start, int end)
    {
        int alpha = 0, caps = 0;
        for (var i = start; i < end; i++)
        {
            if ((s.Flags[i] & FAlpha) == 0) continue;
            alpha++;
            if ((s.Flags[i] & FCap) != 0) caps++;
        }
        if (alpha < 3 || caps * 10 < alpha * 7) return;
        for (var i = start; i < end; i++) s.Flags[i] |= FHeadline;
    }

    /// <summary>
    /// After the model: a sentence read as a headline that holds a lower-case word of five letters
    /// or more ("hosted", "counterpart") is running text, a name-dense wire sentence ("Turkish
    /// Foreign Minister Hakan Fidan met his Ethiopian counterpart Taye Atske Selassie in Ankara on
    /// Thursday"); title case leaves only short function words in lower case. The passes after the
    /// model then repair its names as in any sentence. (The model's own feature keeps the old
    /// reading: retrained with this one, GUM dev fell 77.01 -> 76.38 and test 71.31 -> 70.64; ner7.)
    /// </summary>
    internal static void ClearRunningTextHeadlines(NerScratch s)
    {
        foreach (var (start, end) in s.Ranges)
        {
            if (end <= start || (s.Flags[start] & FHeadline) == 0) continue;
            var running = false;
            for (var i = start; i < end && !running; i++) running = (s.Flags[i] & FLongLower) != 0;
            if (!running) continue;
            for (var i = start; i < end; i++) s.Flags[i] &= unchecked((byte)~FHeadline);
        }
    }

    // Runs of capitalised words ("Korean Central News Agency", "University of Portsmouth":
    // "of", "the", "de" and hyphens inside a run keep it going) give boundaries the model can
    // read without a POS tagger.
    private static void MarkCapitalRuns(NerScratch s, int start, int end)
    {
        var i = start;
        while (i < end)
        {
            if ((s.Flags[i] & FCap) == 0) { s.RunPos[i] = 0; s.RunLen[i] = 0; i++; continue; }
            var j = i + 1;
            while (j < end)
            {
                if ((s.Flags[j] & FCap) != 0) { j++; continue; }
                if (j + 1 < end && (s.Flags[j + 1] & FCap) != 0 && IsConnector(s.Lower[j])) { j += 2; continue; }
                break;
            }
            var len = (byte)Math.Min(j - i, 6);
            for (var k = i; k < j; k++)
            {
                s.RunLen[k] = len;
                s.RunPos[k] = (byte)(j - i == 1 ? 4 : k == i ? 1 : k == j - 1 ? 3 : 2);
            }
            i = j;
        }
    }

    private static readonly ulong[] Connectors =
        new[] { "of", "the", "de", "du", "del", "la", "von", "van", "bin", "al", "-", "&", "and", "for" }.Select(w => FeatureHash.Lower(w)).ToArray();

    private static bool IsConnector(ulong lower) => Array.IndexOf(Connectors, lower) >= 0;

    /// <summary>Whether the word (its lower-case hash) joins parts of a name: "of", "the", "de", "&amp;", ...</summary>
    internal static bool IsConnectorWord(ulong lower) => IsConnector(lower);

    private void MatchGazetteer(NerScratch s, int start, int end)
    {
        var max = _gazetteer.MaxWords;
        for (var i = start; i < end; i++)
        {
            var key = Gazetteer.Start;
            for (var j = i; j < end && j - i < max; j++)
            {
                key = Gazetteer.Extend(key, s.Lower[j]);
                var cls = (ushort)_gazetteer.Lookup(key);
                if (cls == 0) continue;
                if (j == i) { s.GazU[i] |= cls; continue; }
                s.GazB[i] |= cls;
                for (var k = i + 1; k < j; k++) s.GazI[k] |= cls;
                s.GazL[j] |= cls;
            }
        }
    }

    /// <summary>
    /// From the first stage's labels in s.Prior[0..n): for each word, how its lower-case form
    /// was labelled across the document — the majority entity type (1 + type index, or 0 when
    /// never inside an entity) and whether that was every, most or some of its occurrences.
    /// </summary>
    public static void ComputePriorDoc(NerScratch s, int n)
    {
        const int Slots = 17; // "no entity" + up to 16 types
        var index = s.PriorIndex;
        index.Clear();
        if (s.PriorCounts.Length < n * Slots) s.PriorCounts = new int[Math.Max(n * Slots, s.PriorCounts.Length * 2)];
        var counts = s.PriorCounts;
        for (var i = 0; i < n; i++)
        {
            if ((s.Flags[i] & FAlpha) == 0) continue;
            ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(index, s.Lower[i], out var exists);
            if (!exists)
            {
                slot = index.Count - 1;
                Array.Clear(counts, slot * Slots, Slots);
            }
            var label = s.Prior[i];
            counts[slot * Slots + (label == 0 ? 0 : 1 + NerTags.TypeOf(label))]++;
        }
        for (var i = 0; i < n; i++)
        {
            if (!index.TryGetValue(s.Lower[i], out var at)) { s.PriorDoc[i] = 0; continue; }
            int total = 0, best = 0, bestCount = 0;
            for (var t = 0; t < Slots; t++)
            {
                var c = counts[at * Slots + t];
                total += c;
                if (t > 0 && c > bestCount) { best = t; bestCount = c; }
            }
            var share = bestCount == 0 ? 0 : bestCount == total ? 3 : bestCount * 2 > total ? 2 : 1;
            s.PriorDoc[i] = (byte)(best * 4 + share);
        }
    }

    /// <summary>Whether the word at <paramref name="i"/> is inside a gazetteer phrase of these classes.</summary>
    internal static ushort GazAny(NerScratch s, int i) => (ushort)(s.GazB[i] | s.GazI[i] | s.GazL[i] | s.GazU[i]);

    /// <summary>Writes the feature rows of every word of the sentence [start, end) into s.Rows / s.RowCounts.</summary>
    public void Featurize(NerScratch s, int start, int end, int labels)
    {
        var n = end - start;
        s.EnsureSentence(n, labels);
        for (var i = start; i < end; i++)
        {
            var w = i - start;
            var rows = s.Rows.AsSpan(w * MaxFeatures, MaxFeatures);
            var k = 0;
            var prev = i > start ? i - 1 : -1;
            var prev2 = i - 1 > start ? i - 2 : -1;
            var next = i + 1 < end ? i + 1 : -1;
            var next2 = i + 2 < end ? i + 2 : -1;
            ulong L(int j) => j < 0 ? 0xB0UL : s.Lower[j];
            ulong Sh(int j) => j < 0 ? 0xB1UL : s.ShortShape[j];
            var f = s.Flags[i];
            var pos = (ulong)(f & (FSentStart | FHeadline));

            rows[k++] = Row(1, 0);
            rows[k++] = Row(2, s.Lower[i]);
            rows[k++] = Row(3, s.Exact[i]);
            rows[k++] = Row(4, s.Shape[i]);
            rows[k++] = Row(5, FeatureHash.Mix(s.ShortShape[i], pos));
            if (s.Suffix2[i] != 0) rows[k++] = Row(6, s.Suffix2[i]);
            if (s.Suffix3[i] != 0) rows[k++] = Row(7, s.Suffix3[i]);
            if (s.Suffix4[i] != 0) rows[k++] = Row(8, s.Suffix4[i]);
            if (s.Prefix3[i] != 0) rows[k++] = Row(9, s.Prefix3[i]);
            rows[k++] = Row(10, L(prev));
            rows[k++] = Row(11, L(next));
            rows[k++] = Row(12, L(prev2));
            rows[k++] = Row(13, L(next2));
            rows[k++] = Row(14, prev < 0 ? 0xB2UL : s.Shape[prev]);
            rows[k++] = Row(15, next < 0 ? 0xB3UL : s.Shape[next]);
            rows[k++] = Row(16, FeatureHash.Mix(L(prev), s.Lower[i]));
            rows[k++] = Row(17, FeatureHash.Mix(s.Lower[i], L(next)));
            rows[k++] = Row(18, FeatureHash.Mix(Sh(prev), s.ShortShape[i], Sh(next)));
            rows[k++] = Row(19, FeatureHash.Mix(s.DocFlags[i], s.ShortShape[i], pos));
            rows[k++] = Row(20, FeatureHash.Mix(L(prev), s.ShortShape[i]));
            rows[k++] = Row(21, FeatureHash.Mix(s.ShortShape[i], L(next)));
            rows[k++] = Row(22, FeatureHash.Mix(Sh(prev2), Sh(prev), s.ShortShape[i]));
            rows[k++] = Row(23, FeatureHash.Mix(s.ShortShape[i], Sh(next), Sh(next2)));
            if (s.Suffix3[i] != 0) rows[k++] = Row(24, FeatureHash.Mix(L(prev), s.Suffix3[i]));
            rows[k++] = Row(25, FeatureHash.Mix(s.RunPos[i], s.RunLen[i], pos));
            // A capitalised word that is common in lower case ("Direct", "Medicine") is rarely a name.
            rows[k++] = Row(27, FeatureHash.Mix(s.LexBand[i], s.ShortShape[i], pos));
            if (next >= 0) rows[k++] = Row(28, FeatureHash.Mix(s.LexBand[next], s.ShortShape[next], s.ShortShape[i]));
            if (s.RunPos[i] != 0) rows[k++] = Row(26, FeatureHash.Mix(s.RunPos[i], s.Lower[i]));

            if (UsePos)
            {
                ulong P(int j) => j < 0 ? 0xB4UL : s.Pos[j];
                rows[k++] = Row(50, s.Pos[i]);
                rows[k++] = Row(51, FeatureHash.Mix(P(prev), s.Pos[i]));
                rows[k++] = Row(52, FeatureHash.Mix(s.Pos[i], P(next)));
                rows[k++] = Row(53, FeatureHash.Mix(s.Pos[i], s.ShortShape[i], pos));
                rows[k++] = Row(54, FeatureHash.Mix(P(prev), s.Pos[i], P(next)));
            }

            if (UsePrior)
            {
                rows[k++] = Row(40, (ulong)s.Prior[i]);
                rows[k++] = Row(41, FeatureHash.Mix(s.PriorDoc[i], (ulong)(f & FCap), pos));
                rows[k++] = Row(42, FeatureHash.Mix(prev < 0 ? 0xFFUL : (ulong)s.Prior[prev], (ulong)s.Prior[i]));
                rows[k++] = Row(43, FeatureHash.Mix((ulong)s.Prior[i], next < 0 ? 0xFFUL : (ulong)s.Prior[next]));
                rows[k++] = Row(44, FeatureHash.Mix(s.PriorDoc[i], s.Lower[i]));
            }

            var cap = (ulong)(f & (FCap | FAllCaps));
            k = Gaz(rows, k, 30, s.GazB[i], cap);
            k = Gaz(rows, k, 31, s.GazI[i], cap);
            k = Gaz(rows, k, 32, s.GazL[i], cap);
            k = Gaz(rows, k, 33, s.GazU[i], cap);
            if (prev >= 0) k = Gaz(rows, k, 34, GazAny(s, prev), (ulong)(s.Flags[prev] & FCap));
            if (next >= 0) k = Gaz(rows, k, 35, GazAny(s, next), (ulong)(s.Flags[next] & FCap));
            if (prev2 >= 0) k = Gaz(rows, k, 36, (ushort)(GazAny(s, prev2) & (ushort)GazetteerClass.Title), 0);
            s.RowCounts[w] = k;
        }
    }

    private int Gaz(Span<int> rows, int k, ulong template, ushort classes, ulong extra)
    {
        while (classes != 0 && k < MaxFeatures)
        {
            var bit = (ulong)BitOperations.TrailingZeroCount(classes);
            classes &= (ushort)(classes - 1);
            rows[k++] = Row(template, FeatureHash.Mix(bit, extra));
        }
        return k;
    }

    private int Row(ulong template, ulong value) => (int)(FeatureHash.Mix(template, value) >> _shift);
}
