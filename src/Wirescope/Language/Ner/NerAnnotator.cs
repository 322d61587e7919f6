using Wirescope.Documents;

namespace Wirescope.Language.Ner;

/// <summary>
/// Runs the NER over a Document's tokens and sentences: the model per sentence, then
/// document consistency (<see cref="NerConsistency"/>), then the DATE/MONEY rules on the
/// words left over; writes Token.Ner (BIO, interned) and doc.Entities
/// (<see cref="NerEntityBuilder"/>). Immutable and shared; per-thread state is the scratch.
/// </summary>
public sealed class NerAnnotator
{
    /// <summary>
    /// Longest stretch of words decoded at once. Real sentences are shorter; a page without
    /// punctuation (a 1 MB word salad) is cut into chunks so memory and time stay linear.
    /// </summary>
    public const int MaxChunkWords = 200;

    private readonly NerModel _model;
    private readonly DateMoneyRules? _rules;
    private readonly Dictionary<string, (string B, string I)> _bio = new(StringComparer.Ordinal);

    private readonly bool _useGazetteer;
    private readonly NerSpanCues? _cues;

    /// <param name="model">The trained model.</param>
    /// <param name="rules">DATE/MONEY rules, or null for none.</param>
    /// <param name="gazetteerPass">Whether unambiguous gazetteer phrases add and correct entities after the model.</param>
    /// <param name="spanCues">Whether the cues of <c>ner/span_cues.tsv</c> retype and drop spans before document consistency.</param>
    public NerAnnotator(NerModel model, DateMoneyRules? rules, bool gazetteerPass = true, bool spanCues = true)
    {
        _useGazetteer = gazetteerPass;
        _cues = spanCues ? NerSpanCues.Shared : null;
        _model = model;
        _rules = rules;
        foreach (var t in model.Tags.Types.Concat(["DATE", "MONEY"]))
            _bio[t] = (string.Intern("B-" + t), string.Intern("I-" + t));
    }

    public NerModel Model => _model;

    /// <summary>Finds the entity spans of the document (sorted, non-overlapping) into s.Spans.</summary>
    public void FindSpans(Document doc, NerScratch s)
    {
        Prepare(doc, s);
        RunModel(s);
        Resolve(doc, s);
    }

    /// <summary>Finds the spans, writes Token.Ner and fills doc.Entities.</summary>
    public void Annotate(Document doc, NerScratch s)
    {
        FindSpans(doc, s);
        Write(doc, s);
    }

    /// <summary>Step 1: word features of the whole document (clears s.Spans).</summary>
    internal void Prepare(Document doc, NerScratch s)
    {
        s.Spans.Clear();
        s.Ranges.Clear();
        var tokens = doc.Tokens;
        var n = tokens.Count;
        var text = doc.Article?.Text ?? "";
        var featurizer = _model.Featurizer;
        featurizer.BeginDocument(s, n);
        CollectRanges(doc, s.Ranges);
        foreach (var (start, end) in s.Ranges)
            for (var i = start; i < end; i++)
                featurizer.SetWord(s, i, Form(tokens, i, text), i == start || tokens[i].Sentence != tokens[i - 1].Sentence, tokens[i].Xpos);
        featurizer.EndDocument(s, n, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(s.Ranges));
    }

    /// <summary>Step 2: the model's spans, sentence by sentence (two passes when the model is stacked).</summary>
    internal void RunModel(NerScratch s)
    {
        var L = _model.Labels;
        var final = _model;
        if (_model.Next is not null)
        {
            var n = 0;
            foreach (var (start, end) in s.Ranges)
            {
                _model.Featurizer.Featurize(s, start, end, L);
                _model.Decode(s, end - start);
                Array.Copy(s.Labels, 0, s.Prior, start, end - start);
                n = Math.Max(n, end);
            }
            NerFeaturizer.ComputePriorDoc(s, n);
            final = _model.Next;
        }
        foreach (var (start, end) in s.Ranges)
        {
            final.Featurizer.Featurize(s, start, end, L);
            final.Decode(s, end - start);
            AddModelSpans(s, start, end - start);
        }
    }

    /// <summary>Step 3: document consistency, then DATE/MONEY rules on the words left; sorts the spans.</summary>
    internal void Resolve(Document doc, NerScratch s)
    {
        var n = doc.Tokens.Count;
        NerFeaturizer.ClearRunningTextHeadlines(s);
        if (_useGazetteer) NerGazetteerPass.Apply(s, _model.Featurizer.Gazetteer, n);
        NerBoundaryRepair.Apply(s, doc.Tokens, doc.Article?.Text ?? "", _rules ?? DateMoneyRules.Shared, _cues);
        _cues?.Apply(s, _rules ?? DateMoneyRules.Shared);
        NerConsistency.Apply(s, n);
        if (_rules is not null) AddRuleSpans(doc, s, doc.Article?.Text ?? "");
        s.Spans.Sort((a, b) => a.First.CompareTo(b.First));
    }

    /// <summary>Step 4: Token.Ner (BIO, interned) and doc.Entities from s.Spans.</summary>
    internal void Write(Document doc, NerScratch s)
    {
        var tokens = doc.Tokens.AsSpan();
        foreach (ref var t in tokens) t.Ner = "O";
        foreach (var span in s.Spans)
        {
            var (b, i) = _bio[span.Type];
            tokens[span.First].Ner = b;
            for (var k = span.First + 1; k < span.End; k++) tokens[k].Ner = i;
        }
        NerEntityBuilder.Build(doc, s.Spans, _model.Featurizer.Gazetteer);
    }

    internal static ReadOnlySpan<char> Form(TokenTable tokens, int i, string text)
    {
        ref var t = ref tokens[i];
        if (t.Form is not null) return t.Form;
        if ((uint)t.Start > (uint)text.Length || t.End < t.Start || t.End > text.Length) return "";
        return text.AsSpan(t.Start, t.End - t.Start);
    }

    /// <summary>Sentence word ranges, cut to <see cref="MaxChunkWords"/>; words outside any sentence form their own ranges.</summary>
    private static void CollectRanges(Document doc, List<(int, int)> ranges)
    {
        var n = doc.Tokens.Count;
        var at = 0;
        foreach (var sentence in doc.Sentences)
        {
            var first = Math.Clamp(sentence.FirstToken, 0, n);
            var end = Math.Clamp(sentence.EndToken, first, n);
            if (first < at) first = at;
            if (first > at) AddChunks(ranges, at, first);
            if (end > first) AddChunks(ranges, first, end);
            at = Math.Max(at, end);
        }
        if (at < n) AddChunks(ranges, at, n);
    }

    private static void AddChunks(List<(int, int)> ranges, int start, int end)
    {
        for (var s = start; s < end; s += MaxChunkWords) ranges.Add((s, Math.Min(end, s + MaxChunkWords)));
    }

    private void AddModelSpans(NerScratch s, int offset, int n)
    {
        var types = _model.Tags.Types;
        var labels = s.Labels;
        var i = 0;
        while (i < n)
        {
            var y = labels[i];
            if (y == 0) { i++; continue; }
            var type = NerTags.TypeOf(y);
            var j = i + 1;
            if (NerTags.PartOf(y) == NerTags.Part.B)
                while (j < n && labels[j] > 0 && NerTags.TypeOf(labels[j]) == type && NerTags.PartOf(labels[j]) is NerTags.Part.I or NerTags.Part.L)
                {
                    j++;
                    if (NerTags.PartOf(labels[j - 1]) == NerTags.Part.L) break;
                }
            s.Spans.Add(new NerSpan(offset + i, j - i, types[type], NerSpan.ModelRule));
            i = j;
        }
    }

    private void AddRuleSpans(Document doc, NerScratch s, string text)
    {
        var n = doc.Tokens.Count;
        s.MarkCovered(n);
        for (var i = 0; i < n; i++) s.RuleClasses[i] = _rules!.ClassOf(Form(doc.Tokens, i, text));
        foreach (var (start, end) in s.Ranges)
            _rules!.MatchInto(s.RuleClasses.AsSpan(start, end - start), s.Lower.AsSpan(start, end - start),
                s.Covered.AsSpan(start, end - start), start, s.Spans);
    }
}
