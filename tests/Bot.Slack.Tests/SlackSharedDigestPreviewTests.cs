using System.Text.Json;
using Bot.Core.Replies;
using Bot.Core.Templates;
using Bot.Core.Tests;
using Bot.Digests;
using Bot.Slack.Rendering;
using Bot.Slack.Wire.Messages;
using Bot.TestSupport.FakeSlack;

namespace Bot.Slack.Tests;

/// <summary>Every real third-party digest in <c>../shared</c> previews within Slack's limits, without pings.</summary>
public sealed class SlackSharedDigestPreviewTests
{
    private static readonly TemplateStore Templates = TemplateStore.FromDirectory(RepoPaths.Templates, [SlackMarkup.Dialect]);

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
    public void Digest_PreviewsWithinSlacksLimits(string relativePath)
    {
        var digest = new DigestParser().Parse(File.ReadAllText(Path.Combine(RepoPaths.Shared!, relativePath)), Path.GetFileName(relativePath));
        var slack = new SlackRenderer(Templates);

        // Some real digests are stubs with no entries: they post nothing, but /digest must still render.
        var overview = new DigestOverview(digest.Id, digest.Title, digest.Date, PayloadSnapshot.PublicUrl(digest), digest.Summary,
            digest.Sections.Select(s => new OverviewSection(s.Key, s.Title, s.Entries.Count, PayloadSnapshot.PublicUrl(digest))).ToList());
        Assert.Empty(FakeSlackValidator.ValidateJson(JsonSerializer.Serialize(slack.RenderReply(overview), SlackMessageJsonContext.Default.SlackMessage)));
        foreach (var entries in new[] { 5, int.MaxValue })
        {
            foreach (var post in PayloadSnapshot.Posts(digest, entries))
            {
                var slackMessages = slack.RenderPost(post, "C1");
                Assert.All(slackMessages, m => Assert.Empty(FakeSlackValidator.ValidateJson(JsonSerializer.Serialize(m, SlackMessageJsonContext.Default.SlackMessage))));
                Assert.All(slackMessages, m => Assert.Empty(PingCheck.Slack(m)));

                Assert.Empty(FakeSlackValidator.ValidateJson(JsonSerializer.Serialize(slack.RenderReply(post.Highlight), SlackMessageJsonContext.Default.SlackMessage)));
            }
        }
    }
}
