namespace Wirescope.Pipeline;

/// <summary>Caps and parallelism of a pipeline run. Defaults suit news pages.</summary>
public sealed record PipelineOptions
{
    /// <summary>Largest input accepted, in bytes (after gunzip). News pages are rarely over 2 MB.</summary>
    public long MaxInputBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Deepest element nesting walked during extraction; deeper content is cut off.</summary>
    public int MaxDepth { get; init; } = 512;

    /// <summary>Wall-clock cap per document across all stages.</summary>
    public TimeSpan MaxTimePerDocument { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Most characters of article text analysed by the language layers.</summary>
    public int MaxTextChars { get; init; } = 1_000_000;

    /// <summary>Worker threads; default: every core.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;
}
