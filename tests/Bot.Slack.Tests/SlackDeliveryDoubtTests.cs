using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Slack.Posting;
using Bot.TestSupport.FakeSlack;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Slack.Tests;

/// <summary>
/// Issue 12: the ledger tells "refused, never posted" from "maybe posted". A Slack <c>ok: false</c> answer is certain;
/// a lost answer is not; and an incoming webhook, which cannot be searched, is never resent blindly after one.
/// </summary>
public sealed class SlackDeliveryDoubtTests : FakeSlackTest
{
    private SlackSectionPoster Poster => Services.GetRequiredService<SlackSectionPoster>();

    private static SectionPost Post() => new("sub/d1/news", new SectionHighlight("d1", "Digest", null, null, "news", "News", [new HighlightItem("d1#1", "Entry", null, null)], 0));

    [Fact]
    public async Task ARefusal_IsNotDelivered()
    {
        Fake.EnqueueFault(FakeSlackFault.ChannelNotFound);

        var error = await Assert.ThrowsAsync<PostException>(() => Poster.PostAsync(new PostTarget("slack", "channel", "CGONE"), Post()));

        Assert.True(error.NotDelivered);
    }

    [Fact]
    public async Task AWebhookWhoseAnswerIsLost_IsSentOnce_AndLeftInDoubt()
    {
        var url = Fake.WebhookUrl("doubt");
        Fake.EnqueueFault(FakeSlackFault.TimeoutAfterAccepting);

        var error = await Assert.ThrowsAsync<PostException>(() => Poster.PostAsync(new PostTarget("slack", "webhook", url), Post()));

        Assert.False(error.NotDelivered);
        Assert.Single(Fake.MessagesAt(url));
    }
}
