using Bot.Core.Posting;
using Bot.TestSupport.FakeDiscord;

namespace Bot.Discord.Tests;

/// <summary>
/// Every JSON body the host sends to Discord, across every target kind and the interaction paths, is recorded by the
/// fake and checked against the field sets Discord documents for its endpoint (<see cref="DiscordFieldSets"/>).
/// </summary>
public sealed class DiscordCapturedPayloadTests
{
    [Fact]
    public async Task EveryBodySent_UsesOnlyItsEndpointsDocumentedFields()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        var fake = harness.Fake;
        fake.AddForumChannel("6003", requireTag: true, "901");
        var webhook = new PostTarget("discord", "webhook", fake.CreateWebhook("6004"));
        var forumWebhook = new PostTarget("discord", "webhook", fake.CreateWebhook("6005", forum: true));
        var channel = new PostTarget("discord", "channel", "6001");
        var forum = new PostTarget("discord", "channel", "6003") { Options = new PostTargetOptions(["901"]) };

        await harness.Poster.PostAsync(channel, Highlights.Post("a"));
        var parent = await harness.Poster.PostThreadParentAsync(new PostTarget("discord", "channel", "6002"), "a|d", Highlights.Create());
        await harness.Poster.PostAsync(new PostTarget("discord", "channel", "6002"), Highlights.Post("a", threadParentId: parent.ThreadId));
        await harness.Poster.PostAsync(forum, Highlights.Post("b", threadName: "Forum post"));
        await harness.Poster.PostAsync(webhook, Highlights.Post("c"));
        var forumParent = await harness.Poster.PostThreadParentAsync(forumWebhook, "d|d", Highlights.Create());
        await harness.Poster.PostAsync(forumWebhook, Highlights.Post("d", threadParentId: forumParent.ThreadId));

        await using var host = await DiscordHostFactory.StartAsync(new Dictionary<string, string?> { ["Bot:Discord:InlineReplyTimeout"] = "00:00:00" });
        using var client = host.CreateClient();
        await Interactions.SendAsync(client, host.Signer, Interactions.Command("papers", ("query", "Sparse Mixture Routing")));
        await Interactions.SendAsync(client, host.Signer, Interactions.Command("digest", ("date", "1999-01-01")));
        await host.Fake.WaitForAsync(f => f.Messages.Any(m => m.Kind == "followup") && f.Messages.Any(m => m.Kind == "interaction-edit"));

        var bodies = fake.Bodies.Concat(host.Fake.Bodies).ToList();
        Assert.Contains(bodies, b => b.Template == "POST channels/{channel_id}/messages");
        Assert.Contains(bodies, b => b.Template == "POST channels/{channel_id}/threads");
        Assert.Contains(bodies, b => b.Template == "POST webhooks/{webhook_id}/{webhook_token}");
        Assert.Contains(bodies, b => b.Template == "PATCH webhooks/{application_id}/{interaction_token}/messages/@original");
        Assert.Contains(bodies, b => b.Template == "POST webhooks/{application_id}/{interaction_token}");
        foreach (var (template, body) in bodies)
        {
            var errors = DiscordFieldSets.Check(body.AsObject(), DiscordFieldSets.For(template)!, template);
            Assert.True(errors.Count == 0, $"{template}: {string.Join("; ", errors)}");
        }

        Assert.Empty(fake.Rejections);
        Assert.Empty(host.Fake.Rejections);
    }

    [Fact]
    public void FieldSets_RefuseANonceOnAWebhookBody_AndAcceptItOnCreateMessage()
    {
        var body = new System.Text.Json.Nodes.JsonObject { ["content"] = "x", ["nonce"] = "n", ["enforce_nonce"] = true };

        Assert.Equal(2, DiscordFieldSets.Check(body, DiscordFieldSets.ExecuteWebhook, "Execute Webhook").Count);
        Assert.Empty(DiscordFieldSets.Check(body, DiscordFieldSets.CreateMessage, "Create Message"));
    }
}
