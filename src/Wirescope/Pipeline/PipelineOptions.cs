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

    /// <summary>
    /// Worker threads; default: every core plus one. A worker also waits (reading and unzipping
    /// its input, handing its result to the ordered output), and one extra worker keeps the cores
    /// busy meanwhile: on 2 cores, 1,980 pages with `--layers article` took 3.84 s wall with 3
    /// workers against 4.01 s with 2, and every layer on 840 articles 6.81 s against 7.06 s
    /// (medians of 3, same CPU time). `annotate` reads no pages and gains nothing from it.
    /// </summary>
    public static int DefaultJobs => Environment.ProcessorCount + 1;

    /// <summary>
    /// How the language layer parses (`--parser`; AsLoaded = the shipped default).
    /// </summary>
    public Wirescope.Language.ParserMode Parser { get; init; }

    /// <summary>Worker threads (<see cref="DefaultJobs"/> unless set).</summary>
    public int Jobs { get; init; } = DefaultJobs;
}
