using Wirescope.Documents;

namespace Wirescope.Pipeline;

/// <summary>
/// A document named by an input source but not yet read: reading (file I/O, a fetch, a
/// gunzip) runs on a worker, so it overlaps with analysis of earlier documents.
/// </summary>
public sealed record PendingDocument(string Id, InputInfo Input, Func<CancellationToken, RawPage> Load)
{
    /// <summary>A document that failed before it could be read (bad path, refused URL).</summary>
    public static PendingDocument Failed(string id, InputInfo input, string code, string message) =>
        new(id, input, _ => throw new StageException(code, message));
}
