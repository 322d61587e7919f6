using Wirescope.Extraction.Html;
using Wirescope.Extraction.Metadata;
using Wirescope.Extraction.Text;

namespace Wirescope.Extraction;

/// <summary>
/// Every data table of the extraction layer, loaded and checked once (a bad row stops startup
/// with file:line), then frozen and shared by all worker threads.
/// </summary>
public sealed class ExtractionTables
{
    private static readonly Lazy<ExtractionTables> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public required TagTable Tags { get; init; }
    public required ClassWordTable ClassWords { get; init; }
    public required BoilerplatePhraseTable Phrases { get; init; }
    public required MetaFieldTable MetaFields { get; init; }
    public required DateWordTable DateWords { get; init; }
    public required AuthorRuleTable AuthorRules { get; init; }
    public required LineCueTable LineCues { get; init; }
    public required LanguageQuickCheck Languages { get; init; }

    /// <summary>The shipped tables (immutable, so one instance serves every pipeline).</summary>
    public static ExtractionTables Default => Shared.Value;

    public static ExtractionTables Load() => new()
    {
        Tags = TagTable.Load(),
        ClassWords = ClassWordTable.Load(),
        Phrases = BoilerplatePhraseTable.Load(),
        MetaFields = MetaFieldTable.Load(),
        DateWords = DateWordTable.Load(),
        AuthorRules = AuthorRuleTable.Load(),
        LineCues = LineCueTable.Load(),
        Languages = LanguageQuickCheck.Load(),
    };
}
