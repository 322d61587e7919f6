using System.Text;
using Wirescope.Language.Conllu;

namespace Wirescope.Language.Ner;

/// <summary>
/// The CoNLL-U view the NER needs, over the shared <see cref="ConlluReader"/>: each word's
/// FORM and the MISC keys NER= and SpaceAfter=No, documents by <see cref="ConlluDocuments"/>.
/// Multiword-token ranges (3-4) and empty nodes (8.1) are not words, as for the scorer.
/// </summary>
public static class NerConllu
{
    /// <summary>Reads every sentence. Throws <see cref="FormatException"/> with source:line on a malformed word line.</summary>
    public static List<NerSentence> Read(TextReader reader, string source)
    {
        var result = new List<NerSentence>();
        foreach (var (id, sentences) in ConlluDocuments.Group(ConlluReader.Read(reader, source)))
            foreach (var s in sentences) result.Add(FromConllu(s, id));
        return result;
    }

    /// <summary>
    /// Reads every sentence with its gold NER tags and the shipped tagger's XPOS (the gold
    /// tags are read before tagging, which resets the file's columns): POS features are
    /// trained and scored on predicted tags, as noisy as at run time.
    /// </summary>
    public static List<NerSentence> ReadTagged(string path, LanguageModels models, int jobs)
    {
        List<(string Id, List<ConlluSentence> Sentences)> documents;
        using (var r = new StreamReader(path, Encoding.UTF8))
            documents = ConlluDocuments.Group(ConlluReader.Read(r, Path.GetFileName(path))).ToList();
        var gold = documents.SelectMany(d => d.Sentences.Select(s => FromConllu(s, d.Id))).ToList();
        var tagged = new ConlluAnnotator(models, jobs).Annotate(documents.SelectMany(d => d.Sentences)).ToList();
        for (var i = 0; i < gold.Count; i++)
            gold[i] = gold[i] with { Pos = tagged[i].Words.Select(w => string.Intern(w.Xpos)).ToArray() };
        return gold;
    }

    /// <summary>One sentence's words, gold NER tags ("O" where absent) and spacing.</summary>
    /// <remarks>withPos keeps each word's XPOS: only when the tagger predicted it (gold tags would flatter the model).</remarks>
    public static NerSentence FromConllu(ConlluSentence s, string docId, bool withPos = false)
    {
        var n = s.Words.Count;
        var forms = new string[n];
        var tags = new string[n];
        var spaces = new bool[n];
        var pos = withPos ? new string[n] : null;
        for (var i = 0; i < n; i++)
        {
            var w = s.Words[i];
            forms[i] = w.Form;
            tags[i] = string.Intern(w.MiscValue("NER") ?? "O");
            spaces[i] = w.MiscValue("SpaceAfter") != "No";
            if (pos is not null) pos[i] = string.Intern(w.Xpos);
        }
        return new NerSentence(docId, forms, tags, spaces, pos);
    }

    public static List<NerSentence> ReadFile(string path)
    {
        using var r = new StreamReader(path, Encoding.UTF8);
        return Read(r, Path.GetFileName(path));
    }
}
