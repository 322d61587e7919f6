using System.Net;
using Wirescope.Documents;
using Wirescope.Inputs;
using Wirescope.Inputs.Web;
using Wirescope.Pipeline;
using Wirescope.Storage;
using Wirescope.Storage.Ingest;
using Wirescope.Storage.Sqlite;
using Wirescope.Tests.Storage;
using Xunit;

namespace Wirescope.Tests.Inputs;

public sealed class FetcherTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public Task InitializeAsync()
    {
        _server = new TestServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Fast and local: no host delay, short backoff, the test server's loopback address allowed.</summary>
    private static FetcherOptions Local => new()
    {
        AllowPrivate = true,
        MinHostInterval = TimeSpan.Zero,
        RetryBase = TimeSpan.FromMilliseconds(10),
        Timeout = TimeSpan.FromSeconds(10),
        MaxBytes = 100_000,
    };

    private async Task<FetchException> Fails(FetcherOptions options, string path)
    {
        using var f = new WebFetcher(options);
        return await Assert.ThrowsAsync<FetchException>(() => f.FetchAsync(new Uri(_server.Base + path)));
    }

    [Fact]
    public async Task A_page_comes_with_its_charset_and_a_real_user_agent()
    {
        using var f = new WebFetcher(Local);
        var r = await f.FetchAsync(new Uri(_server.Base + "/to-page"));
        Assert.Equal(200, r.Status);
        Assert.Equal("iso-8859-1", r.Charset);
        Assert.EndsWith("/page/7", r.FinalUrl.AbsoluteUri);
        Assert.Contains("Story number 7", System.Text.Encoding.Latin1.GetString(r.Body));
        Assert.StartsWith("Wirescope/0.1", f.Options.UserAgent);
    }

    [Theory]
    [InlineData("/blocked/1", FetchCodes.Robots)]
    [InlineData("/down", FetchCodes.HttpStatus)]
    [InlineData("/gone", FetchCodes.HttpStatus)]
    [InlineData("/loop", FetchCodes.TooManyRedirects)]
    [InlineData("/to-file", ErrorCodes.FetchRefused)]
    [InlineData("/big", ErrorCodes.InputTooLarge)]
    [InlineData("/slow", ErrorCodes.FetchTimeout)]
    public async Task Failures_are_named(string path, string code)
    {
        var e = await Fails(Local with { Timeout = TimeSpan.FromSeconds(path == "/slow" ? 1 : 10) }, path);
        Assert.Equal(code, e.Code);
    }

    [Fact]
    public async Task Service_unavailable_is_retried_before_giving_up()
    {
        await Fails(Local with { MaxRetries = 2 }, "/down");
        Assert.Equal(3, _server.Hits["/down"]);
    }

    [Fact]
    public async Task Too_many_requests_is_retried_after_the_delay_the_server_asks()
    {
        using var f = new WebFetcher(Local);
        var r = await f.FetchAsync(new Uri(_server.Base + "/flaky"));
        Assert.Equal(200, r.Status);
        Assert.Equal(2, _server.Hits["/flaky"]);
    }

    [Fact]
    public async Task Loopback_is_refused_by_default()
    {
        var e = await Fails(Local with { AllowPrivate = false }, "/page/1");
        Assert.Equal(ErrorCodes.FetchRefused, e.Code);
        Assert.False(_server.Hits.ContainsKey("/page/1"));
    }

    [Fact]
    public async Task A_redirect_to_a_private_address_is_refused_at_connect_time()
    {
        // Only the test server's own address is allowed: the hop to 10.255.255.1 is checked
        // again and refused before any connection is made.
        var options = Local with { AllowPrivate = false, AddressPolicy = ip => !ip.Equals(IPAddress.Loopback) };
        var e = await Fails(options, "/to-private");
        Assert.Equal(ErrorCodes.FetchRefused, e.Code);
        Assert.Contains("10.255.255.1", e.Message);
    }

    [Fact]
    public async Task A_refetch_is_conditional_and_an_unchanged_page_is_not_downloaded_again()
    {
        var cache = new MemoryValidators();
        using var f = new WebFetcher(Local, cache);
        var first = await f.FetchAsync(new Uri(_server.Base + "/page/9"));
        Assert.Equal("\"v9\"", first.ETag);
        var second = await f.FetchAsync(new Uri(_server.Base + "/page/9"));
        Assert.True(second.NotModified);
    }

    [Fact]
    public async Task Requests_to_one_host_keep_their_distance()
    {
        using var f = new WebFetcher(Local with { MinHostInterval = TimeSpan.FromMilliseconds(150) });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(20, 4).Select(i => f.FetchAsync(new Uri($"{_server.Base}/page/{i}"))));
        // Five requests (robots.txt + four pages) start at least 150 ms apart: four gaps.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(450), $"took {clock.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public void Feeds_and_sitemap_indexes_are_ingested_with_their_entries_and_a_rerun_adds_nothing()
    {
        using var tmp = new TestDocs.TempDb();
        IngestSummary Run()
        {
            using var store = SqliteStore.Open(tmp.Path);
            using var fetcher = new WebFetcher(Local, new StoreValidatorCache(store));
            var options = new InputOptions
            {
                ExpandSources = true, Extensions = InputOptions.SourceExtensions, OnSource = store.TouchSource,
                IsKnownUrl = url => UrlCanonicalizer.Default.Canonicalize(url) is { } c && store.FindByUrl(c) is not null,
            };
            var resolver = new InputResolver(options, new WebUrlLoader(fetcher));
            var pending = resolver.Resolve([_server.Base + "/feed.xml", _server.Base + "/sitemap.xml.gz"]);
            var pipeline = StandardPipeline.Build(Layers.Article, new PipelineOptions { Jobs = 2 });
            return new IngestRunner(store, pipeline).Run(pending);
        }
        var first = Run();
        Assert.True(first.Added == 5, string.Join("; ", first.FirstFailures.Select(f => f.Input + " " + f.Reason)));
        Assert.Equal(1, first.Failed); // the robots-blocked entry
        Assert.Contains(first.FirstFailures, f => f.Reason!.StartsWith(FetchCodes.Robots));
        var second = Run();
        Assert.Equal(0, second.Added);
        Assert.Equal(5, second.Duplicates);
        using var check = SqliteStore.Open(tmp.Path);
        Assert.Equal(5, check.Stats().Articles);
        Assert.True(check.Stats().Sources >= 4);
        Assert.Contains(check.IngestLog(), l => l.Reason == "already stored, not read again" && l.OfArticle is not null);
        // Known entries are not fetched again; the feed itself is asked conditionally.
        Assert.Equal(1, _server.Hits["/page/1"]);
        Assert.Equal(2, _server.Hits["/feed.xml"]);
    }

    [Fact]
    public void A_page_url_given_again_is_asked_conditionally_and_logged_as_a_duplicate()
    {
        using var tmp = new TestDocs.TempDb();
        IngestSummary Run()
        {
            using var store = SqliteStore.Open(tmp.Path);
            using var fetcher = new WebFetcher(Local, new StoreValidatorCache(store));
            var options = new InputOptions { ExpandSources = true, OnSource = store.TouchSource };
            var pending = new InputResolver(options, new WebUrlLoader(fetcher)).Resolve([_server.Base + "/page/11"]);
            return new IngestRunner(store, StandardPipeline.Build(Layers.Article, new PipelineOptions { Jobs = 1 })).Run(pending);
        }
        Assert.Equal(1, Run().Added);
        Assert.Equal(1, Run().Duplicates);
        using var check = SqliteStore.Open(tmp.Path);
        Assert.Contains(check.IngestLog(), l => l.Reason == "not modified since the last fetch" && l.OfArticle is not null);
    }

    private sealed class MemoryValidators : IValidatorCache
    {
        private readonly Dictionary<string, (string?, string?)> _d = new();
        public (string? ETag, string? LastModified)? Get(string url) => _d.TryGetValue(url, out var v) ? v : null;
        public void Put(string url, string? etag, string? lastModified, DateTimeOffset fetchedAt) => _d[url] = (etag, lastModified);
    }
}
