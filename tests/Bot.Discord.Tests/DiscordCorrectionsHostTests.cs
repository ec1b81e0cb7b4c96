using Bot.Library;
using Bot.Library.State;
using Bot.Posting;
using Bot.Scheduling;
using Bot.TestSupport;
using Bot.TestSupport.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Discord.Tests;

/// <summary>
/// Issue 12, corrections through the real host: a digest posted to Discord changes and is ingested again. Each message of
/// the changed section is edited once (PATCH), the other sections' messages are not touched, and nothing is posted again.
/// </summary>
public sealed class DiscordCorrectionsHostTests
{
    [Theory]
    [InlineData("channel")]
    [InlineData("webhook")]
    public async Task AChangedDigest_IsEditedInPlace_EachAffectedMessageOnce_OthersUntouched_NothingPostedAgain(string kind)
    {
        using var digest = new EditableDigest();
        await using var host = await DiscordHostFactory.StartAsync(fake => Subscription(kind == "channel" ? "discord:channel:7001" : "discord:webhook:" + fake.CreateWebhook("7002")));
        var (library, store, id, subscription) = await PostAsync(host, digest);
        var posted = host.Fake.Messages.Select(m => m.Id).ToList();
        var papers = (await store.GetDigestRowsAsync(subscription.Id, id)).Single(r => r.SectionKey == "papers");
        var creates = host.Fake.Requests.Count(r => r.Method == "POST");

        digest.Retitle("Papers", 0, "Sparse routing for tiny experts (corrected)");
        await library.IngestAsync([digest.Folder]);
        var corrector = ActivatorUtilities.CreateInstance<PostCorrector>(host.Services);
        var first = await corrector.CorrectAsync();
        var second = await corrector.CorrectAsync();

        var edits = host.Fake.Edits;
        Assert.Equal((1, 0), (first, second));
        Assert.Equal(papers.AllMessageIds, edits.Select(e => e.MessageId));
        Assert.All(edits, e => Assert.Contains("(corrected)", e.Body.ToJsonString(), StringComparison.Ordinal));
        Assert.Equal(kind == "channel" ? "PATCH channels/{channel_id}/messages/{message_id}" : "PATCH webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", edits[0].Template);
        Assert.All(edits, e => Assert.Empty(DiscordFieldSets.Check(e.Body, DiscordFieldSets.For(e.Template)!, e.Template)));
        Assert.Equal(posted, host.Fake.Messages.Select(m => m.Id));
        Assert.Equal(creates, host.Fake.Requests.Count(r => r.Method == "POST"));
        Assert.NotNull((await store.GetRowAsync(papers.Id))!.EditedAt);
        Assert.Empty(host.Fake.Rejections);
    }

    [Fact]
    public async Task PostDelete_RemovesEveryMessageOfTheDigest()
    {
        using var digest = new EditableDigest();
        await using var host = await DiscordHostFactory.StartAsync(_ => Subscription("discord:channel:7003"));
        var (_, _, id, subscription) = await PostAsync(host, digest);
        var posted = host.Fake.Messages.Select(m => m.Id).ToList();

        var (deleted, error) = await ActivatorUtilities.CreateInstance<PostCorrector>(host.Services).DeleteAsync(subscription, id);

        Assert.Null(error);
        Assert.Equal(3, deleted);
        Assert.Equal(posted.Order(StringComparer.Ordinal), host.Fake.Deleted.Order(StringComparer.Ordinal));
        Assert.Empty(host.Fake.Messages);
    }

    [Fact]
    public async Task PostDelete_InAForum_RemovesThePostsFirstMessageToo()
    {
        using var digest = new EditableDigest();
        await using var host = await DiscordHostFactory.StartAsync(fake =>
        {
            fake.AddForumChannel("7004");
            var values = Subscription("discord:channel:7004");
            values["Bot:Subscriptions:1:Thread"] = "true";
            return values;
        });
        var (_, _, id, subscription) = await PostAsync(host, digest);
        Assert.Equal(4, host.Fake.Messages.Count);

        var (deleted, error) = await ActivatorUtilities.CreateInstance<PostCorrector>(host.Services).DeleteAsync(subscription, id);

        Assert.Null(error);
        Assert.Equal(4, deleted);
        Assert.Empty(host.Fake.Messages);
    }

    internal static Dictionary<string, string?> Subscription(string target) => new()
    {
        ["Bot:Subscriptions:1:Name"] = "edits",
        ["Bot:Subscriptions:1:Target"] = target,
        ["Bot:Subscriptions:1:Cron"] = "0 0 1 1 *",
        ["Bot:Subscriptions:1:Sections:0"] = "*",
        ["Bot:Subscriptions:1:EntriesPerSection"] = "5",
    };

    /// <summary>Ingests the digest and posts every section of it through the planner and the sender, as <c>post</c> does.</summary>
    internal static async Task<(DigestLibrary Library, IStateStore Store, string DigestId, SubscriptionRecord Subscription)> PostAsync(DiscordHostFactory host, EditableDigest digest)
    {
        var services = host.Services;
        var library = services.GetRequiredService<DigestLibrary>();
        var id = (await library.IngestAsync([digest.Folder])).Files.Single().DigestId!;
        await services.GetRequiredService<SubscriptionReconciler>().ReconcileAsync();
        var store = services.GetRequiredService<IStateStore>();
        var subscription = (await store.FindSubscriptionAsync("edits"))!;
        var rows = await services.GetRequiredService<PostPlanner>().PlanAsync(subscription, id, DateTimeOffset.UtcNow, TimeSpan.Zero, allowBacklog: true);
        var sender = services.GetRequiredService<SectionSender>();
        foreach (var row in rows)
        {
            Assert.Equal(SendResult.Sent, (await sender.SendAsync(row.Id)).Result);
        }

        return (library, store, id, subscription);
    }
}
