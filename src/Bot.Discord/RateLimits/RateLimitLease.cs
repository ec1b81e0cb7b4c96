namespace Bot.Discord.RateLimits;

/// <summary>Permission to send one request. Complete it with the response's rate-limit facts; disposing without completing frees it.</summary>
public sealed class RateLimitLease : IDisposable
{
    private Action<RateLimitObservation?>? _release;

    /// <summary>Creates a lease that calls <paramref name="release"/> exactly once.</summary>
    public RateLimitLease(Action<RateLimitObservation?> release)
    {
        _release = release;
    }

    /// <summary>Reports what the response said (headers, 429 body) and frees the lease.</summary>
    public void Complete(RateLimitObservation? observation)
        => Interlocked.Exchange(ref _release, null)?.Invoke(observation);

    /// <summary>Frees the lease when no response came.</summary>
    public void Dispose() => Complete(null);
}
