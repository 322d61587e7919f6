namespace Wirescope.Inputs;

/// <summary>How inputs are named and read.</summary>
public sealed record InputOptions
{
    /// <summary>auto, html, text or jsonl.</summary>
    public string Format { get; init; } = "auto";

    /// <summary>Largest input read, in bytes after decompression.</summary>
    public long MaxBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>File endings taken from a directory (a named file is always taken).</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [".html", ".htm", ".xhtml", ".txt", ".gz", ".jsonl"];
}
