namespace Bot.Discord.Gateway;

/// <summary>
/// Discord closes a connection (4008) that sends more than 120 events in 60 seconds. One limiter per connection keeps
/// the sends inside that window; a send that would pass it waits until the oldest send leaves the window.
/// </summary>
internal sealed class GatewaySendLimiter
{
    /// <summary>Events allowed per window (Discord's documented figure).</summary>
    public const int Limit = 120;

    /// <summary>The window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly TimeProvider _time;
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly Lock _lock = new();

    public GatewaySendLimiter(TimeProvider time) => _time = time;

    /// <summary>How long the next send must wait (zero when it may go now); a zero answer records the send.</summary>
    public TimeSpan TryTake()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            while (_sent.Count > 0 && now - _sent.Peek() >= Window)
            {
                _sent.Dequeue();
            }

            if (_sent.Count < Limit)
            {
                _sent.Enqueue(now);
                return TimeSpan.Zero;
            }

            return _sent.Peek() + Window - now;
        }
    }

    /// <summary>Waits for a place in the window, then records the send.</summary>
    public async Task WaitAsync(CancellationToken ct)
    {
        for (var wait = TryTake(); wait > TimeSpan.Zero; wait = TryTake())
        {
            await Task.Delay(wait, _time, ct).ConfigureAwait(false);
        }
    }
}
