using System.Text;

namespace Wirescope.Language.Ner;

/// <summary>
/// The minimal CoNLL-U the NER needs: ID, FORM and the MISC keys NER= and SpaceAfter=No.
/// Multiword-token ranges (3-4) and empty nodes (8.1) are skipped, as the scorer does.
/// Kept small on purpose; the shared language reader will replace it.
/// </summary>
public static class NerConllu
{
    /// <summary>Reads every sentence. Throws <see cref="FormatException"/> with source:line on a malformed word line.</summary>
    public static List<NerSentence> Read(TextReader reader, string source)
    {
        var result = new List<NerSentence>();
        var forms = new List<string>();
        var tags = new List<string>();
        var spaces = new List<bool>();
        var docId = "";
        var docCount = 0;
        var lineNo = 0;
        void Flush()
        {
            if (forms.Count == 0) return;
            result.Add(new NerSentence(docId, forms.ToArray(), tags.ToArray(), spaces.ToArray()));
            forms.Clear(); tags.Clear(); spaces.Clear();
        }
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0) { Flush(); continue; }
            if (line[0] == '#')
            {
                const string NewDoc = "# newdoc id =";
                if (line.StartsWith(NewDoc, StringComparison.Ordinal))
                {
                    Flush();
                    docId = line[NewDoc.Length..].Trim();
                    docCount++;
                }
                else if (line.StartsWith("# newdoc", StringComparison.Ordinal))
                {
                    Flush();
                    docId = $"doc{++docCount}";
                }
                continue;
            }
            var cols = line.Split('\t');
            if (cols.Length != 10) throw new FormatException($"{source}:{lineNo}: expected 10 tab-separated columns, got {cols.Length}");
            var id = cols[0];
            if (id.Contains('-') || id.Contains('.')) continue;
            if (!int.TryParse(id, out _)) throw new FormatException($"{source}:{lineNo}: bad word ID '{id}'");
            forms.Add(cols[1]);
            tags.Add(string.Intern(MiscValue(cols[9], "NER") ?? "O"));
            spaces.Add(MiscValue(cols[9], "SpaceAfter") != "No");
        }
        Flush();
        return result;
    }

    public static List<NerSentence> ReadFile(string path)
    {
        using var r = new StreamReader(path, Encoding.UTF8);
        return Read(r, Path.GetFileName(path));
    }

    /// <summary>
    /// Copies <paramref name="gold"/> line by line and puts the predicted tag of each word in
    /// its MISC as NER= (replacing any NER= there), so the scorer sees identical words.
    /// <paramref name="predicted"/> has one tag array per sentence, in file order.
    /// </summary>
    public static void Rewrite(TextReader gold, IReadOnlyList<string[]> predicted, TextWriter output)
    {
        var sentence = 0;
        var word = 0;
        var inSentence = false;
        while (gold.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                if (inSentence) { sentence++; word = 0; inSentence = false; }
                output.WriteLine(line);
                continue;
            }
            if (line[0] == '#') { output.WriteLine(line); continue; }
            var cols = line.Split('\t');
            if (cols.Length != 10 || cols[0].Contains('-') || cols[0].Contains('.')) { output.WriteLine(line); continue; }
            inSentence = true;
            var tag = sentence < predicted.Count && word < predicted[sentence].Length ? predicted[sentence][word] : "O";
            word++;
            cols[9] = WithMisc(cols[9], "NER", tag);
            output.WriteLine(string.Join('\t', cols));
        }
    }

    /// <summary>The value of KEY=value in a MISC column, or null.</summary>
    public static string? MiscValue(string misc, string key)
    {
        if (misc == "_") return null;
        foreach (var part in misc.Split('|'))
            if (part.Length > key.Length && part[key.Length] == '=' && part.StartsWith(key, StringComparison.Ordinal))
                return part[(key.Length + 1)..];
        return null;
    }

    /// <summary>MISC with KEY=value set (replacing the old value), other keys kept in order.</summary>
    public static string WithMisc(string misc, string key, string value)
    {
        var parts = misc == "_" ? new List<string>() : misc.Split('|').ToList();
        var entry = key + "=" + value;
        var at = parts.FindIndex(p => p.StartsWith(key + "=", StringComparison.Ordinal));
        if (at >= 0) parts[at] = entry; else parts.Insert(0, entry);
        return string.Join('|', parts);
    }
}
