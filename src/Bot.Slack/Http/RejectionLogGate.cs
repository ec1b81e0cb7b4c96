namespace Bot.Slack.Http;

/// <summary>
/// Lets one rejection warning through per interval and counts the rest: an unsigned flood must not write the disk full
/// (issue 13 saw 555 KB of warnings in 3.6 s), while the first rejection still tells the operator what is wrong.
/// </summary>
internal sealed class RejectionLogGate(TimeProvider time, TimeSpan interval)
{
    private readonly Lock _lock = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;
    private long _suppressed;

    /// <summary>True when this rejection may be logged; <paramref name="suppressed"/> is how many were held back since the last.</summary>
    public bool TryEnter(out long suppressed)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (now < _next)
            {
                _suppressed++;
                suppressed = 0;
                return false;
            }

            suppressed = _suppressed;
            _suppressed = 0;
            _next = now + interval;
            return true;
        }
    }
}
