using Wirescope.Language.Models;

namespace Wirescope.Language.Lemmas;

/// <summary>
/// Lemmas from (form, XPOS): an exception lexicon of forms seen in training whose lemma the
/// rules get wrong, then suffix rules learned from training (longest matching suffix of the
/// lower-cased form for that XPOS; strip k characters, append a string). When the longest
/// suffix's rule changes the word into one that was never a lemma in training ("shouting" →
/// "shoute", "bombed" → "bombe") and a shorter suffix's rule makes one ("shout", "bomb"), the
/// shorter one wins. Proper nouns, URLs and e-mail addresses keep their case, everything else is
/// lower-cased, as in UD English; numbers lose their thousands separators ("4,817" → "4817").
/// </summary>
public sealed class Lemmatizer
{
    internal const string Magic = "wirescope-lemmatizer";
    internal const int MaxSuffix = 5;

    // (hash of exact form, hash of xpos) -> lemma
    private readonly Dictionary<(ulong, ulong), string> _exceptions;
    // (hash of xpos, hash of lower-cased suffix incl. length) -> rule
    private readonly Dictionary<(ulong, ulong), Rule> _rules;
    // Every lemma of the training data, lower-cased (kept as text for the file, hashed for look-ups).
    private readonly string[] _lemmaWords;
    private readonly HashSet<ulong> _lemmas;

    internal readonly record struct Rule(int Strip, string Append);

    internal Lemmatizer(Dictionary<(ulong, ulong), string> exceptions, Dictionary<(ulong, ulong), Rule> rules, string[] lemmaWords)
    {
        _exceptions = exceptions;
        _rules = rules;
        _lemmaWords = lemmaWords;
        _lemmas = lemmaWords.Select(w => FeatureHash.Lower(w)).ToHashSet();
    }

    public int ExceptionCount => _exceptions.Count;
    public int RuleCount => _rules.Count;

    /// <summary>Proper nouns; and URLs and e-mail addresses (ADD), whose lemma is the form (EWT: 329 of 378; a path is case-sensitive).</summary>
    internal static bool KeepsCase(string xpos) => xpos is "NNP" or "NNPS" or "ADD";

    /// <summary>Longest word the rules build on the stack to check it against the known lemmas.</summary>
    private const int MaxChecked = 64;

    internal static ulong SuffixKey(ReadOnlySpan<char> form, int len) => FeatureHash.Combine((ulong)len + 500, FeatureHash.Lower(form[^len..]));

    /// <summary>The lemma of a word with the given XPOS. Allocates only for forms the lexicon does not know.</summary>
    public string Lemmatize(ReadOnlySpan<char> form, string xpos)
    {
        ulong xh = FeatureHash.Of(xpos);
        if (_exceptions.TryGetValue((FeatureHash.Exact(form), xh), out var known)) return known;
        return ApplyRules(form, xpos, xh);
    }

    internal string ApplyRules(ReadOnlySpan<char> form, string xpos, ulong xh)
    {
        if (xpos == "CD" && IsGroupedNumber(form)) return WithoutSeparators(form);
        var rule = new Rule(0, "");
        bool first = true;
        for (int len = Math.Min(MaxSuffix, form.Length); len >= 0; len--)
        {
            if (!_rules.TryGetValue((xh, SuffixKey(form, len)), out var found)) continue;
            if (first)
            {
                rule = found;
                first = false;
                // A rule that keeps the word as it is (names, numbers, uninflected words: most
                // words) is not second-guessed: only a rule that cuts or adds can build a non-word.
                if (found.Strip == 0 && found.Append.Length == 0) break;
            }
            if (_lemmas.Count == 0 || IsKnownLemma(form, found)) { rule = found; break; }
        }
        int keep = Math.Max(0, form.Length - rule.Strip);
        var stem = form[..keep];
        bool lower = !KeepsCase(xpos) && !(form.Length == 1 && form[0] == 'I');
        if (rule.Append.Length == 0 && !lower) return stem.ToString();
        return string.Create(stem.Length + rule.Append.Length, (stem.ToString(), rule.Append, lower), static (dst, st) =>
        {
            st.Item1.AsSpan().CopyTo(dst);
            st.Item2.AsSpan().CopyTo(dst[st.Item1.Length..]);
            if (st.Item3) for (int i = 0; i < dst.Length; i++) dst[i] = char.ToLowerInvariant(dst[i]);
        });
    }

    /// <summary>Whether the rule's result was a lemma in training (built on the stack: no allocation).</summary>
    private bool IsKnownLemma(ReadOnlySpan<char> form, Rule rule)
    {
        int keep = Math.Max(0, form.Length - rule.Strip);
        int n = keep + rule.Append.Length;
        if (n > MaxChecked) return false;
        Span<char> word = stackalloc char[n];
        form[..keep].CopyTo(word);
        rule.Append.AsSpan().CopyTo(word[keep..]);
        return _lemmas.Contains(FeatureHash.Lower(word));
    }

    /// <summary>Digits in groups of three after commas ("4,817", "6,363,217.5"): both treebanks drop the commas in the lemma (207 of 207 in training).</summary>
    internal static bool IsGroupedNumber(ReadOnlySpan<char> form)
    {
        int comma = form.IndexOf(',');
        if (comma < 1 || comma > 3) return false;
        int dot = form.IndexOf('.');
        var whole = dot < 0 ? form : form[..dot];
        if (dot >= 0 && (dot == form.Length - 1 || !IsDigits(form[(dot + 1)..]))) return false;
        if (!IsDigits(whole[..comma])) return false;
        var rest = whole[comma..];
        if (rest.Length % 4 != 0) return false;
        for (int i = 0; i < rest.Length; i += 4)
            if (rest[i] != ',' || !IsDigits(rest.Slice(i + 1, 3))) return false;
        return true;

        static bool IsDigits(ReadOnlySpan<char> s)
        {
            foreach (var c in s) if (c < '0' || c > '9') return false;
            return s.Length > 0;
        }
    }

    private static string WithoutSeparators(ReadOnlySpan<char> form)
    {
        Span<char> buffer = stackalloc char[form.Length];
        int n = 0;
        foreach (var c in form) if (c != ',') buffer[n++] = c;
        return new string(buffer[..n]);
    }

    public void Save(string path) => ModelFile.Write(path, Magic, w =>
    {
        w.Write(_exceptions.Count);
        foreach (var ((a, b), v) in _exceptions.OrderBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2)) { w.Write(a); w.Write(b); w.Write(v); }
        w.Write(_rules.Count);
        foreach (var ((a, b), v) in _rules.OrderBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2)) { w.Write(a); w.Write(b); w.Write(v.Strip); w.Write(v.Append); }
        w.Write(_lemmaWords.Length);
        foreach (var l in _lemmaWords) w.Write(l);
    });

    public static Lemmatizer Load(string path) => ModelFile.Read(path, Magic, r =>
    {
        int n = r.ReadInt32();
        var ex = new Dictionary<(ulong, ulong), string>(n);
        for (int i = 0; i < n; i++) { var a = r.ReadUInt64(); var b = r.ReadUInt64(); ex[(a, b)] = string.Intern(r.ReadString()); }
        int m = r.ReadInt32();
        var rules = new Dictionary<(ulong, ulong), Rule>(m);
        for (int i = 0; i < m; i++) { var a = r.ReadUInt64(); var b = r.ReadUInt64(); var s = r.ReadInt32(); rules[(a, b)] = new Rule(s, string.Intern(r.ReadString())); }
        int k = r.ReadInt32();
        if (k < 0 || k > 1 << 22) throw new InvalidDataException($"{path}: {k} lemmas");
        var lemmas = new string[k];
        for (int i = 0; i < k; i++) lemmas[i] = r.ReadString();
        return new Lemmatizer(ex, rules, lemmas);
    });
}
