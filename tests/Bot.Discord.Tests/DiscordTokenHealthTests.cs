using Bot.Discord.Rest;
using Bot.Discord.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Discord.Tests;

/// <summary>Issue 11, health: the bot token's last-known state, as Discord's answers left it.</summary>
public sealed class DiscordTokenHealthTests
{
    [Fact]
    public async Task TokenCheck_IsUnhealthy_AfterDiscordRefusesTheToken_AndNamesTheSetting()
    {
        await using var h = await DiscordClientHarness.StartAsync(settings: new Dictionary<string, string?> { ["Bot:Discord:BotToken"] = "a-revoked-token" });

        await Assert.ThrowsAsync<DiscordRestException>(() => h.Client.GetChannelAsync("1001"));
        var report = await h.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries["discord-token"];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("401", entry.Description, StringComparison.Ordinal);
        Assert.Contains("Bot:Discord:BotToken", entry.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("a-revoked-token", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenCheck_IsHealthy_OnceDiscordAcceptsTheToken()
    {
        await using var h = await DiscordClientHarness.StartAsync();

        var before = (await h.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["discord-token"];
        DiscordChannel channel = await h.Client.GetChannelAsync("1001");
        var after = (await h.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["discord-token"];

        Assert.NotNull(channel);
        Assert.Equal(HealthStatus.Healthy, before.Status);
        Assert.Contains("not used yet", before.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, after.Status);
        Assert.Contains("accepted", after.Description, StringComparison.Ordinal);
    }
}
