using System.Net;
using System.Text.Json.Nodes;
using Bot.Core.Posting;
using Bot.Discord.Rest;

namespace Bot.Discord.Tests;

/// <summary>
/// Where the client used to break Discord's documented contract, and the fake's answers in those cases (codes from
/// Discord's JSON error code table: 40058, 40067, 220002).
/// </summary>
public sealed class DiscordContractTests
{
    private static JsonObject Body(string text) => new() { ["content"] = text, ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() } };

    [Fact]
    public async Task Webhook_PostsWithoutNonce()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        var url = harness.Fake.CreateWebhook("4002");

        await harness.Poster.PostAsync(new PostTarget("discord", "webhook", url), Highlights.Post("weekly"));

        var body = Assert.Single(harness.Fake.Bodies).Body.AsObject();
        Assert.False(body.ContainsKey("nonce"));
        Assert.False(body.ContainsKey("enforce_nonce"));
        Assert.Empty(harness.Fake.Rejections);
    }

    [Fact]
    public async Task ForumWebhook_ThreadParent_PostsWithoutNonce()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        var url = harness.Fake.CreateWebhook("4005", forum: true);

        await harness.Poster.PostThreadParentAsync(new PostTarget("discord", "webhook", url), "weekly|digest", Highlights.Create());

        Assert.Single(harness.Fake.Messages);
        Assert.All(harness.Fake.Bodies, b => Assert.False(b.Body.AsObject().ContainsKey("nonce")));
    }

    [Fact]
    public async Task Channel_StillSendsNonceOnCreateMessage()
    {
        await using var harness = await DiscordClientHarness.StartAsync();

        await harness.Poster.PostAsync(new PostTarget("discord", "channel", "4001"), Highlights.Post("weekly"));

        Assert.NotNull(Assert.Single(harness.Fake.Bodies).Body["nonce"]);
    }

    [Fact]
    public async Task Fake_RefusesANonceOnAWebhookBody()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        var url = harness.Fake.CreateWebhook("4002");
        var body = Body("x");
        body["nonce"] = "n-1";

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => harness.Client.ExecuteWebhookAsync(url, body));

        Assert.Equal((HttpStatusCode.BadRequest, 50035), (error.StatusCode, error.DiscordCode));
        Assert.Contains(harness.Fake.Rejections, r => r.Contains("nonce: not a field", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fake_CreateMessageInAForum_Is40058()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        harness.Fake.AddForumChannel("4005");

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => harness.Client.CreateMessageAsync("4005", Body("x")));

        Assert.Equal(40058, error.DiscordCode);
    }

    [Fact]
    public async Task Fake_WebhookWithThreadNameAndThreadId_Is220002()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        var url = harness.Fake.CreateWebhook("4005", forum: true);
        var opened = await harness.Client.ExecuteWebhookAsync(url, new JsonObject { ["content"] = "a", ["thread_name"] = "t" });

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => harness.Client.ExecuteWebhookAsync(url, new JsonObject { ["content"] = "b", ["thread_name"] = "t" }, opened.ChannelId));

        Assert.Equal(220002, error.DiscordCode);
    }

    [Fact]
    public async Task Fake_PlainWebhookWithThreadName_Is220003()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        var url = harness.Fake.CreateWebhook("4002");

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => harness.Client.ExecuteWebhookAsync(url, new JsonObject { ["content"] = "b", ["thread_name"] = "t" }));

        Assert.Equal(220003, error.DiscordCode);
    }

    [Fact]
    public async Task Fake_ForumPostWithoutARequiredTag_Is40067_AndWithOneIsAccepted()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        harness.Fake.AddForumChannel("4008", requireTag: true, "700", "701");

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => harness.Client.StartForumThreadAsync("4008", "post", Body("x")));
        var url = harness.Fake.CreateWebhook("4008", forum: true);
        var viaWebhook = await Assert.ThrowsAsync<DiscordRestException>(() => harness.Client.ExecuteWebhookAsync(url, new JsonObject { ["content"] = "b", ["thread_name"] = "t" }));

        Assert.Equal((40067, 40067), (error.DiscordCode, viaWebhook.DiscordCode));
        await harness.Client.StartForumThreadAsync("4008", "post", Body("x"), ["701"]);
        Assert.Single(harness.Fake.Messages);
    }
}
