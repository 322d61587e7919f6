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

    /// <summary>One sentence's words, gold NER tags ("O" where absent) and spacing.</summary>
    public static NerSentence FromConllu(ConlluSentence s, string docId)
    {
        var n = s.Words.Count;
        var forms = new string[n];
        var tags = new string[n];
        var spaces = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var w = s.Words[i];
            forms[i] = w.Form;
            tags[i] = string.Intern(w.MiscValue("NER") ?? "O");
            spaces[i] = w.MiscValue("SpaceAfter") != "No";
        }
        return new NerSentence(docId, forms, tags, spaces);
    }

    public static List<NerSentence> ReadFile(string path)
    {
        using var r = new StreamReader(path, Encoding.UTF8);
        return Read(r, Path.GetFileName(path));
    }
}
