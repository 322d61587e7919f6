using Wirescope.Language.Conllu;

namespace Wirescope.Language.Ner;

/// <summary>
/// Writes predicted NER tags into CoNLL-U sentences, one document at a time (see
/// <see cref="ConlluDocuments"/>): the document is built from the given words
/// (<see cref="NerCorpusDocuments"/>), so the tags line up with the words the scorer compares.
/// Sets NER=B-X|I-X|O in each word's MISC, replacing a gold NER= and keeping the other keys.
/// The words' XPOS is read as the tagger's prediction (run the tagger first).
/// One instance per thread (it owns the scratch buffers).
/// </summary>
public sealed class NerConlluAnnotator(NerAnnotator annotator)
{
    private readonly NerScratch _scratch = new();

    /// <summary>Words tagged so far (for a words/s figure).</summary>
    public long Words { get; private set; }

    public void Annotate(string docId, IReadOnlyList<ConlluSentence> sentences)
    {
        var ner = new NerSentence[sentences.Count];
        for (var i = 0; i < ner.Length; i++) ner[i] = NerConllu.FromConllu(sentences[i], docId, withPos: true);
        var doc = NerCorpusDocuments.FromSentences(ner, 0, ner.Length);
        annotator.Annotate(doc, _scratch);
        Words += doc.Tokens.Count;
        for (var s = 0; s < sentences.Count; s++)
        {
            var first = doc.Sentences[s].FirstToken;
            var words = sentences[s].Words;
            for (var k = 0; k < words.Count; k++) words[k].SetMisc("NER", doc.Tokens[first + k].Ner ?? "O");
        }
    }
}
