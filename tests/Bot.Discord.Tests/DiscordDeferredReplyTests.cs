using System.Net;
using System.Text.Json.Nodes;

namespace Bot.Discord.Tests;

public sealed class DiscordDeferredReplyTests
{
    [Fact]
    public async Task SlowCommand_IsDeferred_ThenOriginalIsEdited()
    {
        // A zero inline budget makes every command take the deferred path.
        await using var host = await DiscordHostFactory.StartAsync(new Dictionary<string, string?> { ["Bot:Discord:InlineReplyTimeout"] = "00:00:00" });
        using var client = host.CreateClient();
        var interaction = Interactions.Command("papers", ("query", "Sparse Mixture Routing"));

        var (status, body, _) = await Interactions.SendAsync(client, host.Signer, interaction);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, (int)body!["type"]!);
        await host.Fake.WaitForAsync(f => f.Messages.Any(m => m.Kind == "interaction-edit"));
        var edit = host.Fake.Messages.Single(m => m.Kind == "interaction-edit");
        Assert.Equal("interaction:" + (string)interaction["token"]!, edit.ChannelId);
        Assert.Contains("Sparse Mixture Routing", edit.Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowCommand_ThatFails_ReplacesTheDeferredReplyWithAnEphemeralFollowup()
    {
        await using var host = await DiscordHostFactory.StartAsync(new Dictionary<string, string?> { ["Bot:Discord:InlineReplyTimeout"] = "00:00:00" });
        using var client = host.CreateClient();

        var (_, body, _) = await Interactions.SendAsync(client, host.Signer, Interactions.Command("digest", ("date", "1999-01-01")));

        Assert.Equal(5, (int)body!["type"]!);
        await host.Fake.WaitForAsync(f => f.Messages.Any(m => m.Kind == "followup"));
        Assert.Contains(host.Fake.Messages, m => m.Kind == "interaction-delete");
        var followup = host.Fake.Messages.Single(m => m.Kind == "followup");
        Assert.Equal(64, (int)followup.Body["flags"]!);
        Assert.DoesNotContain(host.Fake.Messages, m => m.Kind == "interaction-edit");
    }
}
