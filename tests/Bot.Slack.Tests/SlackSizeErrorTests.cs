using System.Text.Json.Nodes;
using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Slack.Api;
using Bot.Slack.Posting;
using Bot.Slack.Rendering;
using Bot.TestSupport.FakeSlack;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Slack.Tests;

/// <summary>
/// Slack's size answers (<c>msg_blocks_too_long</c>, length-caused <c>invalid_blocks</c>, <c>too_many_attachments</c>)
/// split the message and retry instead of failing the post for good; thread mode on a webhook is refused up front.
/// </summary>
public sealed class SlackSizeErrorTests : FakeSlackTest
{
    private SlackSectionPoster Poster => Services.GetRequiredService<SlackSectionPoster>();

    private static SectionHighlight Highlight(int items) => new(
        "2025-01-06-weekly",
        "Weekly digest",
        new DateOnly(2025, 1, 6),
        "https://example.blog/posts/weekly/",
        "papers",
        "Papers",
        [.. Enumerable.Range(1, items).Select(i => new HighlightItem($"e{i}", $"Entry {i}", $"Bullet {i}", $"https://arxiv.org/abs/2401.{i:00000}"))],
        items);

    [Fact]
    public async Task BlocksTooLong_IsSplitAndRetried_NotAPermanentFailure()
    {
        Fake.EnqueueFault(FakeSlackFault.BlocksTooLong);

        await Poster.PostAsync(new PostTarget("slack", "channel", "CSPLIT"), new SectionPost("sub/d1/papers", Highlight(4)));

        var sent = Fake.MessagesIn("CSPLIT");
        Assert.Equal(2, sent.Count);
        Assert.Empty(Fake.Rejections);
    }

    [Fact]
    public async Task FakeRefusesAnOversizedMessage_AndTheSplitterGetsItThrough()
    {
        var client = Services.GetRequiredService<SlackApiClient>();
        var blocks = new JsonArray([.. Enumerable.Range(0, 4).Select(i => (JsonNode)new JsonObject
        {
            ["type"] = "section",
            ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = new string((char)('a' + i), 2_900) },
        })]);
        var message = new JsonObject { ["channel"] = "CBIG", ["text"] = "big", ["blocks"] = blocks };

        var direct = await Assert.ThrowsAsync<SlackApiException>(() => client.PostMessageAsync((JsonObject)message.DeepClone()));
        await SlackMessageSplitter.SendAsync(message, m => client.PostMessageAsync(m));

        Assert.Equal("msg_blocks_too_long", direct.Error);
        Assert.Equal(2, Fake.MessagesIn("CBIG").Count);
    }

    [Fact]
    public void Renderer_KeepsEveryMessageUnderTenThousandCharacters()
    {
        var renderer = Services.GetRequiredService<SlackRenderer>();
        var long400 = new string('가', 400);
        var highlight = Highlight(1) with
        {
            Items = [.. Enumerable.Range(1, 25).Select(i => new HighlightItem($"e{i}", $"Entry {i} " + long400, long400, $"https://arxiv.org/abs/2401.{i:00000}"))],
        };

        var messages = renderer.RenderPost(new SectionPost("sub/d1/papers", highlight));

        Assert.All(messages, m => Assert.InRange(SlackLimits.BlockTextLength(m.Blocks ?? []), 0, 10_000));
    }

    [Fact]
    public async Task ThreadMode_OnAWebhook_IsRefused()
    {
        var problem = await new SlackTargetCheck(Microsoft.Extensions.Options.Options.Create(new SlackOptions { BotToken = "xoxb-1" }))
            .CheckAsync(new PostTarget("slack", "webhook", Fake.WebhookUrl()), thread: true);

        Assert.Contains("Thread: false", problem, StringComparison.Ordinal);
    }
}
