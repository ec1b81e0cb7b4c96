using System.Collections.Concurrent;

namespace Bot.Scheduling;

/// <summary>
/// Counts failed dashboard logins per client address and refuses the address for a while after too many, so a password
/// cannot be guessed at request speed.
/// </summary>
internal sealed class BasicAuthThrottle
{
    // Bounds memory when many addresses fail once: expired entries are dropped before the table grows past this.
    private const int MaxTrackedAddresses = 10_000;

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);
    private readonly int _maxFailures;
    private readonly TimeSpan _lockout;
    private readonly TimeProvider _time;

    public BasicAuthThrottle(int maxFailures, TimeSpan lockout, TimeProvider time)
    {
        _maxFailures = Math.Max(1, maxFailures);
        _lockout = lockout > TimeSpan.Zero ? lockout : TimeSpan.FromMinutes(15);
        _time = time;
    }

    /// <summary>How long until the address may try again, or null when it is not locked out.</summary>
    public TimeSpan? LockedFor(string address)
    {
        var now = _time.GetUtcNow();
        return _failures.TryGetValue(address, out var f) && f.Count >= _maxFailures && f.Since + _lockout > now ? f.Since + _lockout - now : null;
    }

    public void Fail(string address)
    {
        var now = _time.GetUtcNow();
        if (_failures.Count >= MaxTrackedAddresses)
        {
            foreach (var (key, value) in _failures)
            {
                if (value.Since + _lockout <= now)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }

        // The window restarts after a quiet lockout period; the lockout runs from the last failure that reached the limit.
        _failures.AddOrUpdate(
            address,
            _ => new Failures(1, now),
            (_, f) => f.Since + _lockout <= now ? new Failures(1, now) : new Failures(f.Count + 1, f.Count + 1 >= _maxFailures ? now : f.Since));
    }

    public void Succeed(string address) => _failures.TryRemove(address, out _);

    private readonly record struct Failures(int Count, DateTimeOffset Since);
}
