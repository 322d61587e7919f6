using Wirescope.Documents;

namespace Wirescope.Pipeline;

/// <summary>
/// Assembles stages in order and checks, at build time, that every stage's requirements are
/// assigned by an earlier one (spaCy's analyze_pipes, made a hard error).
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<IStage> _stages = new();
    private PipelineOptions _options = new();

    public PipelineBuilder Add(IStage stage)
    {
        _stages.Add(stage);
        return this;
    }

    public PipelineBuilder WithOptions(PipelineOptions options)
    {
        _options = options;
        return this;
    }

    /// <summary>Freezes the pipeline. Throws when a stage requires a layer no earlier stage assigns.</summary>
    public Pipeline Build(Layers alreadyPresent = Layers.None)
    {
        var have = alreadyPresent;
        foreach (var s in _stages)
        {
            var missing = s.Requires & ~have;
            if (missing != Layers.None)
                throw new InvalidOperationException($"stage '{s.Name}' requires {missing}, which no earlier stage assigns");
            have |= s.Assigns;
        }
        return new Pipeline(_stages.ToArray(), _options);
    }
}
