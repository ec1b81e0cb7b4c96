using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Discord.Gateway;

/// <summary>Reports the Discord gateway: unhealthy after a fatal close code, degraded while a shard reconnects.</summary>
public sealed class DiscordGatewayHealthCheck : IHealthCheck
{
    private readonly DiscordGatewayStatus _status;

    /// <summary>Creates the check.</summary>
    public DiscordGatewayHealthCheck(DiscordGatewayStatus status) => _status = status;

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = _status.Shards.ToDictionary(s => "shard " + s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), s => (object)s.Value);
        HealthCheckResult result = !_status.Enabled ? HealthCheckResult.Healthy("Discord gateway not in use")
            : _status.StoppedReason is { } reason ? HealthCheckResult.Unhealthy("Discord gateway stopped: " + reason, data: data)
            : _status.AllConnected ? HealthCheckResult.Healthy("Discord gateway connected", data)
            : HealthCheckResult.Degraded("Discord gateway connecting", data: data);
        return Task.FromResult(result);
    }
}
