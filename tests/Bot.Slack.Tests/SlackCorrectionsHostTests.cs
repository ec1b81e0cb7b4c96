using Bot.Library;
using Bot.Library.State;
using Bot.Posting;
using Bot.Scheduling;
using Bot.TestSupport;
using Bot.TestSupport.FakeSlack;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Slack.Tests;

/// <summary>
/// Issue 12, corrections through the real host on Slack: a posted digest changes and is ingested again. Each message of
/// the changed section gets one chat.update, the others none, and nothing is posted again; <c>post --delete</c>'s path
/// removes the posts with chat.delete. Every body sent is checked against Slack's documented arguments.
/// </summary>
public sealed class SlackCorrectionsHostTests : IAsyncLifetime
{
    private FakeSlackServer _fake = null!;

    public async Task InitializeAsync()
        => _fake = await FakeSlackServer.StartAsync(new FakeSlackOptions { PostInterval = TimeSpan.FromMilliseconds(50) });

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task AChangedDigest_IsEditedInPlace_EachAffectedMessageOnce_OthersUntouched_NothingPostedAgain()
    {
        using var digest = new EditableDigest();
        await using var host = new SlackHostFactory(_fake, Subscription("slack:channel:CEDIT"));
        var (library, store, id, subscription) = await PostAsync(host, digest);
        var posted = _fake.MessagesIn("CEDIT").Select(m => m.Ts).ToList();
        var papers = (await store.GetDigestRowsAsync(subscription.Id, id)).Single(r => r.SectionKey == "papers");

        digest.Retitle("Papers", 1, "Counting tokens without a tokenizer (corrected)");
        await library.IngestAsync([digest.Folder]);
        var corrector = ActivatorUtilities.CreateInstance<PostCorrector>(host.Services);
        var first = await corrector.CorrectAsync();
        var second = await corrector.CorrectAsync();

        Assert.Equal((1, 0), (first, second));
        Assert.Equal(papers.AllMessageIds, _fake.Updates.Select(u => u.Ts));
        Assert.All(_fake.Updates, u => Assert.Contains("(corrected)", u.Body.ToJsonString(), StringComparison.Ordinal));
        Assert.Equal(posted, _fake.MessagesIn("CEDIT").Select(m => m.Ts));
        Assert.Equal(posted.Count, _fake.Messages.Count(m => m.Kind == "chat.postMessage"));
        Assert.Empty(_fake.Rejections);
        AssertDocumentedFields();
    }

    [Fact]
    public async Task PostDelete_RemovesEveryMessage_AndAWebhookTargetSaysItCannot()
    {
        using var digest = new EditableDigest();
        var settings = Subscription("slack:channel:CDEL");
        await using var host = new SlackHostFactory(_fake, settings);
        var (_, store, id, subscription) = await PostAsync(host, digest);
        var posted = _fake.MessagesIn("CDEL").Select(m => m.Ts!).ToList();

        var (deleted, error) = await ActivatorUtilities.CreateInstance<PostCorrector>(host.Services).DeleteAsync(subscription, id);
        var webhook = subscription with { Target = "slack:webhook:" + _fake.WebhookUrl() };
        var (_, webhookError) = await ActivatorUtilities.CreateInstance<PostCorrector>(host.Services).DeleteAsync(webhook, id);

        Assert.Null(error);
        Assert.Equal(3, deleted);
        Assert.Equal(posted.Order(StringComparer.Ordinal), _fake.Deletes.Order(StringComparer.Ordinal));
        Assert.Empty(_fake.MessagesIn("CDEL"));
        Assert.Contains("cannot be deleted", webhookError, StringComparison.Ordinal);
        AssertDocumentedFields();
    }

    internal static Dictionary<string, string?> Subscription(string target) => new()
    {
        ["Bot:Subscriptions:1:Name"] = "edits",
        ["Bot:Subscriptions:1:Target"] = target,
        ["Bot:Subscriptions:1:Cron"] = "0 0 1 1 *",
        ["Bot:Subscriptions:1:Sections:0"] = "*",
        ["Bot:Subscriptions:1:EntriesPerSection"] = "5",
    };

    internal static async Task<(DigestLibrary Library, IStateStore Store, string DigestId, SubscriptionRecord Subscription)> PostAsync(SlackHostFactory host, EditableDigest digest, string name = "edits")
    {
        var services = host.Services;
        var library = services.GetRequiredService<DigestLibrary>();
        var id = (await library.IngestAsync([digest.Folder])).Files.Single().DigestId!;
        await services.GetRequiredService<SubscriptionReconciler>().ReconcileAsync();
        var store = services.GetRequiredService<IStateStore>();
        var subscription = (await store.FindSubscriptionAsync(name))!;
        var rows = await services.GetRequiredService<PostPlanner>().PlanAsync(subscription, id, DateTimeOffset.UtcNow, TimeSpan.Zero, allowBacklog: true);
        var sender = services.GetRequiredService<SectionSender>();
        foreach (var row in rows)
        {
            Assert.Equal(SendResult.Sent, (await sender.SendAsync(row.Id)).Result);
        }

        return (library, store, id, subscription);
    }

    private void AssertDocumentedFields()
    {
        foreach (var (method, body) in _fake.Requests.Where(r => SlackFieldSets.For(r.Method) is not null))
        {
            Assert.Empty(SlackFieldSets.Check(method, body));
        }
    }
}
