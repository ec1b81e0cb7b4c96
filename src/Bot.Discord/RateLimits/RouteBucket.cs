namespace Bot.Discord.RateLimits;

/// <summary>
/// One rate-limit bucket (route and major parameter). Requests in a bucket go one at a time, so the headers of each
/// response describe the bucket exactly; the next request waits for the reset when none remain.
/// </summary>
internal sealed class RouteBucket : IDisposable
{
    private int? _remaining;
    private DateTimeOffset _resetAt;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public DateTimeOffset LastUsed { get; private set; }

    public int? Limit { get; private set; }

    /// <summary>True once the bucket is idle: nobody inside and its window over.</summary>
    public bool IsIdle(DateTimeOffset now) => Gate.CurrentCount == 1 && now >= _resetAt;

    /// <summary>Waits (inside the gate) until the bucket has a request left.</summary>
    public async ValueTask WaitForCapacityAsync(TimeProvider time, CancellationToken ct)
    {
        while (_remaining is 0)
        {
            var wait = _resetAt - time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                // The window reset: the next response tells the new count.
                _remaining = null;
                break;
            }

            await Task.Delay(wait, time, ct).ConfigureAwait(false);
        }

        if (_remaining > 0)
        {
            _remaining--;
        }

        LastUsed = time.GetUtcNow();
    }

    /// <summary>Applies a response (inside the gate): the headers, or a 429's <c>retry_after</c>.</summary>
    public void Update(RateLimitObservation observation, DateTimeOffset now)
    {
        LastUsed = now;
        // Every 429 closes the bucket for its retry_after, a global one too: on routes exempt from the global gate
        // (interaction callbacks, follow-ups, @original edits) the bucket is the only thing that makes the retry wait.
        if (observation.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
        {
            var wait = Max(observation.RetryAfter ?? TimeSpan.Zero, observation.ResetAfter ?? TimeSpan.Zero);
            _remaining = 0;
            _resetAt = Max(_resetAt, now + wait);
            return;
        }

        if (observation.Limit is { } limit)
        {
            Limit = limit;
        }

        if (observation.Remaining is { } remaining && observation.ResetAfter is { } resetAfter)
        {
            // Measured from when the answer arrived, which is never earlier than when Discord computed it.
            _remaining = remaining;
            _resetAt = now + resetAfter;
        }
    }

    public void Dispose() => Gate.Dispose();

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
