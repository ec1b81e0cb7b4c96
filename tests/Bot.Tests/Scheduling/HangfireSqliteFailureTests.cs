using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Library.State;
using Bot.Posting;
using Bot.Scheduling;
using Bot.Tests.Support;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.Scheduling;

/// <summary>
/// The failure modes reported against Hangfire.Storage.SQLite, each met by our side: whatever the storage does,
/// the ledger claim keeps every section to one post.
/// </summary>
public sealed class HangfireSqliteFailureTests
{
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task EightWorkersRunningOneSectionJob_PostItOnce()
    {
        using var h = new SchedulingHarness(Monday);
        var rows = await PlanAsync(h);

        // The storage hands the same job to every worker (the race reported for SQLite storages): all run it at once.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => new SectionJob(h.Sender, h.Queue).RunAsync(rows[0].Id, CancellationToken.None))));

        Assert.Equal(1, h.Poster.Deliveries[rows[0].LedgerKey]);
        Assert.Equal(LedgerState.Sent, (await h.Store.GetRowAsync(rows[0].Id))!.State);
    }

    [Fact]
    public async Task SecondWorkerAfterALostLockHeartbeat_WaitsForTheFirst_AndNeverPostsAgain()
    {
        // "Unable to update heartbeat": the first worker's job lock expires while it is still posting, so Hangfire lets a
        // second worker start the same job. The second must see the claim, step back, and find the row sent later.
        using var h = new SchedulingHarness(Monday);
        var rows = await PlanAsync(h);
        var gate = new GatedPoster(h.Poster);
        var sender = new SectionSender(h.Store, h.Catalog, new PosterRegistry([gate]), h.Time, new StaticOptionsMonitor<PostingOptions>(h.Options), NullLogger<SectionSender>.Instance);

        var first = Task.Run(() => sender.SendAsync(rows[0].Id));
        await gate.Entered.Task;
        var second = await sender.SendAsync(rows[0].Id);
        gate.Release.SetResult();
        var firstOutcome = await first;
        var third = await sender.SendAsync(rows[0].Id);

        Assert.Equal(SendResult.Busy, second.Result);
        Assert.Equal(SendResult.Sent, firstOutcome.Result);
        Assert.Equal(SendResult.AlreadyDone, third.Result);
        Assert.Equal(1, h.Poster.Deliveries[rows[0].LedgerKey]);
    }

    [Fact]
    public async Task DatabaseIsLockedWhileQueueingTheNextSection_FailsTheJob_AndItsRetrySendsNothingTwice()
    {
        using var h = new SchedulingHarness(Monday);
        var rows = await PlanAsync(h);
        var queue = new LockedOnceQueue(h.Queue);
        var job = new SectionJob(h.Sender, queue);

        var locked = await Assert.ThrowsAsync<SQLite.SQLiteException>(() => job.RunAsync(rows[0].Id, CancellationToken.None));
        await job.RunAsync(rows[0].Id, CancellationToken.None); // Hangfire's automatic retry
        while (h.Queue.Count > 0)
        {
            // Hangfire runs what the jobs queued, each through SectionJob again.
            var queued = h.Queue.Jobs;
            h.Queue.Clear();
            foreach (var (rowId, _) in queued)
            {
                await job.RunAsync(rowId, CancellationToken.None);
            }
        }

        Assert.Contains("database is locked", locked.Message, StringComparison.Ordinal);
        Assert.Equal(rows.Select(r => r.LedgerKey).Order(StringComparer.Ordinal), h.Poster.Deliveries.Keys.Order(StringComparer.Ordinal));
        Assert.All(h.Poster.Deliveries.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task AnotherWriterHoldingHangfireDb_DelaysAnEnqueue_InsteadOfFailingIt()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "hangfire.db");
        using var storage = StateStoreFactory.CreateSqliteStorage(path, TimeSpan.FromSeconds(1));
        var client = new BackgroundJobClient(storage);
        using (var writer = new SQLite.SQLiteConnection(path))
        {
            writer.Execute("BEGIN EXCLUSIVE");
            var enqueue = Task.Run(() => client.Enqueue<SectionJob>(j => j.RunAsync(1, CancellationToken.None)));
            Assert.NotSame(enqueue, await Task.WhenAny(enqueue, Task.Delay(300)));
            writer.Execute("COMMIT");
            await enqueue.WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(1, storage.GetMonitoringApi().EnqueuedCount("default"));
    }

    [Fact]
    public void Register_TriesAgain_WhenHangfiresLockTimesOut()
    {
        var manager = new LockTimingOutManager(failures: HangfireSubscriptionScheduler.Attempts - 1);
        var scheduler = new HangfireSubscriptionScheduler(manager, NullLogger<HangfireSubscriptionScheduler>.Instance);

        scheduler.Register(Subscription());

        Assert.Equal(["subscription:weekly"], manager.Added);
    }

    [Fact]
    public void Register_GivesUpWithTheLockError_AfterItsAttempts()
    {
        var manager = new LockTimingOutManager(failures: HangfireSubscriptionScheduler.Attempts);
        var scheduler = new HangfireSubscriptionScheduler(manager, NullLogger<HangfireSubscriptionScheduler>.Instance);

        Assert.Throws<DistributedLockTimeoutException>(() => scheduler.Register(Subscription()));
        Assert.Empty(manager.Added);
    }

    private static SubscriptionRecord Subscription()
        => new(1, "weekly", "config", "console", ["*"], [], [], "0 9 * * MON", "Asia/Seoul", 5, TimeSpan.Zero, false, null);

    private static async Task<IReadOnlyList<LedgerRow>> PlanAsync(SchedulingHarness h)
    {
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 1, 4), "news", "papers", "tools"));
        var sub = await h.SubscribeAsync("weekly");
        return await h.Planner.PlanAsync(sub, "d1", Monday, TimeSpan.Zero);
    }

    private sealed class GatedPoster(ISectionPoster inner) : ISectionPoster
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Platform => inner.Platform;

        public async Task<PostReceipt> PostAsync(PostTarget target, SectionPost post, CancellationToken ct = default)
        {
            Entered.TrySetResult();
            await Release.Task;
            return await inner.PostAsync(target, post, ct);
        }

        public Task<PostReceipt?> FindPostedAsync(PostTarget target, SectionPost post, CancellationToken ct = default) => inner.FindPostedAsync(target, post, ct);

        public Task<PostReceipt> PostThreadParentAsync(PostTarget target, string ledgerKey, SectionHighlight firstSection, CancellationToken ct = default)
            => inner.PostThreadParentAsync(target, ledgerKey, firstSection, ct);
    }

    private sealed class LockedOnceQueue(ISectionJobQueue inner) : ISectionJobQueue
    {
        private int _calls;

        public void Enqueue(long ledgerRowId, DateTimeOffset runAt)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                throw SQLite.SQLiteException.New(SQLite.SQLite3.Result.Busy, "database is locked");
            }

            inner.Enqueue(ledgerRowId, runAt);
        }
    }

    private sealed class LockTimingOutManager(int failures) : IRecurringJobManager
    {
        private int _left = failures;

        public List<string> Added { get; } = [];

        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options)
        {
            if (_left-- > 0)
            {
                throw new DistributedLockTimeoutException($"recurring-job:{recurringJobId}");
            }

            Added.Add(recurringJobId);
        }

        public void Trigger(string recurringJobId) => throw new NotSupportedException();

        public void RemoveIfExists(string recurringJobId) => Added.Remove(recurringJobId);
    }
}
