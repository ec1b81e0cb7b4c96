using Bot.Core.Posting;
using Bot.TestSupport.FakeDiscord;

namespace Bot.Discord.Tests;

/// <summary>
/// Issue 12: after a lost answer (the fake stores the message, then answers 502), the retry looks for the earlier post
/// before sending: a channel's messages by marker, a forum's active threads by name, a webhook's channel with the bot
/// token. Each ends with exactly one message (or forum post).
/// </summary>
public sealed class DiscordLookUpTests
{
    private static readonly Dictionary<string, string?> NoRetries = new() { ["Bot:Discord:MaxRetries"] = "0" };

    [Fact]
    public async Task Channel_LostAnswer_PastTheNonceWindow_IsFoundByItsMarker_NotSentTwice()
    {
        // A nonce window of zero: only the look-up can prevent the duplicate (a host down longer than Discord's few minutes).
        await using var harness = await DiscordClientHarness.StartAsync(new FakeDiscordOptions { NonceWindow = TimeSpan.Zero }, NoRetries);
        var target = new PostTarget("discord", "channel", "9001");
        var post = Highlights.Post("weekly");
        harness.Fake.InjectFaults(FakeFault.LostResponse());

        var lost = await Assert.ThrowsAsync<PostException>(() => harness.Poster.PostAsync(target, post));
        var found = await harness.Poster.FindPostedAsync(target, post);

        Assert.False(lost.NotDelivered);
        var message = Assert.Single(harness.Fake.Messages);
        Assert.Equal(message.Id, found!.MessageId);
        Assert.Equal([message.Id], found.MessageIds);
    }

    [Fact]
    public async Task Channel_NothingPostedYet_IsNotFound()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        var target = new PostTarget("discord", "channel", "9002");
        await harness.Poster.PostAsync(target, Highlights.Post("other"));

        Assert.Null(await harness.Poster.FindPostedAsync(target, Highlights.Post("weekly")));
    }

    [Fact]
    public async Task ForumPost_LostAnswer_IsNotResent_AndIsFoundAmongActiveThreads()
    {
        await using var harness = await DiscordClientHarness.StartAsync(settings: NoRetries);
        harness.Fake.AddForumChannel("9003");
        var target = new PostTarget("discord", "channel", "9003");
        harness.Fake.InjectFaults(FakeFault.LostResponse());

        var lost = await Assert.ThrowsAsync<PostException>(() => harness.Poster.PostThreadParentAsync(target, "s1:d1:~thread", Highlights.Create()));
        var found = await harness.Poster.FindPostedAsync(target, new SectionPost("s1:d1:~thread", Highlights.Create()));

        Assert.False(lost.NotDelivered);
        var post = Assert.Single(harness.Fake.Messages);
        Assert.Equal(1, harness.Fake.Requests.Count(r => r.Template == "POST channels/{channel_id}/threads"));
        Assert.Equal((post.ChannelId, post.ChannelId), (found!.MessageId, found.ThreadId));
    }

    [Fact]
    public async Task TextChannelThreadParent_PostedBeforeACrash_IsFoundAmongActiveThreads_PastTheNonceWindow()
    {
        // The parent and its thread went out, then the host died before recording them, for longer than the nonce window.
        await using var harness = await DiscordClientHarness.StartAsync(new FakeDiscordOptions { NonceWindow = TimeSpan.Zero }, NoRetries);
        var target = new PostTarget("discord", "channel", "9006");
        var posted = await harness.Poster.PostThreadParentAsync(target, "s1:d1:~thread", Highlights.Create());

        var found = await harness.Poster.FindPostedAsync(target, new SectionPost("s1:d1:~thread", Highlights.Create()));

        var parent = Assert.Single(harness.Fake.Messages);
        Assert.Equal(posted.ThreadId, found!.ThreadId);
        Assert.Equal(parent.Id, found.MessageId);
    }

    [Fact]
    public async Task Webhook_WithABotToken_LostAnswer_IsNotResent_AndIsFoundInItsChannel()
    {
        await using var harness = await DiscordClientHarness.StartAsync(settings: NoRetries);
        var target = new PostTarget("discord", "webhook", harness.Fake.CreateWebhook("9004"));
        var post = Highlights.Post("weekly");
        harness.Fake.InjectFaults(FakeFault.LostResponse());

        var lost = await Assert.ThrowsAsync<PostException>(() => harness.Poster.PostAsync(target, post));
        var found = await harness.Poster.FindPostedAsync(target, post);

        Assert.True(harness.Poster.CanFindPosted(target));
        Assert.False(lost.NotDelivered);
        Assert.Equal(Assert.Single(harness.Fake.Messages).Id, found!.MessageId);
        Assert.Equal(1, harness.Fake.Requests.Count(r => r.Template == "POST webhooks/{webhook_id}/{webhook_token}"));
    }

    [Fact]
    public async Task Webhook_WithoutABotToken_CannotBeSearched()
    {
        await using var harness = await DiscordClientHarness.StartAsync(settings: new Dictionary<string, string?> { ["Bot:Discord:BotToken"] = string.Empty });

        Assert.False(harness.Poster.CanFindPosted(new PostTarget("discord", "webhook", harness.Fake.CreateWebhook("9005"))));
    }

    [Fact]
    public async Task Webhook_ARefusal_IsNotDelivered_ALostAnswerIsNot()
    {
        await using var harness = await DiscordClientHarness.StartAsync(settings: NoRetries);
        var url = harness.Fake.CreateWebhook("9006");

        var refused = await Assert.ThrowsAsync<PostException>(() => harness.Poster.PostAsync(new PostTarget("discord", "webhook", url[..^4] + "0000"), Highlights.Post("weekly")));
        harness.Fake.InjectFaults(FakeFault.LostResponse());
        var lost = await Assert.ThrowsAsync<PostException>(() => harness.Poster.PostAsync(new PostTarget("discord", "webhook", url), Highlights.Post("weekly")));

        Assert.True(refused.NotDelivered);
        Assert.False(lost.NotDelivered);
    }
}
