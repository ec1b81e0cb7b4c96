using System.Text.Json;
using Bot.Digests;
using Bot.Discord;
using Bot.Slack;
using Bot.TestSupport.FakeDiscord;
using Bot.TestSupport.FakeSlack;

namespace Bot.Core.Tests;

/// <summary>
/// The exact payloads of the sample digests on both platforms, compared with <c>Golden/*.json</c>.
/// Regenerate after an intended change with <c>BOT_UPDATE_GOLDEN=1 dotnet test tests/Bot.Core.Tests</c> (it writes the files and fails), review the diff, run again.
/// </summary>
public sealed class GoldenPayloadTests
{
    private static readonly TemplateStore Templates = TemplateStore.FromDirectory(RepoPaths.Templates);

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", "digests"), "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void DiscordPayloads_MatchGolden(string sample)
    {
        var posts = PayloadSnapshot.Posts(Parse(sample), 3).ToList();
        var messages = posts.SelectMany(new DiscordRenderer(Templates).RenderPost).ToList();

        Assert.All(messages, m => Assert.Empty(DiscordLimitsValidator.ValidateJson(JsonSerializer.Serialize(m, DiscordMessageJsonContext.Default.DiscordMessage))));
        AssertGolden(Path.ChangeExtension(sample, ".discord.json"), PayloadSnapshot.Json(messages));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void SlackPayloads_MatchGolden(string sample)
    {
        var posts = PayloadSnapshot.Posts(Parse(sample), 3).ToList();
        var messages = posts.SelectMany(p => new SlackRenderer(Templates).RenderPost(p, "C0123456789")).ToList();

        Assert.All(messages, m => Assert.Empty(FakeSlackValidator.ValidateJson(JsonSerializer.Serialize(m, SlackMessageJsonContext.Default.SlackMessage))));
        AssertGolden(Path.ChangeExtension(sample, ".slack.json"), PayloadSnapshot.Json(messages));
    }

    private static Digest Parse(string sample)
        => new DigestParser().Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "digests", sample)), sample);

    private static void AssertGolden(string name, string actual)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "Bot.Core.Tests", "Golden", name);
        Bot.TestSupport.Regeneration.WriteAndFailIfRequested("BOT_UPDATE_GOLDEN", path, actual);

        Assert.True(File.Exists(path), $"No golden file {path}; create it with BOT_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
