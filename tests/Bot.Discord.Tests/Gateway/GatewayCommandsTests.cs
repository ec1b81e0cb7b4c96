using System.Text.Json.Nodes;
using Bot.TestSupport.FakeDiscord;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests.Gateway;

/// <summary>Every command over the Gateway, answered through the callback endpoint, the same as over HTTP.</summary>
public sealed class GatewayCommandsTests
{
    [Fact]
    public async Task EveryCommand_IsAnsweredThroughTheCallback_WithTheSameBodyAsTheHttpEndpoint()
    {
        // Both transports on one host: the gateway by Mode, the HTTP endpoint by its public key.
        using var signer = new InteractionSigner();
        await using var host = await GatewayHostFactory.StartAsync(new Dictionary<string, string?> { ["Bot:Discord:Mode"] = "Gateway", ["Bot:Discord:PublicKey"] = signer.PublicKeyHex });
        using var client = host.CreateClient();
        await host.Gateway.WaitForAsync(g => g.IsLive(), what: "a ready session");
        await GatewayFaultTests.WarmUpAsync(host.Gateway); // Discord's 3 s is for a running bot, not for its JIT on a loaded machine.
        JsonObject[] commands =
        [
            Interactions.Command("papers", ("query", "agent")),
            Interactions.Command("search", ("query", "모델")),
            Interactions.Command("refs", ("query", "agent")),
            Interactions.Command("digest"),
            Interactions.Command("highlights", ("section", "papers")),
            Interactions.Command("subscriptions"),
            Interactions.Command("nonsense"),
            Interactions.Autocomplete("refs", "query", "ag"),
        ];

        foreach (var command in commands)
        {
            var (_, viaHttp, _) = await Interactions.SendAsync(client, signer, (JsonObject)command.DeepClone());
            var id = host.Gateway.DispatchInteraction((JsonObject)command.DeepClone());
            var callback = await CallbackAsync(host, id);

            Assert.Equal(viaHttp!.ToJsonString(), callback.Body.ToJsonString());
            Assert.True(callback.AfterCreation < TimeSpan.FromSeconds(3));
        }

        Assert.Empty(host.Fake.Rejections);
    }

    [Fact]
    public async Task PagingButton_UpdatesTheMessage_OverTheGateway()
    {
        // On a still clock: a cold first answer on a loaded machine can outlast Discord's 3 s, which the bot then gives up;
        // the 3 s is what the other two tests here check.
        await using var host = await GatewayHostFactory.StartAsync(time: new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)));
        await host.Gateway.WaitForAsync(g => g.IsLive(), what: "a ready session");
        var first = await CallbackAsync(host, host.Gateway.DispatchInteraction(Interactions.Command("search", ("query", "모델"))));
        var next = first.Body["data"]!["components"]![0]!["components"]!.AsArray().Last()!;

        var page = await CallbackAsync(host, host.Gateway.DispatchInteraction(Interactions.Button((string)next["custom_id"]!)));

        Assert.Equal(4, first.Type);
        Assert.Equal(7, page.Type);
        Assert.NotEqual(first.Body["data"]!["embeds"]!.ToJsonString(), page.Body["data"]!["embeds"]!.ToJsonString());
        Assert.Empty(DiscordLimitsValidator.ValidateMessage(page.Body["data"]!.AsObject()));
    }

    [Fact]
    public async Task SlowCommand_IsDeferredWithinThreeSeconds_ThenCompletedByEditingTheOriginal()
    {
        // No inline budget: every answer takes the deferred path.
        await using var host = await GatewayHostFactory.StartAsync(new Dictionary<string, string?> { ["Bot:Discord:InlineReplyTimeout"] = "00:00:00" });
        await host.Gateway.WaitForAsync(g => g.IsLive(), what: "a ready session");
        await GatewayFaultTests.WarmUpAsync(host.Gateway); // Discord's 3 s is for a running bot, not for its JIT on a loaded machine.
        var interaction = Interactions.Command("papers", ("query", "agent"));

        var callback = await CallbackAsync(host, host.Gateway.DispatchInteraction(interaction));
        await host.Fake.WaitForAsync(f => f.Messages.Any(m => m.ChannelId == "interaction:" + callback.Token));

        Assert.Equal(5, callback.Type);
        Assert.True(callback.AfterCreation < TimeSpan.FromSeconds(3));
        var edit = host.Fake.Messages.Single(m => m.ChannelId == "interaction:" + callback.Token);
        Assert.Equal("interaction-edit", edit.Kind);
    }

    private static async Task<FakeGatewayCallback> CallbackAsync(GatewayHostFactory host, string id)
    {
        await host.Gateway.WaitForAsync(g => g.Callbacks.Any(c => c.InteractionId == id), what: "the callback of " + id);
        return host.Gateway.Callbacks.Single(c => c.InteractionId == id);
    }
}
