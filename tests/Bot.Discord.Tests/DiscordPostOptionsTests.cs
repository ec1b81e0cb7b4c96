using Bot.Core.Posting;


namespace Bot.Discord.Tests;

/// <summary>Crosspost (announcement channels), Silent (SUPPRESS_NOTIFICATIONS), webhook identity and forum tags.</summary>
public sealed class DiscordPostOptionsTests
{
    [Fact]
    public async Task Crosspost_PublishesEachPostInAnAnnouncementChannel()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        harness.Fake.AddAnnouncementChannel("7001");
        var target = new PostTarget("discord", "channel", "7001") { Options = new PostTargetOptions([], Crosspost: true) };

        var receipt = await harness.Poster.PostAsync(target, Highlights.Post("news"));

        Assert.Contains(receipt.MessageId, harness.Fake.Crossposted);
        Assert.Contains(harness.Fake.Requests, r => r.Template == "POST channels/{channel_id}/messages/{message_id}/crosspost" && r.Status == 200);
    }

    [Fact]
    public async Task Silent_SetsSuppressNotifications()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        var target = new PostTarget("discord", "channel", "7002") { Options = new PostTargetOptions([], Silent: true) };

        await harness.Poster.PostAsync(target, Highlights.Post("quiet"));

        Assert.Equal(4096, (int)Assert.Single(harness.Fake.Messages).Body["flags"]! & 4096);
    }

    [Fact]
    public async Task Webhook_PostsWithItsUsernameAndAvatar()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        var target = new PostTarget("discord", "webhook", harness.Fake.CreateWebhook("7003")) { Options = new PostTargetOptions([], Username: "AI 트렌드", AvatarUrl: "https://example.org/a.png") };

        await harness.Poster.PostAsync(target, Highlights.Post("hook"));

        var body = Assert.Single(harness.Fake.Messages).Body;
        Assert.Equal(("AI 트렌드", "https://example.org/a.png"), ((string)body["username"]!, (string)body["avatar_url"]!));
    }

    [Fact]
    public async Task ForumRequiringATag_AcceptsThePostWithAppliedTags()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        harness.Fake.AddForumChannel("7004", requireTag: true, "951");
        var target = new PostTarget("discord", "channel", "7004") { Options = new PostTargetOptions(["951"]) };

        await harness.Poster.PostAsync(target, Highlights.Post("forum", threadName: "Weekly"));

        Assert.Single(harness.Fake.Messages);
        Assert.Empty(harness.Fake.Rejections);
    }

    [Fact]
    public void TargetOptions_RoundTripThroughTheStoredTargetString()
    {
        var target = new PostTarget("discord", "channel", "7005") { Options = new PostTargetOptions(["1", "2"], true, true, "봇 이름", "https://x.example/a.png?s=1") };

        Assert.True(PostTarget.TryParse(target.ToStorageString(), out var parsed, out var error), error);

        Assert.Equal(["1", "2"], parsed!.Options.AppliedTags);
        Assert.Equal((true, true, "봇 이름", "https://x.example/a.png?s=1"), (parsed.Options.Crosspost, parsed.Options.Silent, parsed.Options.Username, parsed.Options.AvatarUrl));
        Assert.Equal("7005", parsed.Value);
    }
}
