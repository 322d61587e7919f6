using Wirescope.Documents;
using Wirescope.Extraction;

namespace Wirescope.Pipeline;

/// <summary>The standard stage order for a requested set of layers (DESIGN.md's --layers).</summary>
public static class StandardPipeline
{
    public static Pipeline Build(Layers layers, PipelineOptions options)
    {
        var b = new PipelineBuilder().WithOptions(options);
        b.Add(new ExtractionStage(options));
        _ = layers;
        return b.Build();
    }
}
