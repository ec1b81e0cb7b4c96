using System.Net;
using System.Text.Json.Nodes;
using Bot.Discord.Rest;
using Bot.Discord.Wire.Messages;
using Bot.TestSupport.FakeDiscord;

namespace Bot.Discord.Tests;

public sealed class DiscordRestClientTests
{
    private static JsonObject Message(string text, string? nonce = null)
    {
        var message = new JsonObject { ["content"] = text, ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() } };
        if (nonce is not null)
        {
            message["nonce"] = nonce;
            message["enforce_nonce"] = true;
        }

        return message;
    }

    [Fact]
    public async Task CreateMessage_SendsBotTokenAndDiscordBotUserAgent()
    {
        await using var harness = await DiscordClientHarness.StartAsync();

        var created = await harness.Client.CreateMessageAsync("111", Message("hello"));

        var message = Assert.Single(harness.Fake.Messages);
        Assert.Equal(created.Id, message.Id);
        Assert.Equal("111", message.ChannelId);
        var request = Assert.Single(harness.Fake.Requests);
        Assert.Equal(200, request.Status);
        Assert.Matches(@"^DiscordBot \(https?://\S+, [0-9][^)]*\)$", request.UserAgent);
    }

    [Fact]
    public async Task ExecuteWebhook_PostsAtTheWebhookUrlWithoutTheBotToken()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        var url = harness.Fake.CreateWebhook("222");

        var created = await harness.Client.ExecuteWebhookAsync(url, Message("via webhook"));

        var message = Assert.Single(harness.Fake.Messages);
        Assert.Equal(("webhook", "222", created.Id), (message.Kind, message.ChannelId, message.Id));
        Assert.False(Assert.Single(harness.Fake.Requests).HadAuthorization);
    }

    [Fact]
    public async Task Send_RetriesServerErrors_AndDeliversOnce()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        harness.Fake.InjectFaults(FakeFault.ServerError(500), FakeFault.ServerError(503));

        await harness.Client.CreateMessageAsync("111", Message("after two 5xx"));

        Assert.Single(harness.Fake.Messages);
        Assert.Equal([500, 503, 200], harness.Fake.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Send_RetriesATimeout()
    {
        // The retry must land within the per-attempt timeout too: 300 ms was shorter than one request on a loaded CI machine.
        await using var harness = await DiscordClientHarness.StartAsync(settings: new Dictionary<string, string?> { ["Bot:Discord:RequestTimeout"] = "00:00:02" });
        harness.Fake.InjectFaults(FakeFault.Timeout(TimeSpan.FromSeconds(20)));

        await harness.Client.CreateMessageAsync("111", Message("after a timeout"));

        Assert.Single(harness.Fake.Messages);
        Assert.Equal(2, harness.Fake.Requests.Count);
    }

    [Fact]
    public async Task Send_WaitsForRetryAfter_On429()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        harness.Fake.InjectFaults(FakeFault.TooManyRequests(TimeSpan.FromMilliseconds(400)));

        await harness.Client.CreateMessageAsync("111", Message("after a 429"));

        var requests = harness.Fake.Requests;
        Assert.Equal([429, 200], requests.Select(r => r.Status));
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(390), $"retried after {(requests[1].At - requests[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Send_HonoursAGlobal429_ForEveryRoute()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        harness.Fake.InjectFaults(FakeFault.TooManyRequests(TimeSpan.FromMilliseconds(400), global: true));

        await harness.Client.CreateMessageAsync("111", Message("first"));
        await harness.Client.CreateMessageAsync("222", Message("other channel"));

        var requests = harness.Fake.Requests;
        Assert.Equal([429, 200, 200], requests.Select(r => r.Status));
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(390));
    }

    [Fact]
    public async Task LostResponse_WithNonce_IsNotDuplicated()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        harness.Fake.InjectFaults(FakeFault.LostResponse());

        var created = await harness.Client.CreateMessageAsync("111", Message("once", nonce: "n-1"));

        var message = Assert.Single(harness.Fake.Messages);
        Assert.Equal(message.Id, created.Id);
        Assert.Equal([502, 200], harness.Fake.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Send_ThrowsTypedError_WithDiscordCode_AndDoesNotRetry()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        harness.Fake.DenyChannel("111");

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => harness.Client.CreateMessageAsync("111", Message("no")));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(50013, error.DiscordCode);
        Assert.Equal("Missing Permissions", error.DiscordMessage);
        Assert.False(error.IsTransient);
        Assert.Single(harness.Fake.Requests);
    }

    [Fact]
    public async Task Send_ThrowsValidationError_ForABodyOverDiscordsLimits()
    {
        await using var harness = await DiscordClientHarness.StartAsync();

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => harness.Client.CreateMessageAsync("111", Message(new string('x', 2001))));

        Assert.Equal(50035, error.DiscordCode);
        Assert.Empty(harness.Fake.Messages);
    }

    [Fact]
    public async Task Send_StopsBeforeTheInvalidRequestBudget_IsSpent()
    {
        await using var harness = await DiscordClientHarness.StartAsync(settings: new Dictionary<string, string?> { ["Bot:Discord:InvalidRequestBudget"] = "3" });
        harness.Fake.DenyChannel("111");
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<DiscordRestException>(() => harness.Client.CreateMessageAsync("111", Message("denied")));
        }

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => harness.Client.CreateMessageAsync("222", Message("allowed channel, but budget spent")));

        Assert.Null(error.StatusCode);
        Assert.Contains("invalid requests", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, harness.Fake.Requests.Count);
        Assert.Equal(3, harness.Limiter.InvalidRequestCount);
    }

    [Fact]
    public async Task Send_WithoutBotToken_FailsWithTheSettingToFix()
    {
        await using var harness = await DiscordClientHarness.StartAsync(settings: new Dictionary<string, string?> { ["Bot:Discord:BotToken"] = string.Empty });

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => harness.Client.CreateMessageAsync("111", Message("x")));

        Assert.Contains("Bot__Discord__BotToken", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Fake.Requests);
    }
}
