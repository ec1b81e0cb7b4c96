using System.Net;
using Bot.Discord.Interactions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests.Gateway;

/// <summary>The host with a bot token and nothing public: it starts, serves over the gateway, and stops cleanly.</summary>
public sealed class GatewayHostTests
{
    [Fact]
    public async Task Host_WithOnlyABotToken_StartsServesAndStops_WithNoPublicEndpoint()
    {
        // The bot's clock stands still: this test is about starting, serving and stopping, not about Discord's 3 s, and on a
        // loaded machine the first (cold) answer took longer than that, so the bot gave it up as Discord would refuse it
        // (seen at load 82: no callback at all). Heartbeats wait for the clock too, so none can be missed.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var host = await GatewayHostFactory.StartAsync(time: time);
        var gateway = host.Gateway;
        try
        {
            using var client = host.CreateClient();
            await gateway.WaitForAsync(g => g.IsLive(), what: "a ready session");
            var id = gateway.DispatchInteraction(Interactions.Command("papers", ("query", "agent")));
            await gateway.WaitForAsync(g => g.Callbacks.Any(c => c.InteractionId == id), what: "the answer");

            // Nothing reaches the bot over HTTP: without a public key the endpoint refuses everything.
            using var request = new HttpRequestMessage(HttpMethod.Post, DiscordInteractionsEndpoint.Path) { Content = new StringContent("""{"type":1}""") };
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
            var health = await host.Get<HealthCheckService>().CheckHealthAsync();
            Assert.Equal(HealthStatus.Healthy, health.Entries["discord-gateway"].Status);
            var identify = Assert.Single(gateway.IdentifyPayloads);
            Assert.Equal(0, (int)identify["intents"]!);
        }
        finally
        {
            await host.DisposeAsync();
        }

        // Stopping closes the socket normally (1000), which ends the session at once.
        Assert.Contains(1000, gateway.ClientCloseCodes);
        Assert.DoesNotContain(host.Logs.Lines, l => (l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal) || l.StartsWith("Warning", StringComparison.Ordinal)) && l.Contains("gateway", StringComparison.OrdinalIgnoreCase));
    }
}
