namespace Bot.Discord.RateLimits;

/// <summary>
/// Discord's global limit (50 requests per second by default). A slot is taken before a request and returned one window
/// after its response arrived, so no window on Discord's side can ever see more than the limit, whatever the latency.
/// A 429 with <c>global: true</c> closes the gate until its <c>retry_after</c>.
/// </summary>
internal sealed class GlobalRateLimiter : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private long _blockedUntilTicks;

    public GlobalRateLimiter(int limit, TimeSpan window, TimeProvider time)
    {
        _slots = new SemaphoreSlim(limit, limit);
        _window = window;
        _time = time;
    }

    public async ValueTask AcquireAsync(CancellationToken ct)
    {
        await _slots.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var wait = new DateTimeOffset(Interlocked.Read(ref _blockedUntilTicks), TimeSpan.Zero) - _time.GetUtcNow();
                if (wait <= TimeSpan.Zero)
                {
                    return;
                }

                await Task.Delay(wait, _time, ct).ConfigureAwait(false);
            }
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>Returns the slot one window from now; a global 429 also blocks everyone until <paramref name="blockedUntil"/>.</summary>
    public void Release(DateTimeOffset? blockedUntil)
    {
        if (blockedUntil is { } until)
        {
            Block(until);
        }

        var timer = new TimerHolder(_slots, _time, _time.GetUtcNow() + _window);
        timer.Start(_window);
    }

    /// <summary>Closes the gate until <paramref name="until"/> (never shortens a longer block).</summary>
    public void Block(DateTimeOffset until)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref _blockedUntilTicks);
            if (until.UtcTicks <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _blockedUntilTicks, until.UtcTicks, current) != current);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class TimerHolder(SemaphoreSlim slots, TimeProvider time, DateTimeOffset releaseAt)
    {
        private ITimer? _timer;

        public void Start(TimeSpan due)
        {
            _timer?.Dispose();
            _timer = time.CreateTimer(static state => ((TimerHolder)state!).Fire(), this, due, Timeout.InfiniteTimeSpan);
        }

        private void Fire()
        {
            // Timers tick in whole milliseconds and may fire a little early; the slot must not return before its time.
            var early = releaseAt - time.GetUtcNow();
            if (early > TimeSpan.Zero)
            {
                Start(early + TimeSpan.FromMilliseconds(1));
                return;
            }

            try
            {
                slots.Release();
            }
            catch (ObjectDisposedException)
            {
                // The client was disposed while the window was still open; nothing waits any more.
            }

            _timer?.Dispose();
        }
    }
}
