namespace Bot.Core.Diagnostics;

/// <summary>
/// What a platform last said about the bot token: accepted, refused (and why), or nothing yet. Written by the adapter's
/// HTTP handler (<see cref="TokenWatchHandler"/>) on every call that carries the token, read by <see cref="PlatformTokenHealthCheck"/>.
/// </summary>
public sealed class PlatformTokenStatus
{
    private readonly Lock _lock = new();
    private (bool Accepted, string? Reason, DateTimeOffset At)? _last;

    /// <summary>Creates the status of <paramref name="platform"/>'s token, set by <paramref name="setting"/>.</summary>
    public PlatformTokenStatus(string platform, string setting, Func<bool> configured)
    {
        Platform = platform;
        Setting = setting;
        IsConfigured = configured;
    }

    /// <summary>The platform's name as users read it.</summary>
    public string Platform { get; }

    /// <summary>The setting that holds the token (for the fix in the health report).</summary>
    public string Setting { get; }

    /// <summary>Whether a token is configured at all (read when the check runs, so a reload counts).</summary>
    public Func<bool> IsConfigured { get; }

    /// <summary>The last answer: accepted or not, the platform's reason, and when; null before the first call.</summary>
    public (bool Accepted, string? Reason, DateTimeOffset At)? Last
    {
        get
        {
            lock (_lock)
            {
                return _last;
            }
        }
    }

    /// <summary>The platform answered a call made with the token.</summary>
    public void Accepted(DateTimeOffset at) => Set((true, null, at));

    /// <summary>The platform refused the token (<paramref name="reason"/> is its own word: <c>401</c>, <c>invalid_auth</c>, …).</summary>
    public void Refused(string reason, DateTimeOffset at) => Set((false, reason, at));

    private void Set((bool, string?, DateTimeOffset) value)
    {
        lock (_lock)
        {
            // Answers can arrive out of order; the newest one wins.
            if (_last is not { } last || last.At <= value.Item3)
            {
                _last = value;
            }
        }
    }
}
