using System.Text.Json;
using Bot.Core.Commands;
using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Core.Templates;
using Bot.Core.Tests;
using Bot.Slack.Rendering;
using Bot.Slack.Wire.Messages;
using Bot.TestSupport.FakeSlack;

namespace Bot.Slack.Tests;

public sealed class SlackRendererTests
{
    private readonly SlackRenderer _renderer = new(TemplateStore.FromDirectory(RepoPaths.Templates, [SlackMarkup.Dialect]));

    [Fact]
    public void ShippedTemplates_Load_ForSlack()
    {
        Assert.Empty(TemplateStore.Validate(RepoPaths.Templates, [SlackMarkup.Dialect]));
    }

    [Fact]
    public void RenderPost_HasFallbackTextNoUnfurlAndMetadata()
    {
        var message = _renderer.RenderPost(new SectionPost("sub:d:papers", TestDigests.Highlight("papers", 3, more: 2), ThreadParentId: "1700000000.000100"), "C123").Single();

        Assert.Equal("C123", message.Channel);
        Assert.False(string.IsNullOrWhiteSpace(message.Text));
        Assert.False(message.UnfurlLinks);
        Assert.False(message.UnfurlMedia);
        Assert.Equal("1700000000.000100", message.ThreadTs);
        Assert.Equal("sub:d:papers", message.Metadata!.EventPayload["ledger_key"]);
        Assert.IsType<SlackHeaderBlock>(message.Blocks![0]);
        var more = Assert.IsType<SlackSectionBlock>(message.Blocks[^1]);
        Assert.Contains($"*+2 more* in <{TestDigests.Url}|the full digest>", more.Text.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderPost_WritesBlockTypeAndLinkMarkup()
    {
        var message = _renderer.RenderPost(new SectionPost("k", TestDigests.Highlight("news", 1, title: _ => "A & B <tag>"))).Single();

        var json = JsonSerializer.Serialize(message, SlackMessageJsonContext.Default.SlackMessage);

        Assert.Contains("{\"type\":\"header\",\"text\":{\"type\":\"plain_text\"", json, StringComparison.Ordinal);
        Assert.Contains("*<https://arxiv.org/abs/2401.00001|A &amp;amp; B &amp;lt;tag&amp;gt;>*".Replace("&amp;", "&", StringComparison.Ordinal), JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(((SlackSectionBlock)message.Blocks![2]).Text.Text)), StringComparison.Ordinal);
        Assert.Contains("\"unfurl_links\":false", json, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderPost_SplitsLongSectionBetweenEntries()
    {
        var messages = _renderer.RenderPost(new SectionPost("k", TestDigests.Highlight("papers", 200)));

        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.Empty(FakeSlackValidator.ValidateJson(JsonSerializer.Serialize(m, SlackMessageJsonContext.Default.SlackMessage))));
        var items = messages.SelectMany(m => m.Blocks!.OfType<SlackSectionBlock>()).Count();
        Assert.Equal(200, items);
        Assert.Equal(messages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), messages[0].Metadata!.EventPayload["parts"]);
    }

    [Fact]
    public void RenderPost_KeepsTitleAndSummary_WhenTitleIsHuge()
    {
        var title = string.Concat(Enumerable.Repeat("아주 긴 제목 very long title ", 1000));
        var message = _renderer.RenderPost(new SectionPost("k", TestDigests.Highlight("news", 1, title: _ => title, summary: _ => "The summary."))).Single();

        var item = Assert.IsType<SlackSectionBlock>(message.Blocks![2]).Text.Text;

        Assert.StartsWith("*<https://arxiv.org/abs/2401.00001|아주 긴 제목 very long title", item, StringComparison.Ordinal);
        Assert.EndsWith("…>*\nThe summary.", item, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderReply_SearchHasOnlyUsefulPagingButtons()
    {
        var results = new SearchResults("search", "q", null, 12, 1, 3, [TestDigests.Result("A")], new PagingState("search", 5, null, "q").Encode());

        var message = _renderer.RenderReply(results);

        var actions = Assert.IsType<SlackActionsBlock>(message.Blocks![^1]);
        var next = Assert.Single(actions.Elements);
        Assert.Equal(SlackRenderer.NextActionId, next.ActionId);
        Assert.Equal("pg:2:s5::q", next.Value);
        Assert.Equal("ephemeral", message.ResponseType);
    }

    [Fact]
    public void RenderReply_OverviewWithAHugeTitleAndSummary_StaysWithinSlacksTotalText()
    {
        // Found by the fake's validator (issue 11): the overview's header, context and summary were not counted in the budget.
        var words = string.Concat(Enumerable.Repeat("긴 문장 long words @everyone ", 400));
        var sections = Enumerable.Range(1, 45).Select(i => new OverviewSection($"s{i}", $"Section {i} " + words[..150], i, $"https://example.org/{i}")).ToList();
        var overview = new DigestOverview("d", words, new DateOnly(2026, 1, 1), "https://example.org/d", words, sections);

        var message = _renderer.RenderReply(overview, inChannel: true);

        Assert.Empty(FakeSlackValidator.ValidateJson(JsonSerializer.Serialize(message, SlackMessageJsonContext.Default.SlackMessage)));
    }

    [Fact]
    public void RenderReply_InChannelWhenAsked_ButErrorsStayEphemeral()
    {
        Assert.Equal("in_channel", _renderer.RenderReply(new TextReply("ok", false), inChannel: true).ResponseType);
        Assert.Equal("ephemeral", _renderer.RenderReply(new ErrorReply("bad"), inChannel: true).ResponseType);
    }

    [Fact]
    public void Serialized_RoundTripsThroughContext()
    {
        var message = _renderer.RenderReply(new SearchResults("search", "q", null, 12, 2, 3, [TestDigests.Result("A")], new PagingState("search", 5, null, "q").Encode()));
        var json = JsonSerializer.Serialize(message, SlackMessageJsonContext.Default.SlackMessage);

        var back = JsonSerializer.Deserialize(json, SlackMessageJsonContext.Default.SlackMessage)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, SlackMessageJsonContext.Default.SlackMessage));
    }
}
