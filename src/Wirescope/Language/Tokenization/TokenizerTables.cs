using Wirescope.Tables;
namespace Wirescope.Language.Tokenization;

/// <summary>The tokenizer's and splitter's data: abbreviations, contractions, sentence starters (frozen).</summary>
public sealed class TokenizerTables
{
    private static readonly Lazy<TokenizerTables> Shared = new(LoadEmbedded);

    public static TokenizerTables Default => Shared.Value;

    /// <summary>Abbreviation (with its period) -> may it end a sentence.</summary>
    internal Dictionary<string, bool> Abbreviations { get; } = new(StringComparer.Ordinal);
    /// <summary>Lower-case word -> lengths of its parts.</summary>
    internal Dictionary<string, int[]> Contractions { get; } = new(StringComparer.Ordinal);
    internal HashSet<string> SentenceStarters { get; } = new(StringComparer.OrdinalIgnoreCase);

    internal Dictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup { get; }
    internal Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> ContractionLookup { get; }
    internal HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StarterLookup { get; }

    private TokenizerTables()
    {
        AbbreviationLookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        ContractionLookup = Contractions.GetAlternateLookup<ReadOnlySpan<char>>();
        StarterLookup = SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static TokenizerTables LoadEmbedded()
    {
        var t = new TokenizerTables();
        foreach (var row in TsvTable.ReadResource("language/abbreviations.tsv", 3, 2))
        {
            var c = row.Cells;
            if (!c[0].EndsWith('.') || c[0].Length < 2) throw row.Error($"'{c[0]}' must end with a period");
            if (c[1] is not ("yes" or "no")) throw row.Error($"ends must be yes or no, not '{c[1]}'");
            if (!t.Abbreviations.TryAdd(c[0], c[1] == "yes")) throw row.Error($"duplicate '{c[0]}'");
        }
        foreach (var row in TsvTable.ReadResource("language/contractions.tsv", 3, 2))
        {
            var c = row.Cells;
            var parts = c[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (string.Concat(parts) != c[0] || parts.Length < 2) throw row.Error($"parts '{c[1]}' do not spell '{c[0]}'");
            if (!t.Contractions.TryAdd(c[0], parts.Select(p => p.Length).ToArray())) throw row.Error($"duplicate '{c[0]}'");
        }
        foreach (var row in TsvTable.ReadResource("language/sentence_starters.tsv", 1, 1))
            if (!t.SentenceStarters.Add(row[0])) throw row.Error($"duplicate '{row[0]}'");
        return t;
    }

    /// <summary>Is the span (with its final period) a listed abbreviation; <paramref name="mayEnd"/> says whether it can end a sentence.</summary>
    internal bool IsAbbreviation(ReadOnlySpan<char> withPeriod, out bool mayEnd)
    {
        if (AbbreviationLookup.TryGetValue(withPeriod, out mayEnd)) return true;
        if (withPeriod.Length > 12) return false;
        Span<char> lower = stackalloc char[withPeriod.Length];
        withPeriod.ToLowerInvariant(lower);
        return !lower.SequenceEqual(withPeriod) && AbbreviationLookup.TryGetValue(lower, out mayEnd) && char.IsUpper(withPeriod[0]);
    }
}
