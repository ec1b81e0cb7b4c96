using System.Collections.Concurrent;

namespace Bot.Library.Sources;

/// <summary>At most one request at a time per host: publishers are polled politely, whatever the source count.</summary>
internal sealed class HostGate
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IDisposable> EnterAsync(Uri url, CancellationToken ct)
    {
        var gate = _hosts.GetOrAdd(url.Authority, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct).ConfigureAwait(false);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
