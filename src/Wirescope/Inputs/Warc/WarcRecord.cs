namespace Wirescope.Inputs.Warc;

/// <summary>
/// One WARC record: its type, named headers, and its block (kept only for records the caller
/// asked for; others are skipped without being buffered). <see cref="Offset"/> is the record's
/// position in the uncompressed stream, for error messages.
/// </summary>
public sealed class WarcRecord
{
    public required string Type { get; init; }
    public required IReadOnlyDictionary<string, string> Headers { get; init; }
    public byte[]? Block { get; init; }
    public long Offset { get; init; }
    public long ContentLength { get; init; }

    public string? TargetUri => Headers.TryGetValue("WARC-Target-URI", out var v) ? v.Trim('<', '>', ' ') : null;
    public string? Date => Headers.TryGetValue("WARC-Date", out var v) ? v : null;
    public string? ContentType => Headers.TryGetValue("Content-Type", out var v) ? v : null;
}
