using Wirescope.Tables;

namespace Wirescope.Extraction.Html;

/// <summary>The verdict of class_words.tsv on one element's "class id" string.</summary>
/// <param name="Weight">Summed, capped class evidence for the element as article container.</param>
/// <param name="Drop">The element is chrome in the strict stage.</param>
/// <param name="Lead">The element names the story's lead (standfirst, intro, dek): kept with the
/// body when it sits just before the chosen container (see <see cref="ContentScorer"/>).</param>
/// <param name="Caption">The element is a photo caption or credit written as a div or p: its
/// text goes to the captions, as a figcaption's does.</param>
public readonly record struct ClassVerdict(short Weight, bool Drop, bool Lead = false, bool Caption = false);

/// <summary>
/// class_words.tsv, frozen. Evaluates an element's class and id: every matching row adds its
/// weight; the element drops when a drop row matched and the sum is negative.
/// </summary>
public sealed class ClassWordTable
{
    /// <summary>Bounds of an element's summed class evidence (trafilatura-eval snippets F1 rose from 0.889 with the cap).</summary>
    public const int MaxWeight = 25, MinWeight = -50;

    private enum Effect : byte { None, Drop, Lead, Caption }

    private readonly (string Word, bool Substr, short Weight, Effect Effect)[] _rows;

    // Indexes over the rows, so an evaluation looks words up instead of trying every row:
    // substr rows by their first two letters, token rows by the whole word.
    private readonly Dictionary<int, int[]> _substrByBigram;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _tokenRow;

    private ClassWordTable((string, bool, short, Effect)[] rows)
    {
        _rows = rows;
        _substrByBigram = Enumerable.Range(0, rows.Length).Where(i => _rows[i].Substr)
            .GroupBy(i => Bigram(_rows[i].Word, 0)).ToDictionary(g => g.Key, g => g.ToArray());
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < rows.Length; i++) if (!_rows[i].Substr) tokens[_rows[i].Word] = i;
        _tokenRow = tokens.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static int Bigram(string s, int i) => s[i] << 16 | s[i + 1];

    public static ClassWordTable Load(string resource = "extraction/class_words.tsv")
    {
        var rows = new List<(string, bool, short, Effect)>();
        var seen = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var row in TsvTable.ReadResource(resource, 5, 4))
        {
            var word = row[0].ToLowerInvariant();
            bool substr = row[1] switch
            {
                "substr" => true,
                "token" => false,
                _ => throw new TableException(row.Where, $"match must be token or substr, not '{row[1]}'"),
            };
            if (word.Length < 2) throw new TableException(row.Where, "a one-letter word would match almost every class");
            var effect = row[3] switch
            {
                "yes" => Effect.Drop,
                "no" => Effect.None,
                "lead" => Effect.Lead,
                "caption" => Effect.Caption,
                _ => throw new TableException(row.Where, $"drop must be yes, no, lead or caption, not '{row[3]}'"),
            };
            TsvTable.AddUnique(seen, row[1] + ":" + word, true, row);
            rows.Add((word, substr, (short)TsvTable.Int(row, 2), effect));
        }
        return new ClassWordTable(rows.ToArray());
    }

    /// <summary>Evaluates a class+id string (any case).</summary>
    public ClassVerdict Evaluate(string classAndId)
    {
        if (classAndId.Length == 0) return default;
        var lower = classAndId.ToLowerInvariant();
        Span<Range> tokens = stackalloc Range[64];
        int tokenCount = Tokenize(classAndId, tokens);
        // Which rows match, each once: a substr row when its word starts at some position, a
        // token row when some token is its word (ToLowerInvariant keeps positions).
        Span<bool> hit = _rows.Length <= 512 ? stackalloc bool[_rows.Length] : new bool[_rows.Length];
        for (int i = 0; i + 1 < lower.Length; i++)
        {
            if (!_substrByBigram.TryGetValue(Bigram(lower, i), out var candidates)) continue;
            foreach (var r in candidates)
                if (!hit[r] && lower.AsSpan(i).StartsWith(_rows[r].Word, StringComparison.Ordinal)) hit[r] = true;
        }
        for (int i = 0; i < tokenCount; i++)
            if (_tokenRow.TryGetValue(lower.AsSpan(tokens[i]), out var r)) hit[r] = true;
        int weight = 0;
        bool anyDrop = false, anyLead = false, anyCaption = false;
        for (int r = 0; r < _rows.Length; r++)
        {
            if (!hit[r]) continue;
            weight += _rows[r].Weight;
            anyDrop |= _rows[r].Effect == Effect.Drop;
            anyLead |= _rows[r].Effect == Effect.Lead;
            anyCaption |= _rows[r].Effect == Effect.Caption;
        }
        // Capped as readability caps class evidence (±25 per attribute): "article-content
        // story-text" is no more an article than "article-body"; paragraph text must decide.
        bool drop = anyDrop && weight < 0;
        return new ClassVerdict((short)Math.Clamp(weight, MinWeight, MaxWeight), drop, anyLead && !drop, anyCaption && !drop);
    }

    /// <summary>Splits on non-letters and at camelCase humps ("relatedPosts" → related, posts).</summary>
    private static int Tokenize(string s, Span<Range> tokens)
    {
        int count = 0, start = -1;
        for (int i = 0; i <= s.Length; i++)
        {
            bool letter = i < s.Length && char.IsLetter(s[i]);
            bool hump = letter && start >= 0 && char.IsUpper(s[i]) && i > 0 && char.IsLower(s[i - 1]);
            if (start >= 0 && (!letter || hump))
            {
                if (count < tokens.Length) tokens[count++] = new Range(start, i);
                start = -1;
            }
            if (letter && start < 0) start = i;
        }
        return count;
    }
}
