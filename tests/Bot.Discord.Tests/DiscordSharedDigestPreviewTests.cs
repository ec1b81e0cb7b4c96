using System.Text.Json;
using Bot.Core.Replies;
using Bot.Core.Templates;
using Bot.Core.Tests;
using Bot.Digests;
using Bot.Discord.Rendering;
using Bot.Discord.Wire.Messages;
using Bot.TestSupport.FakeDiscord;

namespace Bot.Discord.Tests;

/// <summary>Every real third-party digest in <c>../shared</c> previews within Discord's limits, without pings.</summary>
public sealed class DiscordSharedDigestPreviewTests
{
    private static readonly TemplateStore Templates = TemplateStore.FromDirectory(RepoPaths.Templates, [DiscordMarkup.Dialect]);

    public static TheoryData<string> Digests()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "seeds", "wild" })
        {
            var path = Path.Combine(RepoPaths.Shared ?? string.Empty, folder);
            if (RepoPaths.Shared is not null && Directory.Exists(path))
            {
                foreach (var file in Directory.GetFiles(path, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    data.Add(Path.GetRelativePath(RepoPaths.Shared, file));
                }
            }
        }

        return data;
    }

    [SharedDigestsTheory]
    [MemberData(nameof(Digests), DisableDiscoveryEnumeration = true)]
    public void Digest_PreviewsWithinDiscordsLimits(string relativePath)
    {
        var digest = new DigestParser().Parse(File.ReadAllText(Path.Combine(RepoPaths.Shared!, relativePath)), Path.GetFileName(relativePath));
        var discord = new DiscordRenderer(Templates);

        // Some real digests are stubs with no entries: they post nothing, but /digest must still render.
        var overview = new DigestOverview(digest.Id, digest.Title, digest.Date, PayloadSnapshot.PublicUrl(digest), digest.Summary,
            digest.Sections.Select(s => new OverviewSection(s.Key, s.Title, s.Entries.Count, PayloadSnapshot.PublicUrl(digest))).ToList());
        Assert.Empty(DiscordLimitsValidator.ValidateJson(JsonSerializer.Serialize(discord.RenderReply(overview), DiscordMessageJsonContext.Default.DiscordMessage)));
        foreach (var entries in new[] { 5, int.MaxValue })
        {
            foreach (var post in PayloadSnapshot.Posts(digest, entries))
            {
                var discordMessages = discord.RenderPost(post);
                Assert.All(discordMessages, m => Assert.Empty(DiscordLimitsValidator.ValidateJson(JsonSerializer.Serialize(m, DiscordMessageJsonContext.Default.DiscordMessage))));
                Assert.All(discordMessages, m => Assert.Empty(PingCheck.Discord(m)));
                Assert.Equal(post.Highlight.Items.Count + (post.Highlight.MoreCount > 0 ? 1 : 0), discordMessages.Sum(m => m.Embeds!.Single().Fields!.Count));

                Assert.Empty(DiscordLimitsValidator.ValidateJson(JsonSerializer.Serialize(discord.RenderReply(post.Highlight), DiscordMessageJsonContext.Default.DiscordMessage)));
            }
        }
    }
}
