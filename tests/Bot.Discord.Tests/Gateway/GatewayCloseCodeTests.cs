using Bot.Discord.Gateway;
using Bot.TestSupport.FakeDiscord;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests.Gateway;

/// <summary>Close codes on a fake clock: the fatal ones stop with one clear line and no reconnect loop; others reconnect.</summary>
public sealed class GatewayCloseCodeTests
{
    [Theory]
    [InlineData(4004, "authentication failed (4004)")]
    [InlineData(4014, "disallowed intents (4014)")]
    [InlineData(4010, "invalid shard (4010)")]
    [InlineData(4013, "invalid intents (4013)")]
    public async Task FatalCloseCode_StopsWithOneClearLine_AndNeverReconnects(int code, string reason)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        // Set before the host starts, so that the very first identify is refused.
        await using var host = await GatewayHostFactory.StartAsync(time: time, ingest: false, configure: g => g.CloseOnIdentify = code);
        var status = host.Get<DiscordGatewayStatus>();
        await host.Gateway.WaitForAsync(_ => status.StoppedReason is not null, what: "the gateway to stop");

        // Ten simulated minutes: a reconnect loop (or a backoff timer) would have fired many times.
        for (var i = 0; i < 600; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
        }

        await Task.Delay(300);
        Assert.Equal(1, host.Gateway.Connections);
        Assert.Single(host.Gateway.IdentifyPayloads);
        var stopped = Assert.Single(host.Logs.Lines, l => l.Contains("stopped, not retrying", StringComparison.Ordinal));
        Assert.Contains(reason, stopped, StringComparison.Ordinal);
        var health = await host.Get<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, health.Entries["discord-gateway"].Status);
        Assert.Contains(reason, health.Entries["discord-gateway"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetryableCloseCode_ResumesAfterABackoff_OnTheFakeClock()
    {
        var time = new WatchedTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var host = await GatewayHostFactory.StartAsync(time: time, ingest: false);
        await host.Gateway.WaitForAsync(g => g.IsLive(), what: "a ready session");
        var timersBefore = time.DueTimes.Count;

        host.Gateway.CloseAll(4000);

        // The first backoff is 250–500 ms of the bot's clock. The clock moves only once that wait has begun: moved earlier,
        // the wait would start after the move and never end, which a loaded machine makes likely.
        await host.Gateway.WaitForAsync(_ => time.DueTimes.Skip(timersBefore).Any(IsFirstBackoff), what: "the bot to start its backoff");
        Assert.Equal(0, host.Gateway.Resumes);
        time.Advance(TimeSpan.FromMilliseconds(500));
        await host.Gateway.WaitForAsync(g => g.Resumes == 1, what: "a resume");
        Assert.Equal(1, host.Gateway.Identifies);

        // The fake counts the resume when it sends RESUMED; the bot is connected once it has read it.
        var status = host.Get<DiscordGatewayStatus>();
        await host.Gateway.WaitForAsync(_ => status.AllConnected, what: "the bot to read RESUMED");
        var health = await host.Get<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, health.Entries["discord-gateway"].Status);

        static bool IsFirstBackoff(TimeSpan due) => due >= TimeSpan.FromMilliseconds(250) && due <= TimeSpan.FromMilliseconds(500);
    }

    [Fact]
    public async Task RefusedToken_AtGatewayBot_StopsWithoutConnecting()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var host = await GatewayHostFactory.StartAsync(new Dictionary<string, string?> { ["Bot:Discord:BotToken"] = "reset-token" }, time: time, ingest: false);
        _ = host.Services;
        var status = host.Get<DiscordGatewayStatus>();
        await host.Gateway.WaitForAsync(_ => status.StoppedReason is not null, what: "the gateway to stop");
        time.Advance(TimeSpan.FromMinutes(10));
        await Task.Delay(200);

        Assert.Equal(0, host.Gateway.Connections);
        Assert.Single(host.Fake.Requests, r => r.Template == "GET gateway/bot");
        Assert.Contains("Bot:Discord:BotToken", status.StoppedReason, StringComparison.Ordinal);
    }
}
