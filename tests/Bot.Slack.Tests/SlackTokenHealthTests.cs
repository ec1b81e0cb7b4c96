using Bot.Slack.Api;
using Bot.TestSupport.FakeSlack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Slack.Tests;

/// <summary>Issue 11, health: the bot token's last-known state, as Slack's answers left it.</summary>
public sealed class SlackTokenHealthTests
{
    [Fact]
    public async Task TokenCheck_IsUnhealthy_AfterSlackAnswersInvalidAuth()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var services = TestServices.Create(fake, token: "xoxb-revoked");

        await Assert.ThrowsAsync<SlackApiException>(() => services.GetRequiredService<SlackApiClient>().UsersInfoAsync("UOTHER"));
        var entry = (await services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["slack-token"];

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("invalid_auth", entry.Description, StringComparison.Ordinal);
        Assert.Contains("Bot:Slack:BotToken", entry.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxb-revoked", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenCheck_IsHealthy_AfterAnAcceptedCall_AndTheClientStillReadsTheAnswer()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        fake.Options.WorkspaceAdmins.Add("UADMIN");
        await using var services = TestServices.Create(fake);

        var user = await services.GetRequiredService<SlackApiClient>().UsersInfoAsync("UADMIN");
        var entry = (await services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["slack-token"];

        Assert.True(user!.IsAdmin);
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Contains("accepted", entry.Description, StringComparison.Ordinal);
    }
}
