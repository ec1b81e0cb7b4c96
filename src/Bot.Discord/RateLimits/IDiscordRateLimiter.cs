using Bot.Discord.Rest;

namespace Bot.Discord.RateLimits;

/// <summary>
/// Decides when a request may go out: its route bucket (learned from the response headers), the global limit and the
/// invalid-request budget. The client acquires a lease before sending and completes it with what the response said.
/// </summary>
public interface IDiscordRateLimiter
{
    /// <summary>Waits until <paramref name="route"/> may be sent. Throws <see cref="DiscordRestException"/> when the invalid-request budget is spent.</summary>
    ValueTask<RateLimitLease> AcquireAsync(DiscordRoute route, CancellationToken ct = default);
}
