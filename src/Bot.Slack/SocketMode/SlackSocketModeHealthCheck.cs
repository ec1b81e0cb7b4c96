using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Slack.SocketMode;

/// <summary>Reports Slack Socket Mode: unhealthy when it stopped (a refused token), degraded while no connection is open.</summary>
public sealed class SlackSocketModeHealthCheck : IHealthCheck
{
    private readonly SlackSocketModeStatus _status;

    /// <summary>Creates the check.</summary>
    public SlackSocketModeHealthCheck(SlackSocketModeStatus status) => _status = status;

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["connections"] = _status.Connections };
        var result = !_status.Enabled ? HealthCheckResult.Healthy("Slack Socket Mode not in use")
            : _status.StoppedReason is { } reason ? HealthCheckResult.Unhealthy("Slack Socket Mode stopped: " + reason, data: data)
            : _status.Connections > 0 ? HealthCheckResult.Healthy("Slack Socket Mode connected", data)
            : HealthCheckResult.Degraded("Slack Socket Mode connecting", data: data);
        return Task.FromResult(result);
    }
}
