using System.Collections.Concurrent;

namespace Bot.Slack.Api;

/// <summary>
/// Spaces sends to the same key (a channel or webhook) by an interval, while different keys proceed in parallel.
/// Slack allows about one message per second per channel; a 429's Retry-After pushes the key's next slot back.
/// </summary>
public sealed class ChannelPacer
{
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>Creates a pacer on <paramref name="time"/>.</summary>
    public ChannelPacer(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>Waits until <paramref name="key"/> may send, and books the slot after it (<paramref name="interval"/> later).</summary>
    public async Task WaitTurnAsync(string key, TimeSpan interval, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var lane = _lanes.GetOrAdd(key, static _ => new Lane());
        await lane.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            var started = now;
            for (var wait = Remaining(lane, now); wait > TimeSpan.Zero; wait = Remaining(lane, now))
            {
                // A 429 seen meanwhile may push the slot back again, hence the loop.
                await Task.Delay(wait, _time, ct).ConfigureAwait(false);
                now = _time.GetUtcNow();
            }

            Bot.Core.Diagnostics.BotMetrics.RateLimitWaited("slack", now - started);

            lock (lane)
            {
                if (now + interval > lane.NextAllowed)
                {
                    lane.NextAllowed = now + interval;
                }
            }
        }
        finally
        {
            lane.Gate.Release();
        }
    }

    /// <summary>After a 429: <paramref name="key"/> may not send again before <paramref name="retryAfter"/> from now.</summary>
    public void Defer(string key, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(key);
        var lane = _lanes.GetOrAdd(key, static _ => new Lane());
        var until = _time.GetUtcNow() + retryAfter;
        lock (lane)
        {
            if (until > lane.NextAllowed)
            {
                lane.NextAllowed = until;
            }
        }
    }

    private static TimeSpan Remaining(Lane lane, DateTimeOffset now)
    {
        lock (lane)
        {
            return lane.NextAllowed - now;
        }
    }

    private sealed class Lane
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset NextAllowed { get; set; } = DateTimeOffset.MinValue;
    }
}
