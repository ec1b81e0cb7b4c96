using System.Net;
using System.Text.Json.Nodes;

namespace Bot.Discord.Tests;

/// <summary><c>/subscribe</c> checks the channel as start-up checks a configured target (issue 14, bug 4; issue 12).</summary>
public sealed class DiscordSubscribeCheckTests
{
    private static async Task<JsonObject> AnswerAsync(DiscordHostFactory host, JsonObject interaction)
    {
        using var client = host.CreateClient();
        var (status, body, text) = await Interactions.SendAsync(client, host.Signer, interaction);
        Assert.True(status == HttpStatusCode.OK, $"{status}: {text}");
        return body!["data"]!.AsObject();
    }

    [Fact]
    public async Task Subscribe_WithoutABotToken_IsRefused_AndStoresNothing()
    {
        await using var host = await DiscordHostFactory.StartAsync(new Dictionary<string, string?> { ["Bot:Discord:BotToken"] = string.Empty });

        var data = await AnswerAsync(host, Interactions.Command("subscribe", ("name", "no-token")));
        var listed = await AnswerAsync(host, Interactions.Command("subscriptions"));

        Assert.Equal(64, (int)data["flags"]!);
        Assert.Contains("Bot:Discord:BotToken", (string)data["content"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("no-token", listed.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_InAForumChannel_IsRefused_BecauseItCannotTakeMessages()
    {
        await using var host = await DiscordHostFactory.StartAsync();
        host.Fake.AddForumChannel(Interactions.ChannelId);

        var data = await AnswerAsync(host, Interactions.Command("subscribe", ("name", "forum")));

        Assert.Equal(64, (int)data["flags"]!);
        Assert.Contains("40058", (string)data["content"]!, StringComparison.Ordinal);
    }
}
