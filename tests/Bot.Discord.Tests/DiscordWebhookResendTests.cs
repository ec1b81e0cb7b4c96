using System.Text.Json.Nodes;
using Bot.Discord.Rest;
using Bot.TestSupport.FakeDiscord;

namespace Bot.Discord.Tests;

/// <summary>
/// Issue 12: Execute Webhook takes no nonce, so the client never sends it again by itself after an answer that did not
/// come (a timeout) or was lost (a 502 after the message was stored): the failure says "uncertain" and the caller decides.
/// </summary>
public sealed class DiscordWebhookResendTests
{
    [Fact]
    public async Task ExecuteWebhook_LostAnswer_IsSentOnce_AndReportedUncertain()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        var url = harness.Fake.CreateWebhook("9101");
        harness.Fake.InjectFaults(FakeFault.LostResponse());

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => harness.Client.ExecuteWebhookAsync(url, new JsonObject { ["content"] = "once" }));

        Assert.True(error.Uncertain);
        Assert.Single(harness.Fake.Messages);
        Assert.Single(harness.Fake.Requests);
    }

    [Fact]
    public async Task ExecuteWebhook_Timeout_IsNotResent()
    {
        // 2 s for the one attempt (300 ms was shorter than reaching the fake at all on a loaded machine: nothing was sent).
        await using var harness = await DiscordClientHarness.StartAsync(settings: new Dictionary<string, string?> { ["Bot:Discord:RequestTimeout"] = "00:00:02" });
        var url = harness.Fake.CreateWebhook("9102");
        harness.Fake.InjectFaults(FakeFault.Timeout(TimeSpan.FromSeconds(10)));

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => harness.Client.ExecuteWebhookAsync(url, new JsonObject { ["content"] = "once" }));

        Assert.True(error.Uncertain);
        Assert.Single(harness.Fake.Requests);
    }

    [Fact]
    public async Task CreateMessage_WithItsNonce_IsStillRetriedAfterATimeout()
    {
        // The retry must land within the per-attempt timeout too: 300 ms was shorter than one request on a loaded CI machine.
        await using var harness = await DiscordClientHarness.StartAsync(settings: new Dictionary<string, string?> { ["Bot:Discord:RequestTimeout"] = "00:00:02" });
        harness.Fake.InjectFaults(FakeFault.Timeout(TimeSpan.FromSeconds(5)));

        await harness.Client.CreateMessageAsync("9103", new JsonObject { ["content"] = "once", ["nonce"] = "n-9103", ["enforce_nonce"] = true });

        Assert.Single(harness.Fake.Messages);
        Assert.Equal(2, harness.Fake.Requests.Count);
    }

    [Fact]
    public async Task ExecuteWebhook_AServerErrorBeforeStoring_IsStillRetried()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        var url = harness.Fake.CreateWebhook("9104");
        harness.Fake.InjectFaults(FakeFault.ServerError(500));

        await harness.Client.ExecuteWebhookAsync(url, new JsonObject { ["content"] = "once" });

        Assert.Single(harness.Fake.Messages);
    }
}
