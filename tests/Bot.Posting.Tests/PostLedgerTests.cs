using Bot.Core.Posting;
using Bot.Library.State;
using Bot.Library.Storage;
using Bot.Posting;
using Bot.TestSupport;
using Bot.Posting.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Posting.Tests;

/// <summary>Issues 12–15: uncertain posts, an emptied database, tombstones, configuration that never deletes, mentions.</summary>
public sealed class PostLedgerTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task ALostResponse_ToATargetThatCannotBeSearched_IsRecordedUncertain_NotSentAgain_UntilTheOperatorRetries()
    {
        using var h = new SchedulingHarness(Monday);
        h.Poster.CanLookUp = false;
        h.Poster.LoseResponses = 1;
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news"));
        var sub = await h.SubscribeAsync("webhook-only");
        var row = (await h.Planner.PlanAsync(sub, "d1", Monday, TimeSpan.Zero))[0];

        await Assert.ThrowsAsync<PostException>(() => h.Sender.SendAsync(row.Id));
        var second = await h.Sender.SendAsync(row.Id);
        var third = await h.Sender.SendAsync(row.Id);

        Assert.Equal(SendResult.Uncertain, second.Result);
        Assert.Equal((SendResult.AlreadyDone, LedgerState.Uncertain), (third.Result, third.State));
        Assert.Equal(1, h.Poster.Deliveries[row.LedgerKey]);
        Assert.Contains("--retry-uncertain", (await h.Store.GetRowAsync(row.Id))!.LastError, StringComparison.Ordinal);

        var retry = new LedgerRetry(h.Store, h.Queue, h.Time, NullLogger<LedgerRetry>.Instance);
        var reopened = await retry.ReopenAsync(LedgerState.Uncertain, sub.Id);
        var resent = await h.Sender.SendAsync(Assert.Single(reopened).Id);

        Assert.Equal(SendResult.Sent, resent.Result);
        Assert.Equal(2, h.Poster.Deliveries[row.LedgerKey]);
    }

    [Fact]
    public async Task ARefusal_ThatCertainlyDidNotDeliver_IsSentAgainWithoutBecomingUncertain()
    {
        using var h = new SchedulingHarness(Monday);
        h.Poster.CanLookUp = false;
        h.Poster.RefuseWith429 = 1;
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news"));
        var sub = await h.SubscribeAsync("webhook-only");
        var row = (await h.Planner.PlanAsync(sub, "d1", Monday, TimeSpan.Zero))[0];

        await Assert.ThrowsAsync<PostException>(() => h.Sender.SendAsync(row.Id));
        var second = await h.Sender.SendAsync(row.Id);

        Assert.Equal(SendResult.Sent, second.Result);
        Assert.Equal(1, h.Poster.Deliveries[row.LedgerKey]);
    }

    [Fact]
    public async Task AnEmptiedDatabase_DoesNotRepostTheBacklog_TheSubscriptionStartsFromItsCreation()
    {
        using var dir = new TempDirectory();
        await File.WriteAllBytesAsync(Path.Combine(dir.Path, "bot.db"), []);
        var time = new FakeTimeProvider(Monday.AddDays(1));
        var store = SqlStateStore.ForSqlite(new BotDatabase(dir.Path), time);
        var catalog = new InMemoryDigestCatalog();
        catalog.Add(TestDigests.Make("old-1", new DateOnly(2026, 11, 23), "news", "papers"));
        catalog.Add(TestDigests.Make("old-2", new DateOnly(2026, 11, 30), "news", "papers"));
        var options = new StaticOptionsMonitor<PostingOptions>(new PostingOptions());
        var queue = new FakeJobQueue();
        var planner = new PostPlanner(store, catalog, new PostDispatcher(store, queue, time, options, NullLogger<PostDispatcher>.Instance), NullLogger<PostPlanner>.Instance);

        // What the reconciler writes at start when the ledger is gone: the configured subscription, created now.
        var sub = await store.UpsertSubscriptionAsync(new SubscriptionRecord(0, "weekly-discord", "config", "discord:channel:1", ["*"], [], [], "0 9 * * MON", "Asia/Seoul", 5, TimeSpan.Zero, false, null));
        var backlog = await planner.FireAsync(sub.Id, Monday.AddDays(7));
        catalog.Add(TestDigests.Make("new-1", new DateOnly(2026, 12, 6), "news"));
        var fresh = await planner.FireAsync(sub.Id, Monday.AddDays(7));

        Assert.Empty(backlog);
        Assert.Equal(["new-1"], fresh.Select(r => r.DigestId).Distinct());
    }

    [Fact]
    public async Task ARemovedSubscription_ReAddedUnderItsName_ResumesAndNeverRepostsOldDigests()
    {
        using var h = new SchedulingHarness(Monday);
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news"));
        var sub = await h.SubscribeAsync("weekly");
        await h.Planner.FireAsync(sub.Id, Monday);
        await h.RunUntilAsync(Monday.AddHours(1));

        Assert.True(await h.Store.DeleteSubscriptionAsync(sub.Id));
        h.Time.Advance(TimeSpan.FromDays(1));
        var again = await h.SubscribeAsync("weekly");
        var rows = await h.Planner.FireAsync(again.Id, Monday.AddDays(7));

        Assert.Equal(sub.Id, again.Id);
        Assert.Empty(rows);
        Assert.Equal(1, h.Poster.Deliveries.Values.Sum());
    }

    [Fact]
    public async Task AHostWhoseConfigurationLacksASubscription_KeepsItAndItsLedger_AndWarns()
    {
        using var h = new SchedulingHarness(Monday);
        var other = await h.SubscribeAsync("other-hosts-weekly");
        await h.Store.PlanAsync(other.Id, "d1", [new("news", 0, Monday)]);
        using var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var options = new PostingOptions { TimeZone = "Asia/Seoul" };
        options.Subscriptions.Add(new SubscriptionOptions { Name = "mine", Target = "console", Cron = "0 9 * * MON" });
        var reconciler = new SubscriptionReconciler(h.Store, new NullScheduler(), new StaticOptionsMonitor<PostingOptions>(options), factory.CreateLogger<SubscriptionReconciler>());

        var all = await reconciler.ReconcileAsync();

        Assert.Equal(["mine", "other-hosts-weekly"], all.Select(s => s.Name));
        Assert.Equal(other.Id, (await h.Store.FindSubscriptionAsync("other-hosts-weekly"))!.Id);
        Assert.Single(await h.Store.GetDigestRowsAsync(other.Id, "d1"));
        Assert.Contains(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("other-hosts-weekly", StringComparison.Ordinal) && l.Contains(Environment.MachineName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheRole_IsMentionedOncePerDigest_OnItsFirstSection()
    {
        using var h = new SchedulingHarness(Monday);
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news", "papers", "tools"));
        var sub = await h.Store.UpsertSubscriptionAsync(new SubscriptionRecord(
            0, "pinged", "config", "console", ["*"], [], [], "0 9 * * MON", "Asia/Seoul", 5, TimeSpan.Zero, false, "123456789012345678", h.CreatedAt));
        await h.Planner.FireAsync(sub.Id, Monday);
        await h.RunUntilAsync(Monday.AddHours(1));

        Assert.Equal([("news", "123456789012345678"), ("papers", null), ("tools", null)], h.Poster.Mentions.Select(m => (m.Section, m.Role)));
    }

    private sealed class NullScheduler : ISubscriptionScheduler
    {
        public void Register(SubscriptionRecord subscription)
        {
        }

        public void Remove(SubscriptionRecord subscription)
        {
        }
    }
}
