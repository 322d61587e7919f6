using System.IO.Compression;
using System.Text;
using Wirescope.Inputs;
using Wirescope.Inputs.Warc;
using Xunit;

namespace Wirescope.Tests.Inputs;

public class WarcReaderTests
{
    private static string WriteWarc(bool gzip, Action<WarcWriter> records, byte[]? tail = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"wirescope-{Guid.NewGuid():N}.warc" + (gzip ? ".gz" : ""));
        using (var fs = File.Create(path))
        {
            records(new WarcWriter(fs, gzip));
            if (tail is not null) fs.Write(tail);
        }
        return path;
    }

    private static void Standard(WarcWriter w)
    {
        w.Record("warcinfo", null, "application/warc-fields", "software: test\r\n"u8.ToArray());
        w.Record("request", "https://a.example/1", "application/http; msgtype=request", "GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n"u8.ToArray());
        w.Response("https://a.example/1", WarcWriter.Page("One", "First story."));
        w.Record("metadata", "https://a.example/1", "application/warc-fields", "fetchTimeMs: 12\r\n"u8.ToArray());
        w.Record("revisit", "https://a.example/1", "application/http; msgtype=response", "HTTP/1.1 200 OK\r\n\r\n"u8.ToArray());
        w.Response("https://a.example/img.png", "", "image/png", body: [0x89, 0x50, 0x4e, 0x47]);
        w.Response("https://a.example/moved", "", "text/html", 301, "Location: https://a.example/1\r\n");
        w.Response("https://b.example/2", WarcWriter.Page("Deux", "Été à Paris."), "text/html; charset=ISO-8859-1",
            body: Encoding.Latin1.GetBytes(WarcWriter.Page("Deux", "Été à Paris.")));
        var gz = new MemoryStream();
        using (var z = new GZipStream(gz, CompressionLevel.Fastest, true)) z.Write(Encoding.UTF8.GetBytes(WarcWriter.Page("Three", "Zipped body.")));
        var chunkedBody = Encoding.ASCII.GetBytes($"{gz.Length:x}\r\n").Concat(gz.ToArray()).Concat("\r\n0\r\n\r\n"u8.ToArray()).ToArray();
        w.Response("https://c.example/3", "", "text/html", extraHeaders: "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", body: chunkedBody);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Only_page_responses_become_documents_with_uri_charset_and_date(bool gzip)
    {
        var path = WriteWarc(gzip, Standard);
        try
        {
            var docs = WarcInput.Read(path, new InputOptions()).ToList();
            Assert.Equal(["https://a.example/1", "https://b.example/2", "https://c.example/3"], docs.Select(d => d.Id));
            var pages = docs.Select(d => d.Load(CancellationToken.None)).ToList();
            Assert.All(pages, p => Assert.Equal(new DateTimeOffset(2019, 4, 26, 1, 2, 3, TimeSpan.Zero), p.FetchedAt));
            Assert.Equal("iso-8859-1", pages[1].Charset);
            Assert.Equal("https://b.example/2", pages[1].Url);
            Assert.Contains("Été", Encoding.Latin1.GetString(pages[1].Bytes.Span));
            Assert.Contains("Zipped body.", Encoding.UTF8.GetString(pages[2].Bytes.Span));
            Assert.All(docs, d => Assert.Equal("warc", d.Input.Kind));
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData(false, 25, true)]
    [InlineData(true, 25, true)]
    [InlineData(false, 200, true)]
    [InlineData(true, 7, false)] // a gzip header cut before its end reads as the end of the stream
    public void A_truncated_tail_keeps_the_whole_records_and_reports_the_cut(bool gzip, int cut, bool reported)
    {
        var full = WriteWarc(gzip, Standard);
        var bytes = File.ReadAllBytes(full);
        File.Delete(full);
        // Append a record, then cut it: the earlier records must survive.
        var extra = new MemoryStream();
        new WarcWriter(extra, gzip).Response("https://d.example/4", WarcWriter.Page("Four", new string('x', 500)));
        var path = Path.Combine(Path.GetTempPath(), $"wirescope-{Guid.NewGuid():N}.warc");
        File.WriteAllBytes(path, bytes.Concat(extra.ToArray().Take(Math.Min(cut, (int)extra.Length - 1))).ToArray());
        try
        {
            var docs = WarcInput.Read(path, new InputOptions()).ToList();
            Assert.Equal(["https://a.example/1", "https://b.example/2", "https://c.example/3"], docs.Take(3).Select(d => d.Id));
            Assert.Equal(reported ? 4 : 3, docs.Count);
            if (!reported) return;
            var e = Assert.Throws<Wirescope.Pipeline.StageException>(() => docs[3].Load(CancellationToken.None));
            Assert.Equal(WarcCodes.Truncated, e.Code);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Records_already_stored_are_not_read_again()
    {
        var path = WriteWarc(true, Standard);
        try
        {
            var options = new InputOptions { IsKnownUrl = url => url == "https://b.example/2" };
            var docs = WarcInput.Read(path, options).ToList();
            Assert.Equal(3, docs.Count);
            Assert.Equal(Wirescope.Inputs.Web.FetchCodes.AlreadyStored, Assert.Throws<Wirescope.Pipeline.StageException>(() => docs[1].Load(default)).Code);
            Assert.NotNull(docs[2].Load(default).Url);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Garbage_is_reported_not_thrown()
    {
        var path = Path.Combine(Path.GetTempPath(), $"wirescope-{Guid.NewGuid():N}.warc");
        File.WriteAllText(path, "this is not a warc file\r\n\r\n");
        try
        {
            var doc = Assert.Single(WarcInput.Read(path, new InputOptions()));
            Assert.Equal(WarcCodes.Truncated, Assert.Throws<Wirescope.Pipeline.StageException>(() => doc.Load(default)).Code);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Records_larger_than_the_cap_are_skipped_without_buffering()
    {
        var path = WriteWarc(false, w =>
        {
            w.Response("https://big.example/", WarcWriter.Page("Big", new string('y', 10_000)));
            w.Response("https://small.example/", WarcWriter.Page("Small", "ok"));
        });
        try
        {
            var docs = WarcInput.Read(path, new InputOptions { MaxBytes = 2_000 }).ToList();
            Assert.Equal(2, docs.Count);
            Assert.Equal(Wirescope.Documents.ErrorCodes.InputTooLarge, Assert.Throws<Wirescope.Pipeline.StageException>(() => docs[0].Load(default)).Code);
            Assert.Equal("https://small.example/", docs[1].Load(default).Url);
        }
        finally { File.Delete(path); }
    }
}
