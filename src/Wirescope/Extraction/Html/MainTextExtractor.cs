namespace Wirescope.Extraction.Html;

/// <summary>
/// The body an extractor stage chose: blocks in page order, and which stage won.
/// <see cref="LeadBlocks"/> of the first blocks are the story's lead, taken from before the
/// container (the byline and dateline sit between them and the body proper).
/// </summary>
public sealed record MainText(IReadOnlyList<HtmlBlock> Blocks, IReadOnlyList<HtmlBlock> Captions, string Stage, int Chars, int LeadBlocks = 0)
{
    /// <summary>The first block of the body proper (after the lead), or null when there is none.</summary>
    public HtmlBlock? BodyStart => LeadBlocks < Blocks.Count ? Blocks[LeadBlocks] : null;
}

/// <summary>
/// The extraction cascade, read top to bottom (trafilatura's <c>trafilatura_sequence</c>):
/// <list type="number">
/// <item><c>html:main</c> — the best-scoring container, with class/id chrome and tag chrome removed.</item>
/// <item><c>html:relaxed</c> — the same with class/id drops ignored, when (1) under-delivers
///   (a site that names its article wrapper "page-comments-enabled").</item>
/// <item><c>html:baseline</c> — every paragraph-like block of the page outside tag chrome,
///   when both under-deliver (pages with no container structure).</item>
/// </list>
/// Each stage runs on the same walk: no re-parse.
/// </summary>
public sealed class MainTextExtractor(ExtractionTables tables)
{
    /// <summary>A stage under-delivers below this many body characters (trafilatura's MIN_EXTRACTED_SIZE is 250).</summary>
    public const int MinBodyChars = 250;
    /// <summary>Below this many characters the main stage is compared with the relaxed one.</summary>
    public const int ShortBodyChars = 1000;
    /// <summary>How much longer the relaxed text must be to replace a short main text.</summary>
    public const double RelaxedGain = 2.5;

    public MainText Extract(PageModel page)
    {
        var scorer = new ContentScorer(tables);
        // First with the headline guard (a comment thread or live sidebar longer than the story
        // is dropped when the headline is elsewhere); when that leaves a short body, the
        // "chrome" was a mislabeled story wrapper ("social-scroll-past-this") and the cascade
        // goes on without the guard.
        var main = scorer.Select(page, useClassDrops: true, headlineGuard: true);
        if (main.Chars >= ShortBodyChars) return main with { Stage = "html:main" };
        main = scorer.Select(page, useClassDrops: true);
        if (main.Chars >= ShortBodyChars) return main with { Stage = "html:main" };
        var relaxed = scorer.Select(page, useClassDrops: false);
        // A short main text next to a much longer relaxed one: a class/id drop hid the story
        // ("teaserTyp3 newsSingle"), not just chrome.
        if (main.Chars >= MinBodyChars && relaxed.Chars < main.Chars * RelaxedGain) return main with { Stage = "html:main" };
        var best = relaxed.Chars > main.Chars * 1.2 ? relaxed with { Stage = "html:relaxed" } : main with { Stage = "html:main" };
        if (best.Chars >= MinBodyChars) return best;
        var baseline = scorer.Baseline(page);
        return baseline.Chars > best.Chars ? baseline : best;
    }
}
