using System.Collections.Concurrent;

namespace Wirescope.Inputs.Web;

/// <summary>
/// Per-host politeness: at most N requests in flight to a host, and a least interval between
/// the starts of two requests to it. Hosts are independent, so a slow site never holds up others.
/// </summary>
internal sealed class HostGate(int concurrency)
{
    private sealed class Host(int concurrency)
    {
        public readonly SemaphoreSlim Slots = new(concurrency);
        public readonly object Lock = new();
        public DateTimeOffset NextStart = DateTimeOffset.MinValue;
    }

    private readonly ConcurrentDictionary<string, Host> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for a slot and for the host's interval, then returns the slot's releaser.</summary>
    public async Task<IDisposable> EnterAsync(string host, TimeSpan interval, CancellationToken ct)
    {
        var h = _hosts.GetOrAdd(host, _ => new Host(Math.Max(1, concurrency)));
        await h.Slots.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            TimeSpan wait;
            lock (h.Lock)
            {
                var now = DateTimeOffset.UtcNow;
                var start = h.NextStart > now ? h.NextStart : now;
                h.NextStart = start + interval;
                wait = start - now;
            }
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct).ConfigureAwait(false);
            return new Releaser(h.Slots);
        }
        catch
        {
            h.Slots.Release();
            throw;
        }
    }

    private sealed class Releaser(SemaphoreSlim slots) : IDisposable
    {
        private int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) slots.Release();
        }
    }
}
