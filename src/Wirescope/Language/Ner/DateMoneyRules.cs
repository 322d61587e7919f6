using System.Globalization;
using Wirescope.Tables;

namespace Wirescope.Language.Ner;

/// <summary>
/// DATE and MONEY by rule: GUM has no such layer to learn from, so the word classes and the
/// patterns are data tables (date_money_words.tsv, date_money_patterns.tsv). The matcher
/// tries every pattern at every word and keeps the longest entity (first row on a tie).
/// </summary>
public sealed class DateMoneyRules
{
    /// <summary>A pattern element: a class bit or a literal word hash, optional, or context outside the entity.</summary>
    private readonly record struct Element(uint Class, ulong Literal, bool Optional, bool Context);

    private sealed record Pattern(string Id, string Type, Element[] Elements)
    {
        /// <summary>Class bits that can match the first word (elements up to the first required one).</summary>
        public uint StartClasses { get; init; }
        /// <summary>Literal word hashes that can match the first word.</summary>
        public ulong[] StartLiterals { get; init; } = [];
    }

    // Built-in classes computed from the word's characters.
    private const uint Num = 1u << 0, Year = 1u << 1, DayNum = 1u << 2, CurNum = 1u << 3, Decade = 1u << 4, LetterNum = 1u << 5;
    // LETTERNUM: a one-letter currency sign glued to a number ("N80" naira), a money amount only with a scale after it
    // (the patterns say so), since "N95" alone is a mask.
    private static readonly string[] BuiltIn = ["NUM", "YEAR", "DAYNUM", "CURNUM", "DECADE", "LETTERNUM"];

    private readonly Dictionary<string, uint> _classBits = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, uint> _anyCase = new();
    private readonly Dictionary<ulong, uint> _capOnly = new();
    private readonly List<string> _currencySigns = new();
    private readonly List<char> _letterSigns = new();
    private readonly Pattern[] _patterns;
    // Whether some pattern starts with a literal word (then class-less words must be tried too).
    private readonly bool _literalFirst;

    public DateMoneyRules(IReadOnlyList<TsvRow> words, IReadOnlyList<TsvRow> patterns)
    {
        foreach (var b in BuiltIn) _classBits[b] = 1u << _classBits.Count;
        var seen = new HashSet<(string, string)>();
        foreach (var row in words)
        {
            var (cls, word, caseRule) = (row.Cells[0], row.Cells[1], row.Cells[2]);
            if (cls.Any(c => !char.IsAsciiLetterUpper(c))) throw row.Error($"class '{cls}' must be upper-case letters");
            if (BuiltIn.Contains(cls)) throw row.Error($"'{cls}' is a built-in class");
            if (caseRule is not ("any" or "cap")) throw row.Error($"case must be 'any' or 'cap', not '{caseRule}'");
            if (word != word.ToLowerInvariant()) throw row.Error($"word '{word}' must be lower case");
            if (!seen.Add((cls, word))) throw row.Error($"duplicate word '{word}' in class {cls}");
            if (!_classBits.TryGetValue(cls, out var bit))
            {
                if (_classBits.Count == 32) throw row.Error("too many classes (32 at most)");
                _classBits[cls] = bit = 1u << _classBits.Count;
            }
            var map = caseRule == "cap" ? _capOnly : _anyCase;
            var h = FeatureHash.Lower(word);
            map[h] = map.GetValueOrDefault(h) | bit;
            if (cls == "CURSYM") _currencySigns.Add(word);
            if (cls == "CURLETTER")
            {
                if (word.Length != 1 || caseRule != "cap") throw row.Error("a CURLETTER is one letter written with a capital ('cap')");
                _letterSigns.Add(char.ToUpperInvariant(word[0]));
            }
        }
        _currencySigns.Sort((a, b) => b.Length.CompareTo(a.Length));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<Pattern>();
        foreach (var row in patterns)
        {
            var (id, type, text) = (row.Cells[0], row.Cells[1], row.Cells[2]);
            if (!ids.Add(id)) throw row.Error($"duplicate id '{id}'");
            if (type is not ("DATE" or "MONEY")) throw row.Error($"type must be DATE or MONEY, not '{type}'");
            var elements = ParsePattern(row, text);
            uint startClasses = 0;
            var startLiterals = new List<ulong>();
            foreach (var e in elements)
            {
                if (e.Class != 0) startClasses |= e.Class; else startLiterals.Add(e.Literal);
                if (!e.Optional) break;
            }
            list.Add(new Pattern(id, string.Intern(type), elements) { StartClasses = startClasses, StartLiterals = startLiterals.ToArray() });
        }
        _patterns = list.ToArray();
        _literalFirst = _patterns.Any(p => p.Elements[0].Class == 0);
    }

    /// <summary>The shipped tables.</summary>
    public static DateMoneyRules LoadEmbedded() => new(
        TsvTable.ReadResource("ner/date_money_words.tsv", 3, 3),
        TsvTable.ReadResource("ner/date_money_patterns.tsv", 3, 3));

    private static readonly Lazy<DateMoneyRules> s_shared = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);
    public static DateMoneyRules Shared => s_shared.Value;

    private Element[] ParsePattern(TsvRow row, string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var elements = new Element[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var p = parts[i];
            var context = p.Length > 2 && p[0] == '[' && p[^1] == ']';
            if (context)
            {
                if (i != 0 && i != parts.Length - 1) throw row.Error($"context element '{p}' must be first or last");
                p = p[1..^1];
            }
            var optional = p.Length > 1 && p[^1] == '?';
            if (optional) p = p[..^1];
            if (context && optional) throw row.Error($"context element '{parts[i]}' cannot be optional");
            if (p.All(c => char.IsAsciiLetterUpper(c)) && p.Length > 1)
            {
                if (!_classBits.TryGetValue(p, out var bit)) throw row.Error($"unknown class '{p}'");
                elements[i] = new Element(bit, 0, optional, context);
            }
            else elements[i] = new Element(0, FeatureHash.Lower(p), optional, context);
        }
        if (elements.All(e => e.Optional || e.Context)) throw row.Error("pattern has no required entity word");
        return elements;
    }

    /// <summary>Whether a word (its lower-case hash; capitalised or not) is a calendar or money word of the tables ("Tuesday", "Oct").</summary>
    internal bool IsTableWord(ulong lowerHash, bool capitalised) =>
        _anyCase.ContainsKey(lowerHash) || (capitalised && _capOnly.ContainsKey(lowerHash));

    public uint ClassOf(ReadOnlySpan<char> form)
    {
        var h = FeatureHash.Lower(form);
        var bits = _anyCase.GetValueOrDefault(h);
        if (form.Length > 0 && char.IsUpper(form[0])) bits |= _capOnly.GetValueOrDefault(h);
        return bits | NumberClasses(form);
    }

    private uint NumberClasses(ReadOnlySpan<char> form)
    {
        if (form.Length == 0) return 0;
        foreach (var sign in _currencySigns)
            if (form.Length > sign.Length && form.StartsWith(sign, StringComparison.OrdinalIgnoreCase)
                && (IsNumber(form[sign.Length..]) || IsScaledNumber(form[sign.Length..])))
                return CurNum;
        if (form.Length > 1 && _letterSigns.Contains(form[0]) && IsNumber(form[1..])) return LetterNum;
        if (IsNumber(form))
        {
            uint bits = Num;
            if (form.Length == 4 && int.TryParse(form, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1800 and <= 2099) bits |= Year;
            if (form.Length <= 2 && int.TryParse(form, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31) bits |= DayNum;
            return bits;
        }
        if (form.Length is 3 or 4 && IsOrdinalSuffix(form[^2..])
            && int.TryParse(form[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31)
            return DayNum;
        if (IsScaledNumber(form)) return Num;
        // Decades: "1990s", "90s", "'90s".
        var core = form[0] == '\'' || form[0] == '’' ? form[1..] : form;
        if (core.Length is 3 or 5 && core[^1] == 's' && core[^2] == '0' && AllDigits(core[..^1])) return Decade;
        return 0;
    }

    private static bool IsOrdinalSuffix(ReadOnlySpan<char> s) =>
        s.Equals("st", StringComparison.OrdinalIgnoreCase) || s.Equals("nd", StringComparison.OrdinalIgnoreCase)
        || s.Equals("rd", StringComparison.OrdinalIgnoreCase) || s.Equals("th", StringComparison.OrdinalIgnoreCase);

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsAsciiDigit(c)) return false;
        return s.Length > 0;
    }

    private static readonly string[] ScaleSuffixes = ["bn", "mn", "tn", "m", "b", "k"];

    /// <summary>"3bn", "2.5m", "10mn": a number with the scale written onto it (British and Asian press).</summary>
    private static bool IsScaledNumber(ReadOnlySpan<char> s)
    {
        foreach (var suffix in ScaleSuffixes)
            if (s.Length > suffix.Length && s.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && IsNumber(s[..^suffix.Length]))
                return true;
        return false;
    }

    /// <summary>"5", "3.2", "1,000,000": digits with inner separators.</summary>
    private static bool IsNumber(ReadOnlySpan<char> s)
    {
        if (s.Length == 0 || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[^1])) return false;
        foreach (var c in s) if (!char.IsAsciiDigit(c) && c != ',' && c != '.') return false;
        return true;
    }

    /// <summary>
    /// Finds DATE and MONEY entities in one sentence. <paramref name="blocked"/> marks words
    /// already in a name (rules never take them). Calls <paramref name="found"/> with
    /// (first word, word count, type, rule id) for each, left to right, without overlaps.
    /// </summary>
    public void Match(IReadOnlyList<string> forms, ReadOnlySpan<bool> blocked, Action<int, int, string, string> found)
    {
        var n = forms.Count;
        var classes = new uint[n];
        var hashes = new ulong[n];
        for (var i = 0; i < n; i++) { classes[i] = ClassOf(forms[i]); hashes[i] = FeatureHash.Lower(forms[i]); }
        Match(classes, hashes, blocked, found);
    }

    /// <summary>As above over precomputed word classes and lower-case hashes.</summary>
    public void Match(ReadOnlySpan<uint> classes, ReadOnlySpan<ulong> lowerHashes, ReadOnlySpan<bool> blocked, Action<int, int, string, string> found)
    {
        var list = new List<NerSpan>();
        MatchInto(classes, lowerHashes, blocked, 0, list);
        foreach (var s in list) found(s.First, s.Count, s.Type, s.Rule);
    }

    /// <summary>Appends the entities of one sentence to <paramref name="output"/>, word indices shifted by <paramref name="offset"/>.</summary>
    internal void MatchInto(ReadOnlySpan<uint> classes, ReadOnlySpan<ulong> lowerHashes, ReadOnlySpan<bool> blocked, int offset, List<NerSpan> output)
    {
        var n = classes.Length;
        var i = 0;
        while (i < n)
        {
            if (classes[i] == 0 && !_literalFirst) { i++; continue; }
            Pattern? best = null;
            int bestStart = 0, bestLen = 0;
            foreach (var p in _patterns)
            {
                if ((classes[i] & p.StartClasses) == 0 && Array.IndexOf(p.StartLiterals, lowerHashes[i]) < 0) continue;
                var end = MatchAt(p.Elements, 0, i, classes, lowerHashes, blocked, out var spanStart, out var spanEnd, -1, -1);
                if (end < 0) continue;
                var len = spanEnd - spanStart;
                if (len > bestLen && spanStart == StartOf(p, i)) { best = p; bestStart = spanStart; bestLen = len; }
            }
            if (best is null || bestLen == 0) { i++; continue; }
            output.Add(new NerSpan(offset + bestStart, bestLen, best.Type, best.Id));
            i = bestStart + bestLen;
        }
    }

    // The entity of a pattern with a leading context element starts one word later.
    private static int StartOf(Pattern p, int i) => p.Elements[0].Context ? i + 1 : i;

    /// <summary>Matches elements[e..] from word w; returns the end word or -1, and the entity's word span.</summary>
    private int MatchAt(Element[] elements, int e, int w, ReadOnlySpan<uint> classes, ReadOnlySpan<ulong> hashes,
        ReadOnlySpan<bool> blocked, out int spanStart, out int spanEnd, int curStart, int curEnd)
    {
        spanStart = curStart; spanEnd = curEnd;
        if (e == elements.Length) return w;
        var el = elements[e];
        var result = -1;
        int bestS = -1, bestE = -1;
        if (w < classes.Length && (el.Context || !blocked[w]) && (el.Class != 0 ? (classes[w] & el.Class) != 0 : hashes[w] == el.Literal))
        {
            var s = el.Context ? curStart : (curStart < 0 ? w : curStart);
            var en = el.Context ? curEnd : w + 1;
            var r = MatchAt(elements, e + 1, w + 1, classes, hashes, blocked, out var ss, out var se, s, en);
            if (r >= 0) { result = r; bestS = ss; bestE = se; }
        }
        if (el.Optional)
        {
            var r = MatchAt(elements, e + 1, w, classes, hashes, blocked, out var ss, out var se, curStart, curEnd);
            if (r >= 0 && (result < 0 || se - ss > bestE - bestS)) { result = r; bestS = ss; bestE = se; }
        }
        spanStart = bestS; spanEnd = bestE;
        return result;
    }
}
