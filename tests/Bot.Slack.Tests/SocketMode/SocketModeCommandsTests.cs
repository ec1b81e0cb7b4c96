using System.Net;
using System.Text.Json.Nodes;
using Bot.Slack.SocketMode;
using Bot.TestSupport.FakeSlack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Slack.Tests.SocketMode;

/// <summary>Every command over Socket Mode: acknowledged within 3 s, answered in the ack (or through response_url), the same as over HTTP.</summary>
public sealed class SocketModeCommandsTests
{
    [Fact]
    public async Task EveryCommand_IsAnsweredInTheAck_WithTheSameMessageAsTheHttpEndpoint()
    {
        await using var run = await SocketModeHost.StartAsync(new Dictionary<string, string?> { ["Bot:Slack:Mode"] = "Socket", ["Bot:Slack:SigningSecret"] = SlackHostFactory.SigningSecret });
        using var http = run.Host.CreateClient();
        (string Command, string Text)[] commands =
        [
            ("papers", "sparse mixture routing"), ("search", "모델"), ("refs", "Sparse Mixture Routing"), ("digest", "latest"),
            ("highlights", "papers"), ("papers", ""), ("nonsense", "x"),
        ];

        foreach (var (command, text) in commands)
        {
            var response = await http.SendAsync(SlackHostFactory.Signed("/slack/commands", SlackHostFactory.CommandForm(command, text, run.Fake.NewResponseUrl())));
            var viaHttp = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            var envelope = await AckedAsync(run.Fake, run.Fake.SendSlashCommand(command, text));

            Assert.NotNull(envelope.AckPayload);
            Assert.Equal(viaHttp.ToJsonString(), envelope.AckPayload!.ToJsonString());
            Assert.True(envelope.AckDelay < TimeSpan.FromSeconds(3));
        }

        Assert.Empty(run.Fake.Rejections);
    }

    [Fact]
    public async Task NextButton_OverSocketMode_ReplacesTheOriginalThroughResponseUrl()
    {
        await using var run = await SocketModeHost.StartAsync();
        var first = await AckedAsync(run.Fake, run.Fake.SendSlashCommand("search", "모델"));
        var next = first.AckPayload!["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray()).Single(e => e!["action_id"]!.GetValue<string>() == "page_next")!;
        var responseUrl = run.Fake.NewResponseUrl();

        run.Fake.SendInteractive(new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "UUSER" },
            ["channel"] = new JsonObject { ["id"] = "CCHANNEL" },
            ["response_url"] = responseUrl,
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "page_next", ["block_id"] = "b1", ["value"] = next["value"]!.GetValue<string>(), ["type"] = "button" }),
        });
        await run.Fake.WaitForAsync(m => m.Any(x => x.Kind == "response_url"));
        await run.Fake.WaitForEnvelopesAsync(e => e.All(x => x.AckedAt is not null));

        var replaced = Assert.Single(run.Fake.MessagesAt(responseUrl)).Body;
        Assert.True(replaced["replace_original"]!.GetValue<bool>());
        Assert.NotEqual(first.AckPayload!["blocks"]!.ToJsonString(), replaced["blocks"]!.ToJsonString());
        Assert.All(run.Fake.Envelopes, e => Assert.True(e.AckDelay < TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task SlowAnswer_IsAcknowledgedEmpty_ThenPostedToResponseUrl()
    {
        await using var run = await SocketModeHost.StartAsync(new Dictionary<string, string?> { ["Bot:Slack:InlineReplyBudget"] = "00:00:00" });

        var responseUrl = run.Fake.SendSlashCommand("papers", "sparse mixture routing");
        await run.Fake.WaitForAsync(m => m.Any(x => x.Kind == "response_url"));

        // The ack (on the socket) and the response_url POST (over HTTP) travel separately; either may reach the fake first.
        await run.Fake.WaitForEnvelopesAsync(e => e.All(x => x.AckedAt is not null));
        var envelope = Assert.Single(run.Fake.Envelopes);
        Assert.NotNull(envelope.AckedAt);
        Assert.Null(envelope.AckPayload);
        Assert.Contains("Sparse Mixture Routing", Assert.Single(run.Fake.MessagesAt(responseUrl)).Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedeliveredEnvelope_IsAnsweredOnce()
    {
        await using var run = await SocketModeHost.StartAsync(new Dictionary<string, string?> { ["Bot:Slack:InlineReplyBudget"] = "00:00:00" });
        var handler = run.Host.Services.GetRequiredService<SocketModeEnvelopeHandler>();
        var responseUrl = run.Fake.NewResponseUrl();
        JsonObject Envelope(string id, int retry) => new()
        {
            ["envelope_id"] = id,
            ["type"] = "slash_commands",
            ["accepts_response_payload"] = true,
            ["retry_attempt"] = retry,
            ["retry_reason"] = retry == 0 ? string.Empty : "timeout",
            ["payload"] = new JsonObject { ["command"] = "/papers", ["text"] = "sparse mixture routing", ["response_url"] = responseUrl, ["trigger_id"] = "777.1.fake", ["user_id"] = "UUSER", ["channel_id"] = "CCHANNEL" },
        };

        var first = await handler.HandleAsync(System.Text.Json.JsonDocument.Parse(Envelope("e-1", 0).ToJsonString()).RootElement);
        var again = await handler.HandleAsync(System.Text.Json.JsonDocument.Parse(Envelope("e-1", 1).ToJsonString()).RootElement);
        var retried = await handler.HandleAsync(System.Text.Json.JsonDocument.Parse(Envelope("e-2", 1).ToJsonString()).RootElement);
        await run.Fake.WaitForAsync(m => m.Any(x => x.Kind == "response_url"));
        await Task.Delay(500);

        Assert.Single(run.Fake.MessagesAt(responseUrl));
        Assert.Contains("\"e-1\"", System.Text.Encoding.UTF8.GetString(again!), StringComparison.Ordinal);
        Assert.Contains("\"e-2\"", System.Text.Encoding.UTF8.GetString(retried!), StringComparison.Ordinal);
        Assert.NotNull(first);
    }

    [Fact]
    public async Task Host_WithOnlyAnAppToken_StartsServesAndStops_WithNoPublicEndpoint()
    {
        var run = await SocketModeHost.StartAsync();
        var fake = run.Fake;
        using (var http = run.Host.CreateClient())
        {
            await AckedAsync(fake, fake.SendSlashCommand("papers", "sparse mixture routing"));
            var refused = await http.SendAsync(SlackHostFactory.Signed("/slack/commands", SlackHostFactory.CommandForm("papers", "x", fake.NewResponseUrl())));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            var health = await run.Host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
            Assert.Equal(HealthStatus.Healthy, health.Entries["slack-socket-mode"].Status);
            Assert.Equal(1, fake.OpenSocketConnections);
        }

        // The fake counts a connection closed once it has read the bot's close frame, which may come after the host is gone.
        await run.Host.DisposeAsync();
        await WaitAsync(() => fake.OpenSocketConnections == 0);
        await fake.DisposeAsync();
    }

    [Fact]
    public async Task RefusedAppToken_StopsWithAHealthCheckThatSaysWhy()
    {
        await using var run = await SocketModeHost.StartAsync(new Dictionary<string, string?> { ["Bot:Slack:AppToken"] = "xapp-1-revoked" }, ingest: false);
        var status = run.Host.Services.GetRequiredService<SlackSocketModeStatus>();
        await WaitAsync(() => status.StoppedReason is not null);

        var health = await run.Host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, health.Entries["slack-socket-mode"].Status);
        Assert.Contains("invalid_auth", health.Entries["slack-socket-mode"].Description, StringComparison.Ordinal);
        Assert.Equal(0, run.Fake.SocketConnections);
    }

    internal static async Task<FakeSocketEnvelope> AckedAsync(FakeSlackServer fake, string responseUrl)
    {
        await fake.WaitForEnvelopesAsync(e => e.Any(x => x.ResponseUrl == responseUrl && x.AckedAt is not null));
        return fake.Envelopes.Single(x => x.ResponseUrl == responseUrl);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + FakeSlackServer.DefaultWait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }
}
