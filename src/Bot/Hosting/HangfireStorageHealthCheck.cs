using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Hosting;

/// <summary>
/// Asks the Hangfire storage this host uses (<c>hangfire.db</c>, PostgreSQL or memory) for its servers, within a time
/// limit: a storage that fails or hangs means no section job is queued, retried or run, even while <c>bot.db</c> is fine.
/// </summary>
public sealed class HangfireStorageHealthCheck : IHealthCheck
{
    /// <summary>How long the storage may take to answer.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly JobStorage _storage;
    private readonly TimeProvider _time;

    /// <summary>Creates the check over the host's own storage (not <c>JobStorage.Current</c>, which another host may own).</summary>
    public HangfireStorageHealthCheck(JobStorage storage, TimeProvider time)
    {
        _storage = storage;
        _time = time;
    }

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Storage calls are synchronous; run off the request thread so the time limit can answer for a hung one.
            var servers = await Task.Run(() => _storage.GetMonitoringApi().Servers(), CancellationToken.None)
                .WaitAsync(Timeout, _time, cancellationToken).ConfigureAwait(false);
            var data = new Dictionary<string, object> { ["servers"] = servers.Count, ["workers"] = servers.Sum(s => s.WorkersCount) };
            return HealthCheckResult.Healthy($"Hangfire storage answered: {servers.Count} server(s)", data);
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"Hangfire storage did not answer within {Timeout.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Hangfire storage failed: {ex.Message}");
        }
    }
}
