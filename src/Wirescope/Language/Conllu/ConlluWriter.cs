using System.Globalization;

namespace Wirescope.Language.Conllu;

/// <summary>Writes sentences as CoNLL-U, keeping comments and multiword-token lines in place.</summary>
public static class ConlluWriter
{
    public static void Write(TextWriter w, ConlluSentence s)
    {
        foreach (var c in s.Comments) w.Write(c + "\n");
        int extra = 0;
        for (int i = 0; i <= s.Words.Count; i++)
        {
            while (extra < s.ExtraLines.Count && s.ExtraLines[extra].BeforeWord == i)
                w.Write(s.ExtraLines[extra++].Line + "\n");
            if (i == s.Words.Count) break;
            var x = s.Words[i];
            w.Write((i + 1).ToString(CultureInfo.InvariantCulture));
            w.Write('\t'); w.Write(x.Form);
            w.Write('\t'); w.Write(x.Lemma);
            w.Write('\t'); w.Write(x.Upos);
            w.Write('\t'); w.Write(x.Xpos);
            w.Write('\t'); w.Write(x.Feats);
            w.Write('\t'); w.Write(x.Head < 0 ? "_" : x.Head.ToString(CultureInfo.InvariantCulture));
            w.Write('\t'); w.Write(x.Deprel);
            w.Write('\t'); w.Write(x.Deps);
            w.Write('\t'); w.Write(x.Misc);
            w.Write('\n');
        }
        w.Write('\n');
    }
}
