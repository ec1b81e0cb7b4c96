using Bot.Core.Posting;
using Bot.TestSupport;
using Bot.TestSupport.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Tests;

public sealed class DiscordSectionPosterTests
{
    [Fact]
    public async Task Channel_EveryMessageCarriesANonceWithEnforceNonce()
    {
        await using var harness = await DiscordClientHarness.StartAsync();

        var receipt = await harness.Poster.PostAsync(new PostTarget("discord", "channel", "4001"), Highlights.Post("weekly"));

        var message = Assert.Single(harness.Fake.Messages);
        Assert.Equal(("channel", "4001", receipt.MessageId), (message.Kind, message.ChannelId, message.Id));
        Assert.InRange(message.Nonce!.Length, 1, 25);
        Assert.True((bool)message.Body["enforce_nonce"]!);
        Assert.Null(message.Body["thread_name"]);
        Assert.Empty((System.Text.Json.Nodes.JsonArray)message.Body["allowed_mentions"]!["parse"]!);
    }

    [Fact]
    public async Task Channel_ARetriedPost_IsNotDuplicated()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        harness.Fake.InjectFaults(FakeFault.LostResponse());
        var post = Highlights.Post("weekly");

        await harness.Poster.PostAsync(new PostTarget("discord", "channel", "4001"), post);
        await harness.Poster.PostAsync(new PostTarget("discord", "channel", "4001"), post);

        Assert.Single(harness.Fake.Messages);
    }

    [Fact]
    public async Task Channel_NoncesDifferPerSectionAndSubscription()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        var target = new PostTarget("discord", "channel", "4001");

        await harness.Poster.PostAsync(target, Highlights.Post("weekly", "papers"));
        await harness.Poster.PostAsync(target, Highlights.Post("weekly", "news"));
        await harness.Poster.PostAsync(target, Highlights.Post("daily", "papers"));

        Assert.Equal(3, harness.Fake.Messages.Select(m => m.Nonce).Distinct().Count());
    }

    [Fact]
    public async Task Webhook_PostsAtTheUrl_AndReturnsTheMessage()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        var url = harness.Fake.CreateWebhook("4002");

        var receipt = await harness.Poster.PostAsync(new PostTarget("discord", "webhook", url), Highlights.Post("weekly"));

        var message = Assert.Single(harness.Fake.Messages);
        Assert.Equal(("webhook", "4002", receipt.MessageId), (message.Kind, message.ChannelId, message.Id));
        Assert.Null(receipt.ThreadId);
    }

    [Fact]
    public async Task Webhook_TokenNeverAppearsInTheLog_EvenWhenPostsFail()
    {
        var logs = new CapturingLoggerProvider();
        await using var harness = await DiscordClientHarness.StartAsync(configure: services => services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        var url = harness.Fake.CreateWebhook("4002");
        var token = url.Split('/').Last();
        harness.Fake.InjectFaults(FakeFault.ServerError(), FakeFault.TooManyRequests(TimeSpan.FromMilliseconds(50)));

        await harness.Poster.PostAsync(new PostTarget("discord", "webhook", url), Highlights.Post("weekly"));
        await Assert.ThrowsAsync<PostException>(() => harness.Poster.PostAsync(new PostTarget("discord", "webhook", url[..^4] + "0000"), Highlights.Post("weekly")));

        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(token[4..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Thread_ParentMessageOpensAThread_AndSectionsGoIntoIt()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        var target = new PostTarget("discord", "channel", "4003");

        var parent = await harness.Poster.PostThreadParentAsync(target, "weekly|2026-10-05-ai-trend", Highlights.Create());
        await harness.Poster.PostAsync(target, Highlights.Post("weekly", "papers", threadParentId: parent.ThreadId));
        await harness.Poster.PostAsync(target, Highlights.Post("weekly", "news", threadParentId: parent.ThreadId));

        Assert.NotNull(parent.ThreadId);
        var messages = harness.Fake.Messages;
        Assert.Equal("4003", messages[0].ChannelId);
        Assert.All(messages.Skip(1), m => Assert.Equal((parent.ThreadId, "4003"), (m.ChannelId, m.ParentId)));
    }

    [Fact]
    public async Task Thread_ARetriedParent_ReturnsTheSameThread_WithoutASecondMessage()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        var target = new PostTarget("discord", "channel", "4003");

        var first = await harness.Poster.PostThreadParentAsync(target, "weekly|2026-10-05-ai-trend", Highlights.Create());
        var again = await harness.Poster.PostThreadParentAsync(target, "weekly|2026-10-05-ai-trend", Highlights.Create());

        Assert.Equal(first, again);
        Assert.Single(harness.Fake.Messages);
    }

    [Fact]
    public async Task ForumChannel_ThreadParentOpensAPost_AndSectionsGoIntoIt()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        harness.Fake.AddForumChannel("4008");
        var target = new PostTarget("discord", "channel", "4008");

        var parent = await harness.Poster.PostThreadParentAsync(target, "weekly|2026-10-05-ai-trend", Highlights.Create());
        await harness.Poster.PostAsync(target, Highlights.Post("weekly", "papers", threadParentId: parent.ThreadId));

        var messages = harness.Fake.Messages;
        Assert.Equal(("forum", "AI Trends, September 2026 (2026-10-05)"), (messages[0].Kind, messages[0].ThreadName));
        Assert.All(messages, m => Assert.Equal((parent.ThreadId, "4008"), (m.ChannelId, m.ParentId)));
    }

    [Fact]
    public async Task Forum_FirstSectionOpensANamedPost_LaterSectionsGoIntoIt()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        harness.Fake.AddForumChannel("4004");
        var target = new PostTarget("discord", "channel", "4004");

        var first = await harness.Poster.PostAsync(target, Highlights.Post("weekly", "papers", threadName: "AI Trends, September 2026"));
        await harness.Poster.PostAsync(target, Highlights.Post("weekly", "news", threadParentId: first.ThreadId));

        var messages = harness.Fake.Messages;
        Assert.Equal(2, messages.Count);
        Assert.Equal(("forum", "AI Trends, September 2026", "4004"), (messages[0].Kind, messages[0].ThreadName, messages[0].ParentId));
        Assert.Equal((first.ThreadId, "4004"), (messages[1].ChannelId, messages[1].ParentId));
    }

    [Fact]
    public async Task ForumWebhook_ThreadNameOpensAPost_ThreadIdContinuesIt()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        var url = harness.Fake.CreateWebhook("4005", forum: true);
        var target = new PostTarget("discord", "webhook", url);

        var first = await harness.Poster.PostAsync(target, Highlights.Post("weekly", "papers", threadName: "AI Trends, September 2026"));
        await harness.Poster.PostAsync(target, Highlights.Post("weekly", "news", threadParentId: first.ThreadId));

        var messages = harness.Fake.Messages;
        Assert.Equal("AI Trends, September 2026", messages[0].ThreadName);
        Assert.All(messages, m => Assert.Equal((first.ThreadId, "4005"), (m.ChannelId, m.ParentId)));
    }

    [Fact]
    public async Task MissingPermissions_IsAPermanentPostException()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        harness.Fake.DenyChannel("4006");

        var error = await Assert.ThrowsAsync<PostException>(() => harness.Poster.PostAsync(new PostTarget("discord", "channel", "4006"), Highlights.Post("weekly")));

        Assert.True(error.Permanent);
        Assert.Contains("Missing Permissions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerErrorsThatOutlastTheRetries_AreATransientPostException()
    {
        await using var harness = await DiscordClientHarness.StartAsync(settings: new Dictionary<string, string?> { ["Bot:Discord:MaxRetries"] = "1" });
        harness.Fake.InjectFaults(FakeFault.ServerError(), FakeFault.ServerError());

        var error = await Assert.ThrowsAsync<PostException>(() => harness.Poster.PostAsync(new PostTarget("discord", "channel", "4007"), Highlights.Post("weekly")));

        Assert.False(error.Permanent);
        Assert.Empty(harness.Fake.Messages);
    }

    [Fact]
    public async Task FanOut_200Channels_EveryMessageOnce_AndNo429()
    {
        // Discord's limits, four times faster: 50 per 250 ms globally, 5 per 1.25 s per channel.
        var fake = new FakeDiscordOptions { TimeScale = 0.25 };
        var settings = new Dictionary<string, string?> { ["Bot:Discord:GlobalWindow"] = "00:00:00.250" };
        await using var harness = await DiscordClientHarness.StartAsync(fake, settings);
        var channels = Enumerable.Range(0, 200).Select(i => (5000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        // Two sections per channel, posted in order within a channel and concurrently across channels.
        await Task.WhenAll(channels.Select(async channel =>
        {
            var target = new PostTarget("discord", "channel", channel);
            await harness.Poster.PostAsync(target, Highlights.Post("fan-" + channel, "papers"));
            await harness.Poster.PostAsync(target, Highlights.Post("fan-" + channel, "news"));
        }));

        var messages = harness.Fake.Messages;
        Assert.Equal(400, messages.Count);
        Assert.All(messages.GroupBy(m => m.ChannelId), g => Assert.Equal(2, g.Select(m => m.Nonce).Distinct().Count()));
        Assert.Equal(channels.Order(), messages.Select(m => m.ChannelId).Distinct().Order());
        var limited = harness.Fake.Requests.Where(r => r.Status == 429).Select(r => r.Bucket).ToList();
        Assert.True(limited.Count == 0, $"429s: {string.Join(", ", limited)}");
    }
}
