using Wirescope.Documents;

namespace Wirescope.Pipeline;

/// <summary>
/// A pipeline stage: reads the Document as earlier stages left it and adds its own part.
/// Stages are immutable after construction and shared by all worker threads.
/// </summary>
public interface IStage
{
    /// <summary>Short name used in error messages ("extraction", "tagger").</summary>
    string Name { get; }

    /// <summary>Layers that must be present before this stage runs.</summary>
    Layers Requires { get; }

    /// <summary>The layer this stage fills (marked done when it finishes).</summary>
    Layers Assigns { get; }

    /// <summary>Adds this stage's part to <paramref name="doc"/>. Throws only on real failure.</summary>
    void Run(Document doc, CancellationToken cancellationToken);
}

/// <summary>A stage's failure with a stable code (e.g. extract.empty_body).</summary>
public sealed class StageException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
