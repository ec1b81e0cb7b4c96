using System.Text.Json.Nodes;
using Bot.TestSupport.FakeDiscord;

namespace Bot.Discord.Tests;

public sealed class DiscordRateLimiterTests
{
    private static JsonObject Message(string text) => new() { ["content"] = text };

    [Fact]
    public async Task OneChannel_ManyMessages_NoneRateLimitedAfterTheBucketIsKnown()
    {
        var options = new FakeDiscordOptions { MessageLimit = 3, MessageWindow = TimeSpan.FromMilliseconds(300) };
        await using var harness = await DiscordClientHarness.StartAsync(options);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => harness.Client.CreateMessageAsync("111", Message($"m{i}"))));

        Assert.Equal(12, harness.Fake.Messages.Count);
        Assert.DoesNotContain(harness.Fake.Requests, r => r.Status == 429);
    }

    [Fact]
    public async Task ManyChannels_StayUnderTheGlobalLimit()
    {
        var options = new FakeDiscordOptions { GlobalLimit = 20, GlobalWindow = TimeSpan.FromMilliseconds(250) };
        var settings = new Dictionary<string, string?>
        {
            ["Bot:Discord:GlobalRequestsPerSecond"] = "20",
            ["Bot:Discord:GlobalWindow"] = "00:00:00.250",
        };
        await using var harness = await DiscordClientHarness.StartAsync(options, settings);

        await Task.WhenAll(Enumerable.Range(0, 90).Select(i => harness.Client.CreateMessageAsync($"{1000 + i}", Message("hi"))));

        Assert.Equal(90, harness.Fake.Messages.Count);
        Assert.DoesNotContain(harness.Fake.Requests, r => r.Status == 429);
    }

    [Fact]
    public async Task RoutesSharingABucket_ShareItsLimit()
    {
        // Webhook executions of one webhook, with and without thread_id, are one bucket on Discord and in the fake.
        var options = new FakeDiscordOptions { WebhookLimit = 2, WebhookWindow = TimeSpan.FromMilliseconds(300) };
        await using var harness = await DiscordClientHarness.StartAsync(options);
        var url = harness.Fake.CreateWebhook("333");

        for (var i = 0; i < 6; i++)
        {
            await harness.Client.ExecuteWebhookAsync(url, Message($"w{i}"));
        }

        Assert.Equal(6, harness.Fake.Messages.Count);
        Assert.DoesNotContain(harness.Fake.Requests, r => r.Status == 429);
    }
}
