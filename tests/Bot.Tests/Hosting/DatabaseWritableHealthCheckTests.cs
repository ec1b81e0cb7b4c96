using Bot.Hosting;
using Bot.Library.Storage;
using Bot.Tests.Support;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Tests.Hosting;

// Issue 13: a database that cannot be written must turn /healthz unhealthy.
public sealed class DatabaseWritableHealthCheckTests
{
    [Fact]
    public async Task Check_IsHealthy_ForAWritableDatabase()
    {
        using var dir = new TempDirectory();
        var check = new DatabaseWritableHealthCheck(new BotDatabase(dir.Path), TimeProvider.System);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task Check_IsUnhealthy_WhenTheDatabaseCannotBeWritten()
    {
        using var dir = new TempDirectory();
        // A corrupt file stands in for every write failure: tests run as root here, where a read-only file stays writable.
        await File.WriteAllTextAsync(Path.Combine(dir.Path, "bot.db"), new string('x', 8192));

        var result = await new DatabaseWritableHealthCheck(new BotDatabase(dir.Path), TimeProvider.System).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("bot.db", result.Description, StringComparison.Ordinal);
    }
}
