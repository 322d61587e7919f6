using Wirescope.Language.Models;
using Wirescope.Language.Morphology;
using Wirescope.Language.Parsing;

namespace Wirescope.Language;

/// <summary>
/// Tags, lemmatises and parses one sentence at a time with the shared models. Holds the
/// per-thread buffers (create one per worker; never share across threads).
/// </summary>
public sealed class SentenceAnalyzer(LanguageModels models)
{
    private readonly WordFeatures _words = new();
    private readonly Parser.Workspace _parse = new();
    private int[] _tags = new int[64];
    private int[] _heads = new int[64];
    private int[] _labels = new int[64];
    private ushort[] _feats = new ushort[64];
    private readonly FeatsSentence _morph = new();
    // The feature predictor reads tags and relations as hashes: once per class, not per word.
    private readonly ulong[] _xposHashes = models.Tagger.Xpos.Select(FeatureHash.Of).ToArray();
    private readonly ulong[] _labelHashes = models.Parser.Labels.Select(FeatureHash.Of).ToArray();

    public LanguageModels Models => models;
    public int Count { get; private set; }

    /// <summary>Analyses the words text[starts[i]..ends[i]].</summary>
    public void Analyze(string text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, bool parse = true)
    {
        int n = starts.Length;
        Count = n;
        if (_tags.Length < n) { _tags = new int[n * 2]; _heads = new int[n * 2]; _labels = new int[n * 2]; _feats = new ushort[n * 2]; }
        if (n == 0) return;
        _words.Fill(text, starts, ends);
        models.Tagger.Tag(_words, _tags);
        if (!parse) { PredictFeats(n, false); return; }
        _parse.Prepare(n);
        for (int i = 0; i < n; i++) _parse.SetWord(i, _words.Lower[i], models.TagHashes[_tags[i]], _words.Suffix3[i], _words.Shape[i]);
        models.Parser.Parse(_parse, n, _heads, _labels);
        PredictFeats(n, true);
    }

    /// <summary>FEATS from the tags and, when parsed, the tree (a verb's subject, a pronoun's relation).</summary>
    private void PredictFeats(int n, bool parsed)
    {
        if (models.Feats is null) { _feats.AsSpan(0, n).Clear(); return; }
        _morph.Reset(_words, n);
        for (int i = 0; i < n; i++)
        {
            _morph.Xpos[i] = _xposHashes[_tags[i]];
            if (!parsed) continue;
            _morph.Head[i] = _heads[i];
            _morph.Deprel[i] = _labelHashes[_labels[i]];
        }
        _morph.Prepare();
        models.Feats.Predict(_morph, _feats);
    }

    public string Upos(int i) => models.Tagger.Upos[_tags[i]];
    public string Xpos(int i) => models.Tagger.Xpos[_tags[i]];
    /// <summary>0-based head within the sentence, -1 for the root.</summary>
    public int Head(int i) => _heads[i];
    public string Deprel(int i) => models.Parser.Labels[_labels[i]];
    /// <summary>The word's FEATS as an id into <see cref="FeatsTable"/> (0: "_").</summary>
    public ushort Feats(int i) => _feats[i];
    public string Lemma(ReadOnlySpan<char> form, int i) => models.Lemmatizer.Lemmatize(form, Xpos(i));
}
