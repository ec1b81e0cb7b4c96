using System.Text.Json;
using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Core.Templates;
using Bot.Core.Tests;
using Bot.Discord.Rendering;
using Bot.Discord.Wire.Messages;
using Bot.TestSupport.FakeDiscord;
using FsCheck;
using FsCheck.Xunit;

namespace Bot.Discord.Tests;

/// <summary>For any hostile input, every Discord payload stays within its limits and nothing pings.</summary>
public sealed class DiscordRenderingPropertyTests
{
    private static readonly TemplateStore Templates = TemplateStore.FromDirectory(RepoPaths.Templates, [DiscordMarkup.Dialect]);
    private static readonly DiscordRenderer Discord = new(Templates);

    [Property(Arbitrary = [typeof(AdversarialGen)], MaxTest = 60)]
    public void DiscordPost_StaysWithinLimits_AndPingsOnlyTheOptedInRole(SectionHighlight highlight, bool withRole)
    {
        var role = withRole ? "123456789012345678" : null;
        var messages = Discord.RenderPost(new SectionPost("ledger", highlight, ThreadName: highlight.DigestTitle, MentionRoleId: role));

        Assert.NotEmpty(messages);
        foreach (var message in messages)
        {
            Assert.Empty(DiscordLimitsValidator.ValidateJson(JsonSerializer.Serialize(message, DiscordMessageJsonContext.Default.DiscordMessage)));
            Assert.Empty(PingCheck.Discord(message, role));
        }

        var fields = messages.SelectMany(m => m.Embeds!.Single().Fields!).ToList();
        Assert.Equal(highlight.Items.Count + (highlight.MoreCount > 0 ? 1 : 0), fields.Count);
        Assert.Equal(highlight.Items.Select((_, i) => $"{i + 1}."), fields.Take(highlight.Items.Count).Select(f => f.Name.Split(' ')[0]));
    }

    [Property(Arbitrary = [typeof(AdversarialGen)], MaxTest = 100)]
    public void DiscordReply_StaysWithinLimits_AndPingsNobody(Reply reply)
    {
        var message = Discord.RenderReply(reply);

        Assert.Empty(DiscordLimitsValidator.ValidateJson(JsonSerializer.Serialize(message, DiscordMessageJsonContext.Default.DiscordMessage)));
        Assert.Empty(PingCheck.Discord(message));
    }

    [Fact]
    public void Posts_StayWithinLimits_ForTwoHundredHugeEntries()
    {
        var huge = string.Concat(Enumerable.Repeat("한국어 English @everyone <!channel> **x** 👨‍👩‍👧‍👦 ", 400))[..20_000];
        var highlight = TestDigests.Highlight("papers", 200, more: 7, title: _ => huge, summary: _ => huge);

        var discord = Discord.RenderPost(new SectionPost("k", highlight));

        Assert.All(discord, m => Assert.Empty(DiscordLimitsValidator.ValidateJson(JsonSerializer.Serialize(m, DiscordMessageJsonContext.Default.DiscordMessage))));
        Assert.All(discord, m => Assert.Empty(PingCheck.Discord(m)));
        Assert.Equal(201, discord.Sum(m => m.Embeds!.Single().Fields!.Count));
    }
}
