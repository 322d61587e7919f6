using Wirescope.Documents;
using Wirescope.Extraction;
using Wirescope.Language;
using Wirescope.Language.Ner;

namespace Wirescope.Pipeline;

/// <summary>The standard stage order for a requested set of layers (DESIGN.md's --layers).</summary>
public static class StandardPipeline
{
    public static Pipeline Build(Layers layers, PipelineOptions options)
    {
        var b = new PipelineBuilder().WithOptions(options);
        b.Add(new ExtractionStage(options));
        if (layers.HasFlag(Layers.Language)) b.Add(new LanguageStage());
        if (layers.HasFlag(Layers.Entities)) b.Add(new NerStage());
        return b.Build();
    }
}
