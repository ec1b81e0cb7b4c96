using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Core.Templates;
using Bot.Core.Tests;
using Bot.Digests;
using Bot.Digests.Model;
using Bot.Discord.Rendering;
using Bot.Discord.Wire.Messages;
using Bot.TestSupport.FakeDiscord;

namespace Bot.Discord.Tests;

/// <summary>
/// The exact Discord payloads of the sample digests, compared with <c>Golden/*.discord.json</c>.
/// Regenerate after an intended change with <c>BOT_UPDATE_GOLDEN=1 dotnet test tests/Bot.Discord.Tests</c> (it writes the files and fails), review the diff, run again.
/// </summary>
public sealed class DiscordGoldenPayloadTests
{
    private static readonly JsonSerializerOptions Printed = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly TemplateStore Templates = TemplateStore.FromDirectory(RepoPaths.Templates, [DiscordMarkup.Dialect]);

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
        AssertGolden(Path.ChangeExtension(sample, ".discord.json"), Json(messages));
    }

    private static Digest Parse(string sample)
        => new DigestParser().Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "digests", sample)), sample);

    private static void AssertGolden(string name, string actual)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "Bot.Discord.Tests", "Golden", name);
        Bot.TestSupport.Regeneration.WriteAndFailIfRequested("BOT_UPDATE_GOLDEN", path, actual);

        Assert.True(File.Exists(path), $"No golden file {path}; create it with BOT_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    private static string Json(IEnumerable<DiscordMessage> messages)
        => new JsonArray([.. messages.Select(m => JsonSerializer.SerializeToNode(m, DiscordMessageJsonContext.Default.DiscordMessage))]).ToJsonString(Printed).ReplaceLineEndings("\n") + "\n";
}
