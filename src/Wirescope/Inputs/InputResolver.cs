using Wirescope.Documents;
using Wirescope.Inputs.Feeds;
using Wirescope.Inputs.Warc;
using Wirescope.Inputs.Web;
using Wirescope.Pipeline;

namespace Wirescope.Inputs;

/// <summary>
/// Turns command-line inputs into pending documents, in a stable order: files as named,
/// directories recursively sorted by path (ordinal), "-" for stdin, http(s) URLs.
/// Nothing is read here; reading happens on the workers. With <see cref="InputOptions.ExpandSources"/>
/// (ingest), WARC archives, feeds and sitemaps (files or URLs, told apart by content) become the
/// documents they hold; a feed or sitemap is read here, its entries are fetched on the workers.
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
                if (options.ExpandSources && urls is ISourceLoader sources)
                {
                    foreach (var p in ExpandUrl(uri, sources, 0)) yield return p;
                }
                else
                {
                    yield return urls is null
                        ? PendingDocument.Failed(input, new InputInfo("url", input, options.Format), ErrorCodes.FetchRefused, $"{input}: URL input is not available in this build")
                        : urls.Pending(uri, options);
                }
            }
            else if (input.Contains("://", StringComparison.Ordinal))
            {
                yield return PendingDocument.Failed(input, new InputInfo("url", input, options.Format), ErrorCodes.FetchRefused,
                    $"{input}: only http and https URLs are read");
            }
            else if (Directory.Exists(input))
            {
                options.OnSource?.Invoke(Path.GetFullPath(input), "dir");
                foreach (var f in EnumerateDirectory(input)) foreach (var p in FromFile(f, named: false)) yield return p;
            }
            else if (File.Exists(input))
            {
                options.OnSource?.Invoke(Path.GetFullPath(input), "file");
                foreach (var p in FromFile(input, named: true)) yield return p;
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

    private IEnumerable<PendingDocument> FromFile(string path, bool named)
    {
        if (options.ExpandSources && options.Format != "jsonl" && SniffFile(path) is { } kind)
        {
            if (kind != SourceKind.Page) return kind == SourceKind.Warc ? WarcFile(path) : FeedFile(path);
            // A .json file is taken only as a JSON Feed, never read as a page. Met in a
            // directory walk, any other JSON (a config, golden test output) is not an input at
            // all; named on the command line, it is a clear per-input failure.
            if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                return !named ? [] : [PendingDocument.Failed(path, new InputInfo("file", path, options.Format), ErrorCodes.InputUnreadable, $"{path}: a .json file that is not a JSON Feed")];
        }
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

    /// <summary>What a file holds, from its name and first bytes; null for ordinary pages.</summary>
    private static SourceKind? SniffFile(string path)
    {
        var lower = path.ToLowerInvariant();
        if (lower.EndsWith(".warc") || lower.EndsWith(".warc.gz")) return SourceKind.Warc;
        if (!(lower.EndsWith(".xml") || lower.EndsWith(".xml.gz") || lower.EndsWith(".rss") || lower.EndsWith(".atom") || lower.EndsWith(".json")
              || lower.EndsWith(".gz"))) return null;
        try
        {
            using var fs = File.OpenRead(path);
            Stream s = fs;
            var magic = new byte[2];
            int got = fs.Read(magic, 0, 2);
            fs.Position = 0;
            if (got == 2 && magic[0] == 0x1f && magic[1] == 0x8b) s = new System.IO.Compression.GZipStream(fs, System.IO.Compression.CompressionMode.Decompress);
            var head = new byte[8192];
            int n = 0, r;
            while (n < head.Length && (r = s.Read(head, n, head.Length - n)) > 0) n += r;
            return SourceSniffer.Detect(head.AsSpan(0, n));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null; // read as a page: the failure is reported there
        }
    }

    private IEnumerable<PendingDocument> WarcFile(string path)
    {
        options.OnSource?.Invoke(Path.GetFullPath(path), "warc");
        return WarcInput.Read(path, options);
    }

    private IEnumerable<PendingDocument> FeedFile(string path)
    {
        byte[] bytes;
        try
        {
            using var fs = File.OpenRead(path);
            bytes = BoundedReader.ReadAll(fs, options.MaxBytes * 4, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or StageException)
        {
            return [PendingDocument.Failed(path, new InputInfo("feed", path, options.Format), ErrorCodes.InputUnreadable, $"{path}: {e.Message}")];
        }
        return ExpandFeed(bytes, path, null, 0);
    }

    /// <summary>Fetches a URL given as a source: a feed or sitemap is expanded, a page becomes one document.</summary>
    private IEnumerable<PendingDocument> ExpandUrl(Uri uri, ISourceLoader loader, int depth)
    {
        var id = uri.AbsoluteUri;
        FetchResult result;
        try
        {
            result = loader.Fetch(uri, CancellationToken.None);
        }
        catch (StageException e)
        {
            return [PendingDocument.Failed(id, new InputInfo("url", id, options.Format), e.Code, e.Message)];
        }
        if (result.NotModified)
            return [PendingDocument.Failed(id, new InputInfo("url", id, options.Format), FetchCodes.NotModified, $"{id}: not modified since the last fetch (HTTP 304)")];
        var body = result.Body;
        if (body.Length > 2 && body[0] == 0x1f && body[1] == 0x8b)
        {
            try
            {
                body = BoundedReader.ReadAll(new MemoryStream(body), options.MaxBytes * 4, id);
            }
            catch (StageException e)
            {
                return [PendingDocument.Failed(id, new InputInfo("url", id, options.Format), e.Code, e.Message)];
            }
        }
        if (SourceSniffer.Detect(body) is SourceKind.Page or SourceKind.Warc)
        {
            options.OnSource?.Invoke(id, "url");
            var page = WebUrlLoader.ToRawPage(result with { Body = body }, options, null);
            return [new PendingDocument(id, new InputInfo("url", id, options.Format), _ => page)];
        }
        return ExpandFeed(body, id, result.FinalUrl, depth);
    }

    private IEnumerable<PendingDocument> ExpandFeed(byte[] bytes, string source, Uri? baseUrl, int depth)
    {
        FeedDocument feed;
        try
        {
            feed = FeedParser.Parse(bytes, baseUrl);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or System.Xml.XmlException)
        {
            return [PendingDocument.Failed(source, new InputInfo("feed", source, options.Format), ErrorCodes.InputUnreadable, $"{source}: not a readable feed or sitemap ({e.Message})")];
        }
        var kind = feed.Kind is SourceKind.Sitemap or SourceKind.SitemapIndex ? "sitemap" : "feed";
        options.OnSource?.Invoke(source, kind);
        return Entries(feed, source, kind, depth);
    }

    private IEnumerable<PendingDocument> Entries(FeedDocument feed, string source, string kind, int depth)
    {
        foreach (var entry in feed.Entries)
        {
            var uri = new Uri(entry.Url);
            if (urls is not ISourceLoader loader)
            {
                yield return PendingDocument.Failed(entry.Url, new InputInfo(kind, entry.Url, options.Format), ErrorCodes.FetchRefused,
                    $"{entry.Url}: listed by {source}, but URL input is not available here");
                continue;
            }
            if (feed.Kind == SourceKind.SitemapIndex)
            {
                if (depth + 1 > options.MaxSitemapDepth)
                {
                    yield return PendingDocument.Failed(entry.Url, new InputInfo(kind, entry.Url, options.Format), ErrorCodes.InputUnreadable,
                        $"{entry.Url}: sitemap indexes nested deeper than {options.MaxSitemapDepth}");
                    continue;
                }
                foreach (var p in ExpandUrl(uri, loader, depth + 1)) yield return p;
                continue;
            }
            if (options.IsKnownUrl?.Invoke(entry.Url) == true)
            {
                yield return PendingDocument.Failed(entry.Url, new InputInfo(kind, entry.Url, options.Format), FetchCodes.AlreadyStored,
                    $"{entry.Url}: listed by {source}, already in the store (not fetched again)");
                continue;
            }
            yield return loader.Pending(uri, options, entry, kind);
        }
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
