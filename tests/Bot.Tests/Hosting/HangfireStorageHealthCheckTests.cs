using Bot.Hosting;
using Bot.Scheduling;
using Bot.Tests.Support;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Hosting;

/// <summary>Issue 11, health: the Hangfire storage is asked, not assumed.</summary>
// Hangfire's log provider is process-wide: a host built by another test may have left it on a disposed LoggerFactory.
[Collection(nameof(ConsoleCollection))]
public sealed class HangfireStorageHealthCheckTests
{
    public HangfireStorageHealthCheckTests() => Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);

    [Fact]
    public async Task Check_IsHealthy_WhenTheSqliteStorageAnswers()
    {
        using var dir = new TempDirectory();
        var storage = StateStoreFactory.CreateSqliteStorage(Path.Combine(dir.Path, "hangfire.db"), TimeSpan.FromSeconds(1));

        var result = await new HangfireStorageHealthCheck(storage, TimeProvider.System).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(0, result.Data["servers"]);
    }

    [Fact]
    public async Task Check_IsUnhealthy_WithTheReason_WhenTheStorageFails()
    {
        var storage = new BrokenStorage(() => throw new InvalidOperationException("database is locked"));

        var result = await new HangfireStorageHealthCheck(storage, TimeProvider.System).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("database is locked", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_IsUnhealthy_WhenTheStorageHangsPastTheLimit()
    {
        using var release = new ManualResetEventSlim();
        var time = new FakeTimeProvider();
        var storage = new BrokenStorage(() =>
        {
            release.Wait(TimeSpan.FromSeconds(30));
            throw new InvalidOperationException("released");
        });

        var check = new HangfireStorageHealthCheck(storage, time).CheckHealthAsync(new HealthCheckContext());
        Assert.False(check.IsCompleted);
        time.Advance(HangfireStorageHealthCheck.Timeout + TimeSpan.FromSeconds(1));
        var result = await check;
        release.Set();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("did not answer", result.Description, StringComparison.Ordinal);
    }

    private sealed class BrokenStorage(Func<IMonitoringApi> monitoring) : JobStorage
    {
        public override IMonitoringApi GetMonitoringApi() => monitoring();

        public override IStorageConnection GetConnection() => throw new InvalidOperationException("no connection");
    }
}
