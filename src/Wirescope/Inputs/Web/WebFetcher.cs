using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Wirescope.Documents;

namespace Wirescope.Inputs.Web;

/// <summary>
/// The polite fetcher: robots.txt honoured (cached per origin), per-host rate limit and
/// concurrency, retries with backoff on 429/5xx (Retry-After honoured), conditional requests
/// from remembered validators, size and time caps, redirects followed by hand so each hop is
/// checked, http(s) only, and private addresses refused at connect time unless allowed.
/// Thread-safe; one instance serves a whole run.
/// </summary>
public sealed class WebFetcher : IDisposable
{
    private readonly FetcherOptions _options;
    private readonly IValidatorCache? _validators;
    private readonly HttpClient _client;
    private readonly HostGate _gate;
    private readonly ConcurrentDictionary<string, Lazy<Task<RobotsTxt>>> _robots = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _productToken;

    public WebFetcher(FetcherOptions options, IValidatorCache? validators = null)
    {
        _options = options;
        _validators = validators;
        _gate = new HostGate(options.PerHostConcurrency);
        _productToken = options.UserAgent.Split('/', ' ')[0];
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,
            // No proxy: through one, ConnectCallback would vet the proxy's address instead of
            // the target's, and the SSRF guard would be bypassed.
            UseProxy = false,
            ConnectTimeout = TimeSpan.FromSeconds(15),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = Math.Max(1, options.PerHostConcurrency),
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,application/atom+xml,application/json;q=0.8,*/*;q=0.5");
    }

    public FetcherOptions Options => _options;

    /// <summary>Fetches <paramref name="url"/>. With <paramref name="conditional"/>, sends the remembered
    /// validators and returns <see cref="FetchResult.NotModified"/> on 304. Throws <see cref="FetchException"/>.</summary>
    public async Task<FetchResult> FetchAsync(Uri url, bool conditional = true, CancellationToken ct = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            return await FetchCoreAsync(url, conditional, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new FetchException(ErrorCodes.FetchTimeout, $"{url}: no complete answer within {_options.Timeout.TotalSeconds:0.#} s");
        }
    }

    private async Task<FetchResult> FetchCoreAsync(Uri url, bool conditional, CancellationToken ct)
    {
        var current = url;
        for (int hop = 0; hop <= _options.MaxRedirects; hop++)
        {
            CheckUrl(current);
            if (_options.RespectRobots && !await AllowedByRobotsAsync(current, ct).ConfigureAwait(false))
                throw new FetchException(FetchCodes.Robots, $"{current}: disallowed by robots.txt");
            var validators = conditional && hop == 0 ? _validators?.Get(url.AbsoluteUri) : null;
            using var response = await SendWithRetriesAsync(current, validators, ct).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && status != 304)
            {
                var location = response.Headers.Location
                    ?? throw new FetchException(ErrorCodes.FetchFailed, $"{current}: HTTP {status} without a Location");
                current = location.IsAbsoluteUri ? location : new Uri(current, location);
                continue;
            }
            var fetchedAt = DateTimeOffset.UtcNow;
            if (status == 304)
                return new FetchResult(url, current, 304, [], null, null, null, null, fetchedAt, NotModified: true);
            if (status is < 200 or >= 300)
                throw new FetchException(FetchCodes.HttpStatus, $"{current}: HTTP {status} {response.ReasonPhrase}");
            var body = await ReadCappedAsync(response, current, ct).ConfigureAwait(false);
            var etag = response.Headers.ETag?.ToString();
            var lastModified = response.Content.Headers.LastModified?.ToString("r", CultureInfo.InvariantCulture);
            if (etag is not null || lastModified is not null) _validators?.Put(url.AbsoluteUri, etag, lastModified, fetchedAt);
            var contentType = response.Content.Headers.ContentType;
            return new FetchResult(url, current, status, body, contentType?.ToString(), contentType?.CharSet?.Trim('"').ToLowerInvariant(),
                etag, lastModified, fetchedAt, NotModified: false);
        }
        throw new FetchException(FetchCodes.TooManyRedirects, $"{url}: more than {_options.MaxRedirects} redirects");
    }

    private static void CheckUrl(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
            throw new FetchException(ErrorCodes.FetchRefused, $"{url}: only http and https URLs are fetched");
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(Uri url, (string? ETag, string? LastModified)? validators, CancellationToken ct)
    {
        for (int attempt = 0; ; attempt++)
        {
            HttpResponseMessage? response = null;
            Exception? failure = null;
            using (await _gate.EnterAsync(HostKey(url), await IntervalAsync(url, ct).ConfigureAwait(false), ct).ConfigureAwait(false))
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (validators is { } v)
                {
                    if (v.ETag is not null && EntityTagHeaderValue.TryParse(v.ETag, out var tag)) request.Headers.IfNoneMatch.Add(tag);
                    if (v.LastModified is not null && DateTimeOffset.TryParse(v.LastModified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var lm))
                        request.Headers.IfModifiedSince = lm;
                }
                try
                {
                    response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
                }
                catch (HttpRequestException e)
                {
                    if (FindRefusal(e) is { } refused) throw refused;
                    failure = e;
                }
            }
            int status = response is null ? 0 : (int)response.StatusCode;
            bool retryable = failure is not null || status is 429 or 500 or 502 or 503 or 504;
            if (!retryable) return response!;
            if (attempt >= _options.MaxRetries)
            {
                if (response is not null) return response; // the caller reports the status
                throw new FetchException(ErrorCodes.FetchFailed, $"{url}: {failure!.Message}", failure);
            }
            var delay = RetryDelay(response, attempt);
            response?.Dispose();
            if (delay > _options.MaxRetryDelay)
                throw new FetchException(ErrorCodes.FetchFailed, $"{url}: HTTP {status}, retry asked after {delay.TotalSeconds:0} s (over the cap)");
            await Task.Delay(delay, ct).ConfigureAwait(false);
        }
    }

    private TimeSpan RetryDelay(HttpResponseMessage? response, int attempt)
    {
        if (response?.Headers.RetryAfter is { } ra)
        {
            if (ra.Delta is { } delta) return delta;
            if (ra.Date is { } date) return date - DateTimeOffset.UtcNow is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero;
        }
        return _options.RetryBase * Math.Pow(2, attempt);
    }

    private async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, Uri url, CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength is { } declared && declared > _options.MaxBytes)
            throw new FetchException(ErrorCodes.InputTooLarge, $"{url}: {declared:N0} bytes, over the cap of {_options.MaxBytes:N0}");
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var ms = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            if (ms.Length + n > _options.MaxBytes)
                throw new FetchException(ErrorCodes.InputTooLarge, $"{url}: body over the cap of {_options.MaxBytes:N0} bytes");
            ms.Write(buffer, 0, n);
        }
        return ms.ToArray();
    }

    private static string HostKey(Uri url) => url.IsDefaultPort ? url.IdnHost : $"{url.IdnHost}:{url.Port}";

    private async Task<TimeSpan> IntervalAsync(Uri url, CancellationToken ct)
    {
        if (!_options.RespectRobots) return _options.MinHostInterval;
        var robots = await RobotsForAsync(url, ct).ConfigureAwait(false);
        var delay = robots.CrawlDelay(_productToken) ?? TimeSpan.Zero;
        if (delay > _options.MaxCrawlDelay) delay = _options.MaxCrawlDelay;
        return delay > _options.MinHostInterval ? delay : _options.MinHostInterval;
    }

    private async Task<bool> AllowedByRobotsAsync(Uri url, CancellationToken ct)
    {
        if (url.AbsolutePath == "/robots.txt") return true;
        var robots = await RobotsForAsync(url, ct).ConfigureAwait(false);
        return robots.IsAllowed(_productToken, url.PathAndQuery);
    }

    private Task<RobotsTxt> RobotsForAsync(Uri url, CancellationToken ct)
    {
        var origin = $"{url.Scheme}://{HostKey(url)}";
        var lazy = _robots.GetOrAdd(origin, o => new Lazy<Task<RobotsTxt>>(() => LoadRobotsAsync(new Uri(o + "/robots.txt"))));
        return lazy.Value.WaitAsync(ct);
    }

    /// <summary>RFC 9309: 4xx means no rules; 5xx or no answer means "assume everything disallowed".</summary>
    private async Task<RobotsTxt> LoadRobotsAsync(Uri robotsUrl)
    {
        using var cts = new CancellationTokenSource(_options.Timeout);
        try
        {
            var current = robotsUrl;
            for (int hop = 0; hop <= 5; hop++)
            {
                CheckUrl(current);
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } loc)
                {
                    current = loc.IsAbsoluteUri ? loc : new Uri(current, loc);
                    continue;
                }
                if (status is >= 400 and < 500) return RobotsTxt.AllowAll;
                if (status is < 200 or >= 300) return RobotsTxt.DisallowAll;
                await using var s = await response.Content.ReadAsStreamAsync(cts.Token).ConfigureAwait(false);
                var buffer = new byte[RobotsTxt.MaxBytes];
                int total = 0, n;
                while (total < buffer.Length && (n = await s.ReadAsync(buffer.AsMemory(total), cts.Token).ConfigureAwait(false)) > 0) total += n;
                return RobotsTxt.Parse(System.Text.Encoding.UTF8.GetString(buffer, 0, total));
            }
            return RobotsTxt.AllowAll; // RFC 9309: more than five redirects means "no robots.txt"
        }
        catch (HttpRequestException e) when (FindRefusal(e) is { } refused)
        {
            throw refused; // the host itself is refused: say so, not "disallowed by robots.txt"
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or FetchException)
        {
            return RobotsTxt.DisallowAll;
        }
    }

    /// <summary>Connect-time address check: every resolved address is vetted, and only vetted ones are dialled.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
        var forbidden = _options.AddressPolicy ?? AddressGuard.IsForbidden;
        var allowed = _options.AllowPrivate ? addresses : addresses.Where(a => !forbidden(a)).ToArray();
        if (allowed.Length == 0)
            throw new AddressRefusedException($"{host} resolves only to loopback, link-local or private addresses ({string.Join(", ", addresses.Select(a => a.ToString()))}); use --allow-private to fetch it");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static FetchException? FindRefusal(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is AddressRefusedException r) return new FetchException(ErrorCodes.FetchRefused, r.Message);
        return null;
    }

    private sealed class AddressRefusedException(string message) : IOException(message);

    public void Dispose() => _client.Dispose();
}
