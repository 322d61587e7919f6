using Wirescope.Language.Models;

namespace Wirescope.Language.Lemmas;

/// <summary>
/// Lemmas from (form, XPOS): an exception lexicon of forms seen in training whose lemma the
/// rules get wrong, then suffix rules learned from training (longest matching suffix of the
/// lower-cased form for that XPOS; strip k characters, append a string). Proper nouns keep
/// their case, everything else is lower-cased, as in UD English.
/// </summary>
public sealed class Lemmatizer
{
    internal const string Magic = "wirescope-lemmatizer";
    internal const int MaxSuffix = 5;

    // (hash of exact form, hash of xpos) -> lemma
    private readonly Dictionary<(ulong, ulong), string> _exceptions;
    // (hash of xpos, hash of lower-cased suffix incl. length) -> rule
    private readonly Dictionary<(ulong, ulong), Rule> _rules;

    internal readonly record struct Rule(int Strip, string Append);

    internal Lemmatizer(Dictionary<(ulong, ulong), string> exceptions, Dictionary<(ulong, ulong), Rule> rules)
    {
        _exceptions = exceptions;
        _rules = rules;
    }

    public int ExceptionCount => _exceptions.Count;
    public int RuleCount => _rules.Count;

    internal static bool KeepsCase(string xpos) => xpos is "NNP" or "NNPS";

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
        var rule = new Rule(0, "");
        for (int len = Math.Min(MaxSuffix, form.Length); len >= 0; len--)
            if (_rules.TryGetValue((xh, SuffixKey(form, len)), out var found)) { rule = found; break; }
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

    public void Save(string path) => ModelFile.Write(path, Magic, w =>
    {
        w.Write(_exceptions.Count);
        foreach (var ((a, b), v) in _exceptions.OrderBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2)) { w.Write(a); w.Write(b); w.Write(v); }
        w.Write(_rules.Count);
        foreach (var ((a, b), v) in _rules.OrderBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2)) { w.Write(a); w.Write(b); w.Write(v.Strip); w.Write(v.Append); }
    });

    public static Lemmatizer Load(string path) => ModelFile.Read(path, Magic, r =>
    {
        int n = r.ReadInt32();
        var ex = new Dictionary<(ulong, ulong), string>(n);
        for (int i = 0; i < n; i++) { var a = r.ReadUInt64(); var b = r.ReadUInt64(); ex[(a, b)] = string.Intern(r.ReadString()); }
        int m = r.ReadInt32();
        var rules = new Dictionary<(ulong, ulong), Rule>(m);
        for (int i = 0; i < m; i++) { var a = r.ReadUInt64(); var b = r.ReadUInt64(); var s = r.ReadInt32(); rules[(a, b)] = new Rule(s, string.Intern(r.ReadString())); }
        return new Lemmatizer(ex, rules);
    });
}
