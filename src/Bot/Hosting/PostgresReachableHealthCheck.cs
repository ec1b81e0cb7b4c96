using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Bot.Hosting;

/// <summary>
/// Unhealthy while the cluster's PostgreSQL does not answer <c>SELECT 1</c> within a few seconds: the host can then neither
/// claim nor record a post, so a load balancer should send commands elsewhere (<c>/healthz/live</c> stays up meanwhile).
/// </summary>
public sealed class PostgresReachableHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    // Short enough for a load balancer's probe (they commonly give up after 5 s); long enough for a loaded server.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(deadline.Token);
            await using var command = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = (int)Deadline.TotalSeconds };
            await command.ExecuteScalarAsync(deadline.Token);
            return HealthCheckResult.Healthy("PostgreSQL answers");
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL does not answer within {Deadline.TotalSeconds:0} s: {ex.Message}");
        }
    }
}
