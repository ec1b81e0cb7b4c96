using Bot.Core.Posting;
using Bot.Discord.Rest;
using Bot.TestSupport.FakeDiscord;

namespace Bot.Discord.Tests;

/// <summary>Issue 12: the Discord poster edits and deletes what it sent (Edit/Delete Message, Edit/Delete Webhook Message).</summary>
public sealed class DiscordPostEditorTests
{
    private static IPostEditor Editor(DiscordClientHarness harness) => (IPostEditor)harness.Poster;

    [Fact]
    public async Task Edit_AChannelPost_PatchesEachMessage_WithEditMessagesFieldsOnly()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        var target = new PostTarget("discord", "channel", "8001") { Options = new PostTargetOptions([], Silent: true) };
        var receipt = await harness.Poster.PostAsync(target, Highlights.Post("weekly"));

        var ids = await Editor(harness).EditAsync(target, Highlights.Post("weekly"), receipt.MessageIds!, null);

        var edit = Assert.Single(harness.Fake.Edits);
        Assert.Equal(receipt.MessageIds, ids);
        Assert.Equal((receipt.MessageId, "PATCH channels/{channel_id}/messages/{message_id}"), (edit.MessageId, edit.Template));
        Assert.Empty(DiscordFieldSets.Check(edit.Body, DiscordFieldSets.EditMessage, "Edit Message"));
        Assert.Null(edit.Body["nonce"]);
        Assert.Null(edit.Body["flags"]); // SUPPRESS_NOTIFICATIONS is for sending; an edit may only set SUPPRESS_EMBEDS
        Assert.Empty(harness.Fake.Rejections);
    }

    [Fact]
    public async Task Edit_AMessageInAWebhooksForumPost_NamesTheThread()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        var target = new PostTarget("discord", "webhook", harness.Fake.CreateWebhook("8002", forum: true));
        var parent = await harness.Poster.PostThreadParentAsync(target, "weekly|d|~thread", Highlights.Create());
        var receipt = await harness.Poster.PostAsync(target, Highlights.Post("weekly", threadParentId: parent.ThreadId));

        await Editor(harness).EditAsync(target, Highlights.Post("weekly", threadParentId: parent.ThreadId), receipt.MessageIds!, parent.ThreadId);
        await Editor(harness).DeleteAsync(target, receipt.MessageIds!, parent.ThreadId);

        Assert.Equal("PATCH webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", Assert.Single(harness.Fake.Edits).Template);
        Assert.Equal(receipt.MessageIds, harness.Fake.Deleted);
        Assert.Contains(harness.Fake.Requests, r => r.Method == "PATCH" && r.Path!.Contains("messages/", StringComparison.Ordinal));
        Assert.Empty(harness.Fake.Rejections);
    }

    [Fact]
    public async Task Edit_WithoutTheThread_IsUnknownMessage_InTheFake()
    {
        // Discord looks for a webhook's message in the webhook's channel unless thread_id says otherwise (10008).
        await using var harness = await DiscordClientHarness.StartAsync();
        var url = harness.Fake.CreateWebhook("8003", forum: true);
        var target = new PostTarget("discord", "webhook", url);
        var parent = await harness.Poster.PostThreadParentAsync(target, "weekly|d|~thread", Highlights.Create());

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => harness.Client.EditWebhookMessageAsync(url, parent.MessageId, new System.Text.Json.Nodes.JsonObject { ["content"] = "x" }));

        Assert.Equal(10008, error.DiscordCode);
    }

    [Fact]
    public async Task Edit_AMessageByAnotherUser_IsAPermanentFailure_50005()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        var target = new PostTarget("discord", "channel", "8004");
        var foreign = harness.Fake.AddForeignMessage("8004", "someone else's");

        var error = await Assert.ThrowsAsync<PostException>(() => Editor(harness).EditAsync(target, Highlights.Post("weekly"), [foreign], null));

        Assert.True(error.Permanent);
        Assert.Equal(50005, ((DiscordRestException)error.InnerException!).DiscordCode);
    }

    [Fact]
    public async Task Delete_AMessageAlreadyGone_CountsAsDeleted_AndAnEditSkipsIt()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        var target = new PostTarget("discord", "channel", "8005");
        var receipt = await harness.Poster.PostAsync(target, Highlights.Post("weekly"));
        await Editor(harness).DeleteAsync(target, receipt.MessageIds!, null);

        await Editor(harness).DeleteAsync(target, receipt.MessageIds!, null);
        var ids = await Editor(harness).EditAsync(target, Highlights.Post("weekly"), receipt.MessageIds!, null);

        Assert.Equal(receipt.MessageIds, harness.Fake.Deleted);
        Assert.Empty(ids);
        Assert.Empty(harness.Fake.Edits);
    }

    [Fact]
    public void FieldSets_RefuseANonceOnAnEdit()
    {
        var body = new System.Text.Json.Nodes.JsonObject { ["content"] = "x", ["nonce"] = "n" };

        Assert.Single(DiscordFieldSets.Check(body, DiscordFieldSets.EditMessage, "Edit Message"));
    }
}
