using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Slack.Posting;
using Bot.TestSupport.FakeSlack;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Slack.Tests;

/// <summary>Issue 12: the Slack poster edits (chat.update) and deletes (chat.delete) what its bot token posted.</summary>
public sealed class SlackPostEditorTests : FakeSlackTest
{
    private SlackSectionPoster Poster => Services.GetRequiredService<SlackSectionPoster>();

    private static PostTarget Channel(string id) => new("slack", "channel", id);

    private static SectionPost Post(string title) => new("sub/d1/papers", new SectionHighlight(
        "d1", "Digest One", new DateOnly(2026, 11, 29), "https://example.blog/d1/", "papers", "Papers",
        [new HighlightItem("d1#1", title, "Summary", "https://example.org/1")], 0));

    [Fact]
    public async Task Edit_UpdatesEachMessage_WithChatUpdatesArgumentsOnly()
    {
        var receipt = await Poster.PostAsync(Channel("CE1"), Post("First title"));

        var ids = await Poster.EditAsync(Channel("CE1"), Post("Fixed title"), receipt.MessageIds!, null);

        var (ts, body) = Assert.Single(Fake.Updates);
        Assert.Equal(receipt.MessageIds, ids);
        Assert.Equal(receipt.MessageId, ts);
        Assert.Empty(SlackFieldSets.Check("chat.update", body));
        Assert.Contains("Fixed title", JsonText.Of(Fake.MessagesIn("CE1").Single().Body), StringComparison.Ordinal);
        Assert.Empty(Fake.Rejections);
    }

    [Fact]
    public async Task Edit_AMessageAlreadyDeleted_IsSkipped_AndDeletingItAgainIsFine()
    {
        var receipt = await Poster.PostAsync(Channel("CE2"), Post("Title"));
        await Poster.DeleteAsync(Channel("CE2"), receipt.MessageIds!, null);

        var ids = await Poster.EditAsync(Channel("CE2"), Post("Fixed"), receipt.MessageIds!, null);
        await Poster.DeleteAsync(Channel("CE2"), receipt.MessageIds!, null);

        Assert.Empty(ids);
        Assert.Equal(receipt.MessageIds, Fake.Deletes);
    }

    [Fact]
    public async Task Edit_SomeoneElsesMessage_IsPermanent_CantUpdateMessage()
    {
        var foreign = Fake.AddForeignMessage("CE3", "not ours");

        var error = await Assert.ThrowsAsync<PostException>(() => Poster.EditAsync(Channel("CE3"), Post("x"), [foreign], null));

        Assert.True(error.Permanent);
        Assert.Contains("cant_update_message", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_PastTheWorkspacesEditWindow_IsPermanent_EditWindowClosed()
    {
        await using var fake = await FakeSlackServer.StartAsync(new FakeSlackOptions { PostInterval = TimeSpan.Zero, EditWindow = TimeSpan.Zero });
        await using var services = TestServices.Create(fake);
        var poster = services.GetRequiredService<SlackSectionPoster>();
        var receipt = await poster.PostAsync(Channel("CE4"), Post("Title"));
        await Task.Delay(20);

        var error = await Assert.ThrowsAsync<PostException>(() => poster.EditAsync(Channel("CE4"), Post("Fixed"), receipt.MessageIds!, null));

        Assert.True(error.Permanent);
        Assert.Contains("edit_window_closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWebhookTarget_CannotEdit_AndSaysWhy()
    {
        var target = new PostTarget("slack", "webhook", Fake.WebhookUrl());

        var error = await Assert.ThrowsAsync<PostException>(() => Poster.EditAsync(target, Post("x"), ["webhook:sub/d1/papers"], null));

        Assert.False(Poster.CanEdit(target));
        Assert.True(error.Permanent);
        Assert.Contains("incoming webhook", error.Message, StringComparison.Ordinal);
    }
}
