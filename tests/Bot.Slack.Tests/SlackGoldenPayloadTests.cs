using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Core.Templates;
using Bot.Core.Tests;
using Bot.Digests;
using Bot.Digests.Model;
using Bot.Slack.Rendering;
using Bot.Slack.Wire.Messages;
using Bot.TestSupport.FakeSlack;

namespace Bot.Slack.Tests;

/// <summary>
/// The exact Slack payloads of the sample digests, compared with <c>Golden/*.slack.json</c>.
/// Regenerate after an intended change with <c>BOT_UPDATE_GOLDEN=1 dotnet test tests/Bot.Slack.Tests</c> (it writes the files and fails), review the diff, run again.
/// </summary>
public sealed class SlackGoldenPayloadTests
{
    private static readonly JsonSerializerOptions Printed = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly TemplateStore Templates = TemplateStore.FromDirectory(RepoPaths.Templates, [SlackMarkup.Dialect]);

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
    public void SlackPayloads_MatchGolden(string sample)
    {
        var posts = PayloadSnapshot.Posts(Parse(sample), 3).ToList();
        var messages = posts.SelectMany(p => new SlackRenderer(Templates).RenderPost(p, "C0123456789")).ToList();

        Assert.All(messages, m => Assert.Empty(FakeSlackValidator.ValidateJson(JsonSerializer.Serialize(m, SlackMessageJsonContext.Default.SlackMessage))));
        AssertGolden(Path.ChangeExtension(sample, ".slack.json"), Json(messages));
    }

    private static Digest Parse(string sample)
        => new DigestParser().Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "digests", sample)), sample);

    private static void AssertGolden(string name, string actual)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "Bot.Slack.Tests", "Golden", name);
        Bot.TestSupport.Regeneration.WriteAndFailIfRequested("BOT_UPDATE_GOLDEN", path, actual);

        Assert.True(File.Exists(path), $"No golden file {path}; create it with BOT_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    private static string Json(IEnumerable<SlackMessage> messages)
        => new JsonArray([.. messages.Select(m => JsonSerializer.SerializeToNode(m, SlackMessageJsonContext.Default.SlackMessage))]).ToJsonString(Printed).ReplaceLineEndings("\n") + "\n";
}
