using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Core.Diagnostics;

/// <summary>
/// Unhealthy while the platform's last answer refused the bot token: nothing that needs the token (channel posts, target
/// checks, command registration) can work until the operator replaces it. Healthy when no token is configured.
/// </summary>
public sealed class PlatformTokenHealthCheck : IHealthCheck
{
    private readonly PlatformTokenStatus _status;

    /// <summary>Creates the check over <paramref name="status"/>.</summary>
    public PlatformTokenHealthCheck(PlatformTokenStatus status) => _status = status;

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var name = _status.Platform;
        var result = !_status.IsConfigured() ? HealthCheckResult.Healthy($"{name}: no bot token configured")
            : _status.Last is not { } last ? HealthCheckResult.Healthy($"{name}: bot token not used yet")
            : last.Accepted ? HealthCheckResult.Healthy($"{name}: bot token accepted at {Stamp(last.At)}")
            : HealthCheckResult.Unhealthy($"{name} refused the bot token ({last.Reason}) at {Stamp(last.At)}; replace {_status.Setting}");
        return Task.FromResult(result);
    }

    private static string Stamp(DateTimeOffset at) => at.ToString("u", CultureInfo.InvariantCulture);
}
