using System.Net;
using System.Text.Json;
using Bot.Tests.Support;

namespace Bot.Tests.Hosting;

public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task Healthz_RunsTheRegisteredChecks_AndLiveRunsNone()
    {
        await using var factory = new BotHostFactory();
        using var client = factory.CreateClient();

        var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        var ready = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        var live = await client.GetAsync(new Uri("/healthz/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var names = report.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("database-writable", names);
        Assert.Contains("hangfire-storage", names);
        using var liveReport = JsonDocument.Parse(await live.Content.ReadAsStringAsync());
        Assert.Empty(liveReport.RootElement.GetProperty("checks").EnumerateArray());
    }
}
