using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Wirescope.Tests.Inputs;

/// <summary>
/// Kestrel on 127.0.0.1 (port 0) serving what the fetcher meets in the wild: pages with
/// ETags, robots.txt, a feed, a gzipped sitemap index, 429 then success, 503, slow and large
/// bodies, redirect loops and redirects to other schemes and private addresses.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    public ConcurrentDictionary<string, int> Hits { get; } = new();
    public string Base { get; }

    public TestServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Use(async (ctx, next) =>
        {
            Hits.AddOrUpdate(ctx.Request.Path.Value ?? "", 1, (_, n) => n + 1);
            await next();
        });
        _app.MapGet("/robots.txt", () => "User-agent: *\nDisallow: /blocked/\n");
        _app.MapGet("/page/{n}", (HttpContext ctx, string n) =>
        {
            var etag = $"\"v{n}\"";
            if (ctx.Request.Headers.IfNoneMatch.ToString() == etag) return Results.StatusCode(304);
            ctx.Response.Headers.ETag = etag;
            var html = $"<html><head><title>Page {n}</title></head><body><p>Story number {n} is about the harbour, déjà vu.</p><p>Unique words {n} {n}{n} {n}{n}{n}.</p></body></html>";
            return Results.Bytes(Encoding.Latin1.GetBytes(html), "text/html; charset=iso-8859-1");
        });
        _app.MapGet("/blocked/{n}", () => "secret");
        _app.MapGet("/feed.xml", (HttpContext ctx) => Results.Text(Feed(BaseOf(ctx)), "application/rss+xml"));
        _app.MapGet("/sitemap.xml.gz", (HttpContext ctx) => Results.Bytes(Gzip(
            $"<sitemapindex><sitemap><loc>{BaseOf(ctx)}/sitemap-1.xml</loc></sitemap></sitemapindex>"), "application/x-gzip"));
        _app.MapGet("/sitemap-1.xml", (HttpContext ctx) => Results.Text(
            $"<urlset><url><loc>{BaseOf(ctx)}/page/4</loc></url><url><loc>{BaseOf(ctx)}/page/5</loc></url></urlset>", "application/xml"));
        _app.MapGet("/flaky", (HttpContext ctx) =>
        {
            if (Hits["/flaky"] == 1)
            {
                ctx.Response.Headers.RetryAfter = "0";
                return Results.StatusCode(429);
            }
            return Results.Text("<p>finally</p>", "text/html");
        });
        _app.MapGet("/down", () => Results.StatusCode(503));
        _app.MapGet("/gone", () => Results.StatusCode(404));
        _app.MapGet("/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            return Results.Text("late");
        });
        _app.MapGet("/big", () => Results.Bytes(new byte[300_000], "text/html"));
        _app.MapGet("/loop", () => Results.Redirect("/loop"));
        _app.MapGet("/to-file", () => Results.Redirect("file:///etc/passwd"));
        // 10.255.255.1: a private address; the fetcher must refuse it before connecting.
        _app.MapGet("/to-private", () => Results.Redirect("http://10.255.255.1/page/1"));
        _app.MapGet("/to-page", () => Results.Redirect("/page/7"));
        _app.StartAsync().GetAwaiter().GetResult();
        Base = _app.Urls.First().TrimEnd('/');
    }

    private static string BaseOf(HttpContext ctx) => $"{ctx.Request.Scheme}://{ctx.Request.Host}";

    private static string Feed(string b) => $"""
        <rss version="2.0"><channel><title>Test feed</title>
          <item><title>One</title><link>{b}/page/1</link><pubDate>Fri, 26 Apr 2019 10:05:00 GMT</pubDate><author>x@y (Ann Author)</author></item>
          <item><title>Two</title><link>{b}/page/2</link></item>
          <item><title>Three</title><link>{b}/page/3</link></item>
          <item><title>Blocked</title><link>{b}/blocked/1</link></item>
        </channel></rss>
        """;

    private static byte[] Gzip(string s)
    {
        var ms = new MemoryStream();
        using (var z = new GZipStream(ms, CompressionLevel.Fastest, true)) z.Write(Encoding.UTF8.GetBytes(s));
        return ms.ToArray();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
