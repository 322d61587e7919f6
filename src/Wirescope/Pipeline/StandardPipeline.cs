using Wirescope.Actors.Coreference;
using Wirescope.Documents;
using Wirescope.Extraction;
using Wirescope.Language;
using Wirescope.Language.Ner;

namespace Wirescope.Pipeline;

/// <summary>The standard stage order for a requested set of layers (DESIGN.md's --layers).</summary>
public static class StandardPipeline
{
    /// <summary>The layers this build has stages for; actors, quotes and events come next.</summary>
    public const Layers Built = Layers.Article | Layers.Language | Layers.Entities;

    /// <summary>The requested layers this build cannot produce yet (their fields stay absent).</summary>
    public static Layers Missing(Layers requested) => requested & ~Built;

    public static Pipeline Build(Layers layers, PipelineOptions options)
    {
        var b = new PipelineBuilder().WithOptions(options);
        b.Add(new ExtractionStage(options));
        if (layers.HasFlag(Layers.Language)) b.Add(new LanguageStage(parser: options.Parser));
        if (layers.HasFlag(Layers.Entities))
        {
            b.Add(new NerStage());
            b.Add(new CoreferenceStage()); // nominal and pronoun mentions of the named entities
        }
        return b.Build();
    }
}
