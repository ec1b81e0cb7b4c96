using Bot.Core.Posting;
using Bot.Library;
using Bot.Library.State;
using Bot.Posting;
using Bot.Scheduling;
using Bot.TestSupport;
using Bot.TestSupport.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Discord.Tests;

/// <summary>
/// Issue 12, through the host's sender and ledger: the fake stores the first post and loses its answer; the retry
/// looks for it (channel messages by marker, the forum's active threads, a webhook's channel with the bot token) and
/// records it, so the channel shows exactly one copy. A webhook without a bot token becomes uncertain instead.
/// </summary>
public sealed class DiscordLostAnswerHostTests
{
    [Theory]
    [InlineData("channel", false)]
    [InlineData("webhook", false)]
    [InlineData("forum", true)]
    public async Task ALostAnswer_ThenARetry_LeavesExactlyOnePost(string kind, bool thread)
    {
        using var digest = new EditableDigest();
        var settings = new Func<FakeDiscordServer, IDictionary<string, string?>>(fake =>
        {
            var target = kind switch
            {
                "channel" => "discord:channel:7201",
                "webhook" => "discord:webhook:" + fake.CreateWebhook("7202"),
                _ => "discord:channel:7203",
            };
            if (kind == "forum")
            {
                fake.AddForumChannel("7203");
            }

            var values = DiscordCorrectionsHostTests.Subscription(target);
            values["Bot:Subscriptions:1:Thread"] = thread ? "true" : "false";
            values["Bot:Discord:MaxRetries"] = "0";
            return values;
        });

        // A nonce window of zero: the look-up, not Discord's nonce, has to prevent the duplicate.
        await using var host = await DiscordHostFactory.StartAsync(settings, new FakeDiscordOptions { NonceWindow = TimeSpan.Zero });
        var (rows, sender) = await PlanAsync(host, digest);
        host.Fake.InjectFaults(FakeFault.LostResponse());

        await Assert.ThrowsAsync<PostException>(() => sender.SendAsync(rows[0].Id));
        foreach (var row in rows)
        {
            Assert.Equal(SendResult.Sent, (await sender.SendAsync(row.Id)).Result);
        }

        var messages = host.Fake.Messages;
        Assert.Equal(rows.Count, messages.Count);
        Assert.Equal(messages.Count, messages.Select(m => m.Body.ToJsonString()).Distinct().Count());
        Assert.Empty(host.Fake.Rejections);
    }

    [Fact]
    public async Task ALostAnswer_OnAWebhookWithoutABotToken_IsUncertain_AndNotSentAgain()
    {
        using var digest = new EditableDigest();
        await using var host = await DiscordHostFactory.StartAsync(fake =>
        {
            var values = DiscordCorrectionsHostTests.Subscription("discord:webhook:" + fake.CreateWebhook("7204"));
            values["Bot:Discord:BotToken"] = string.Empty;
            return values;
        });
        var (rows, sender) = await PlanAsync(host, digest);
        host.Fake.InjectFaults(FakeFault.LostResponse());

        await Assert.ThrowsAsync<PostException>(() => sender.SendAsync(rows[0].Id));
        var outcome = await sender.SendAsync(rows[0].Id);

        Assert.Equal(SendResult.Uncertain, outcome.Result);
        Assert.Single(host.Fake.Messages);
    }

    private static async Task<(IReadOnlyList<LedgerRow> Rows, SectionSender Sender)> PlanAsync(DiscordHostFactory host, EditableDigest digest)
    {
        var services = host.Services;
        var id = (await services.GetRequiredService<DigestLibrary>().IngestAsync([digest.Folder])).Files.Single().DigestId!;
        await services.GetRequiredService<SubscriptionReconciler>().ReconcileAsync();
        var subscription = (await services.GetRequiredService<IStateStore>().FindSubscriptionAsync("edits"))!;
        var rows = await services.GetRequiredService<PostPlanner>().PlanAsync(subscription, id, DateTimeOffset.UtcNow, TimeSpan.Zero, allowBacklog: true);
        return ([.. rows.OrderBy(r => r.Position)], services.GetRequiredService<SectionSender>());
    }
}
