using Wirescope.Documents;
using Wirescope.Pipeline;

namespace Wirescope.Inputs;

/// <summary>
/// Turns command-line inputs into pending documents, in a stable order: files as named,
/// directories recursively sorted by path (ordinal), "-" for stdin, http(s) URLs.
/// Nothing is read here; reading happens on the workers.
/// </summary>
public sealed class InputResolver(InputOptions options, IUrlLoader? urls = null)
{
    public IEnumerable<PendingDocument> Resolve(IEnumerable<string> inputs, TextReader? stdin = null, Stream? stdinBytes = null)
    {
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                foreach (var p in FromStdin(stdin, stdinBytes)) yield return p;
            }
            else if (Uri.TryCreate(input, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                yield return urls is null
                    ? PendingDocument.Failed(input, new InputInfo("url", input, options.Format), ErrorCodes.FetchRefused, $"{input}: URL input is not available in this build")
                    : urls.Pending(uri, options);
            }
            else if (input.Contains("://", StringComparison.Ordinal))
            {
                yield return PendingDocument.Failed(input, new InputInfo("url", input, options.Format), ErrorCodes.FetchRefused,
                    $"{input}: only http and https URLs are read");
            }
            else if (Directory.Exists(input))
            {
                foreach (var f in EnumerateDirectory(input)) foreach (var p in FromFile(f)) yield return p;
            }
            else if (File.Exists(input))
            {
                foreach (var p in FromFile(input)) yield return p;
            }
            else
            {
                yield return PendingDocument.Failed(input, new InputInfo("file", input, options.Format), ErrorCodes.InputNotFound,
                    $"{input}: no such file or directory");
            }
        }
    }

    /// <summary>Files under a directory with a known ending, sorted ordinally by relative path.</summary>
    public IEnumerable<string> EnumerateDirectory(string dir)
    {
        var files = Directory.EnumerateFiles(dir, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden })
            .Where(f => options.Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private IEnumerable<PendingDocument> FromFile(string path)
    {
        bool jsonl = options.Format == "jsonl" || (options.Format == "auto" && (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase)));
        if (jsonl)
        {
            // jsonl files are read line by line in the producer: each line is a document.
            Stream s;
            try
            {
                s = File.OpenRead(path);
                if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) s = new System.IO.Compression.GZipStream(s, System.IO.Compression.CompressionMode.Decompress);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return [PendingDocument.Failed(path, new InputInfo("jsonl", path, "jsonl"), ErrorCodes.InputUnreadable, $"{path}: {e.Message}")];
            }
            return ReadJsonl(s, path);
        }
        var info = new InputInfo("file", path, options.Format);
        return [new PendingDocument(path, info, _ => LoadFile(path))];
    }

    private static IEnumerable<PendingDocument> ReadJsonl(Stream s, string path)
    {
        using var reader = new StreamReader(s, System.Text.Encoding.UTF8);
        foreach (var p in JsonlInput.Read(reader, path)) yield return p;
    }

    private RawPage LoadFile(string path)
    {
        try
        {
            using var fs = File.OpenRead(path);
            var bytes = BoundedReader.ReadAll(fs, options.MaxBytes, path);
            return new RawPage
            {
                Bytes = bytes,
                Format = options.Format,
                FetchedAt = File.GetLastWriteTimeUtc(path),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StageException(ErrorCodes.InputUnreadable, $"{path}: {e.Message}");
        }
    }

    private IEnumerable<PendingDocument> FromStdin(TextReader? stdin, Stream? stdinBytes)
    {
        if (options.Format == "jsonl")
        {
            foreach (var p in JsonlInput.Read(stdin ?? Console.In, "-")) yield return p;
            yield break;
        }
        var info = new InputInfo("stdin", "-", options.Format);
        var stream = stdinBytes ?? Console.OpenStandardInput();
        yield return new PendingDocument("-", info, _ => new RawPage
        {
            Bytes = BoundedReader.ReadAll(stream, options.MaxBytes, "stdin"),
            Format = options.Format,
            FetchedAt = DateTimeOffset.UtcNow,
        });
    }
}

/// <summary>Fetches URLs for analyze/ingest (implemented by the fetcher in Inputs/Web).</summary>
public interface IUrlLoader
{
    PendingDocument Pending(Uri url, InputOptions options);
}
