namespace Wirescope.Language.Conllu;

/// <summary>
/// Streams sentences from CoNLL-U text. Malformed word lines (not 10 columns) raise
/// <see cref="FormatException"/> naming the line number: a treebank that is silently
/// half-read would train a wrong model.
/// </summary>
public static class ConlluReader
{
    public static IEnumerable<ConlluSentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        foreach (var s in Read(reader, path)) yield return s;
    }

    public static IEnumerable<ConlluSentence> Read(TextReader reader, string source = "conllu")
    {
        var sentence = new ConlluSentence();
        bool any = false;
        int lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0 || line.AsSpan().IsWhiteSpace())
            {
                if (any) yield return sentence;
                sentence = new ConlluSentence();
                any = false;
                continue;
            }
            any = true;
            if (line[0] == '#') { sentence.Comments.Add(line); continue; }
            var cols = line.Split('\t');
            if (cols.Length != 10) throw new FormatException($"{source}:{lineNo}: expected 10 tab-separated columns, found {cols.Length}");
            var id = cols[0];
            if (id.Contains('-') || id.Contains('.'))
            {
                sentence.ExtraLines.Add((sentence.Words.Count, line));
                continue;
            }
            int head = -1;
            if (cols[6] != "_" && !int.TryParse(cols[6], out head))
                throw new FormatException($"{source}:{lineNo}: HEAD '{cols[6]}' is not a number");
            sentence.Words.Add(new ConlluWord
            {
                Form = cols[1], Lemma = cols[2], Upos = cols[3], Xpos = cols[4], Feats = cols[5],
                Head = head, Deprel = cols[7], Deps = cols[8], Misc = cols[9],
            });
        }
        if (any) yield return sentence;
    }
}
