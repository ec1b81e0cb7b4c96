using System.Text.Json;
using Bot.Core.Commands;
using Bot.Core.Highlights;
using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Core.Templates;
using Bot.Core.Tests;
using Bot.Discord.Rendering;
using Bot.Discord.Wire.Messages;
using Bot.TestSupport.FakeDiscord;

namespace Bot.Discord.Tests;

public sealed class DiscordRendererTests
{
    private readonly DiscordRenderer _renderer = new(TemplateStore.FromDirectory(RepoPaths.Templates, [DiscordMarkup.Dialect]));

    [Fact]
    public void ShippedTemplates_Load_ForDiscord()
    {
        Assert.Empty(TemplateStore.Validate(RepoPaths.Templates, [DiscordMarkup.Dialect]));
    }

    [Fact]
    public void RenderPost_PingsNobody_AndCarriesNonce()
    {
        var messages = _renderer.RenderPost(new SectionPost("sub:digest:papers", TestDigests.Highlight("papers", 5, more: 3)));

        var message = Assert.Single(messages);
        var json = JsonSerializer.Serialize(message, DiscordMessageJsonContext.Default.DiscordMessage);
        Assert.Contains("\"allowed_mentions\":{\"parse\":[]}", json, StringComparison.Ordinal);
        Assert.Equal(DiscordRenderer.Nonce("sub:digest:papers", 0), message.Nonce);
        Assert.True(message.EnforceNonce);
        Assert.Null(message.Content);
        var embed = Assert.Single(message.Embeds!);
        Assert.Equal(6, embed.Fields!.Count);
        Assert.Equal(DiscordColors.Of(SectionKind.Papers), embed.Color);
        Assert.Equal("+3 more", embed.Fields[^1].Name);
        Assert.Equal($"[Read the full digest]({TestDigests.Url})", embed.Fields[^1].Value);
    }

    [Fact]
    public void RenderPost_MentionsOnlyTheOptedInRole_InFirstMessage()
    {
        var post = new SectionPost("k", TestDigests.Highlight("news", 60, summary: _ => new string('x', 900)), MentionRoleId: "123456");

        var messages = _renderer.RenderPost(post);

        Assert.True(messages.Count > 1);
        Assert.Equal("<@&123456>", messages[0].Content);
        Assert.Equal(["123456"], messages[0].AllowedMentions.Roles);
        Assert.All(messages.Skip(1), m => Assert.Null(m.AllowedMentions.Roles));
    }

    [Fact]
    public void RenderPost_IgnoresRoleThatIsNotASnowflake()
    {
        var message = _renderer.RenderPost(new SectionPost("k", TestDigests.Highlight("news", 1), MentionRoleId: "everyone")).Single();

        Assert.Null(message.Content);
        Assert.Null(message.AllowedMentions.Roles);
    }

    [Fact]
    public void RenderPost_SplitsLongSectionBetweenEntries_InOrder()
    {
        var highlight = TestDigests.Highlight("papers", 40, summary: i => $"S{i} " + new string('y', 1500));

        var messages = _renderer.RenderPost(new SectionPost("k", highlight));

        Assert.True(messages.Count > 1);
        var names = messages.SelectMany(m => m.Embeds!.Single().Fields!).Select(f => f.Name).ToList();
        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"{i}. Entry {i}"), names);
        Assert.All(messages, m => Assert.Empty(DiscordLimitsValidator.ValidateJson(JsonSerializer.Serialize(m, DiscordMessageJsonContext.Default.DiscordMessage))));
        Assert.Equal(messages.Count, messages.Select(m => m.Nonce).Distinct().Count());
        Assert.EndsWith($"(1/{messages.Count})", messages[0].Embeds![0].Title, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderPost_SetsThreadNameOnFirstMessageOnly()
    {
        var messages = _renderer.RenderPost(new SectionPost("k", TestDigests.Highlight("news", 40, summary: _ => new string('z', 1000)), ThreadName: "AI Trends July @everyone"));

        Assert.Equal("AI Trends July @\u200Beveryone", messages[0].ThreadName);
        Assert.All(messages.Skip(1), m => Assert.Null(m.ThreadName));
    }

    [Fact]
    public void RenderReply_ErrorIsEphemeralContent()
    {
        var message = _renderer.RenderReply(new ErrorReply("No papers match \"x\".", "Try fewer words."));

        Assert.Equal(DiscordLimits.EphemeralFlag, message.Flags);
        Assert.Equal("⚠️ No papers match \"x\".\nTry fewer words.", message.Content);
    }

    [Fact]
    public void RenderReply_SearchHasPagingButtonsWithState()
    {
        var results = new SearchResults("search", "diffusion", null, 12, 2, 3, [TestDigests.Result("Diffusion survey")], new PagingState("search", 5, null, "diffusion").Encode());

        var message = _renderer.RenderReply(results);

        var buttons = Assert.Single(message.Components!).Components!;
        Assert.Equal(["pg:1:s5::diffusion", "pg:3:s5::diffusion"], buttons.Select(b => b.CustomId));
        Assert.All(buttons, b => Assert.Null(b.Disabled));
        Assert.Null(message.Flags);
        Assert.Equal("Page 2 of 3", message.Embeds![0].Footer!.Text);
    }

    [Fact]
    public void RenderReply_DisablesPreviousOnFirstPage()
    {
        var results = new SearchResults("papers", "q", null, 12, 1, 3, [TestDigests.Result("A")], new PagingState("papers", 5, null, "q").Encode());

        var buttons = _renderer.RenderReply(results).Components!.Single().Components!;

        Assert.True(buttons[0].Disabled);
        Assert.Null(buttons[1].Disabled);
    }

    [Fact]
    public void RenderReply_SearchShowsACappedTotalAsALowerBound()
    {
        var capped = new SearchResults("search", "llm", null, 1000, 1, 100, [TestDigests.Result("A")], new PagingState("search", 10, null, "llm").Encode()) { TotalIsLowerBound = true };
        var exact = capped with { Total = 1204, TotalIsLowerBound = false };

        Assert.StartsWith("1,000+ results", _renderer.RenderReply(capped).Embeds![0].Description, StringComparison.Ordinal);
        Assert.StartsWith("1,204 results", _renderer.RenderReply(exact).Embeds![0].Description, StringComparison.Ordinal);
    }
}
