namespace Wirescope.Language.Conllu;

/// <summary>
/// Groups a stream of CoNLL-U sentences into documents, for the layers that read a whole
/// article (NER's consistency: a name found once is the same entity later on).
/// A document starts at each <c># newdoc</c> comment. Sentences not under any
/// <c># newdoc</c> (a file without them) form documents of <see cref="UnmarkedSentences"/>
/// sentences: about one news article, so consistency still works, while memory stays bounded
/// on a large unmarked file. A marked document longer than <see cref="MaxSentences"/> is cut
/// there too (bad input never grows one document without bound).
/// </summary>
public static class ConlluDocuments
{
    public const int UnmarkedSentences = 50;
    public const int MaxSentences = 5000;

    /// <summary>The id of a <c># newdoc</c> comment on the sentence ("" when it has no id), or null when none.</summary>
    public static string? NewDocId(ConlluSentence s)
    {
        foreach (var c in s.Comments)
        {
            if (!c.StartsWith("# newdoc", StringComparison.Ordinal)) continue;
            var eq = c.IndexOf('=');
            return eq < 0 ? "" : c[(eq + 1)..].Trim();
        }
        return null;
    }

    /// <summary>
    /// Consecutive documents with distinct ids: the newdoc id (or "docN" without one), with
    /// "/2", "/3" … when a document is cut; unmarked sentences are "docN".
    /// </summary>
    public static IEnumerable<(string Id, List<ConlluSentence> Sentences)> Group(
        IEnumerable<ConlluSentence> sentences, int unmarked = UnmarkedSentences, int max = MaxSentences)
    {
        var current = new List<ConlluSentence>();
        string id = "";
        bool marked = false;
        int docs = 0, part = 1;
        foreach (var s in sentences)
        {
            var newDoc = NewDocId(s);
            bool full = current.Count >= (marked ? max : unmarked);
            if (current.Count > 0 && (newDoc is not null || full))
            {
                yield return (part > 1 ? $"{id}/{part}" : id, current);
                current = new List<ConlluSentence>();
            }
            if (newDoc is not null)
            {
                docs++;
                marked = true;
                part = 1;
                id = newDoc.Length > 0 ? newDoc : $"doc{docs}";
            }
            else if (current.Count == 0)
            {
                // A cut: the next part of a marked document, or the next unmarked chunk.
                if (marked && docs > 0) part++;
                else { docs++; id = $"doc{docs}"; part = 1; }
            }
            current.Add(s);
        }
        if (current.Count > 0) yield return (part > 1 ? $"{id}/{part}" : id, current);
    }
}
