using System.Text.Json;
using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Core.Templates;
using Bot.Core.Tests;
using Bot.Slack.Rendering;
using Bot.Slack.Wire.Messages;
using Bot.TestSupport.FakeSlack;
using FsCheck;
using FsCheck.Xunit;

namespace Bot.Slack.Tests;

/// <summary>For any hostile input, every Slack payload stays within its limits and nothing pings.</summary>
public sealed class SlackRenderingPropertyTests
{
    private static readonly TemplateStore Templates = TemplateStore.FromDirectory(RepoPaths.Templates, [SlackMarkup.Dialect]);
    private static readonly SlackRenderer Slack = new(Templates);

    [Property(Arbitrary = [typeof(AdversarialGen)], MaxTest = 60)]
    public void SlackPost_StaysWithinLimits_AndPingsNobody(SectionHighlight highlight)
    {
        var messages = Slack.RenderPost(new SectionPost("ledger", highlight), "C1");

        Assert.NotEmpty(messages);
        foreach (var message in messages)
        {
            Assert.Empty(FakeSlackValidator.ValidateJson(JsonSerializer.Serialize(message, SlackMessageJsonContext.Default.SlackMessage)));
            Assert.Empty(PingCheck.Slack(message));
            Assert.False(message.UnfurlLinks);
        }

        var items = messages.SelectMany(m => m.Blocks!.OfType<SlackSectionBlock>()).Count();
        Assert.Equal(highlight.Items.Count + (highlight.MoreCount > 0 ? 1 : 0), items);
    }

    [Property(Arbitrary = [typeof(AdversarialGen)], MaxTest = 100)]
    public void SlackReply_StaysWithinLimits_AndPingsNobody(Reply reply)
    {
        var message = Slack.RenderReply(reply, inChannel: true);

        Assert.Empty(FakeSlackValidator.ValidateJson(JsonSerializer.Serialize(message, SlackMessageJsonContext.Default.SlackMessage)));
        Assert.Empty(PingCheck.Slack(message));
    }

    [Fact]
    public void Posts_StayWithinLimits_ForTwoHundredHugeEntries()
    {
        var huge = string.Concat(Enumerable.Repeat("한국어 English @everyone <!channel> **x** 👨‍👩‍👧‍👦 ", 400))[..20_000];
        var highlight = TestDigests.Highlight("papers", 200, more: 7, title: _ => huge, summary: _ => huge);

        var slack = Slack.RenderPost(new SectionPost("k", highlight));

        Assert.All(slack, m => Assert.Empty(FakeSlackValidator.ValidateJson(JsonSerializer.Serialize(m, SlackMessageJsonContext.Default.SlackMessage))));
        Assert.All(slack, m => Assert.Empty(PingCheck.Slack(m)));
        Assert.Equal(201, slack.Sum(m => m.Blocks!.OfType<SlackSectionBlock>().Count()));
    }
}
