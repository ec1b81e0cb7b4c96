using Bot.Library;
using Bot.Library.State;
using Bot.Library.Storage;
using Bot.Posting;
using Bot.Posting.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Posting.Tests;

/// <summary>
/// <c>Trigger: Published</c> as the cluster fault drill met it: the digest a host ingests is planned even when the database
/// drops the first tries, and for a stored published subscription that this host's own configuration lacks.
/// </summary>
public sealed class PublishedTriggerClusterTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly BotDatabase _database;
    private readonly DigestLibrary _library;
    private readonly FakeJobQueue _queue = new();

    public PublishedTriggerClusterTests()
    {
        _database = new BotDatabase(Path.Combine(_dir.Path, "data"));
        _library = new DigestLibrary(_database, new LibraryOptions(), null, _time, null);
    }

    [Fact]
    public async Task IngestedDigest_IsPlanned_AfterTheDatabaseFailedTheFirstPlans()
    {
        var inner = SqlStateStore.ForSqlite(_database, _time);
        await inner.UpsertSubscriptionAsync(Record("on-publish"));
        var options = new PostingOptions { TimeZone = "UTC" };
        options.Subscriptions.Add(new SubscriptionOptions { Name = "on-publish", Target = "console", Cron = "0 9 * * MON", Trigger = "Published" });
        using var trigger = Trigger(FlakyStore.Wrap(inner, failMarkSent: 0, failPlan: 3), options);
        await trigger.StartAsync(CancellationToken.None);

        var report = await _library.IngestAsync([WriteDigest()]);
        for (var waited = 0; _queue.Count < 2 && waited < 600; waited++)
        {
            // The trigger waits on the fake clock between tries: move it on until the rows are queued (10 min at most).
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        await trigger.StopAsync(CancellationToken.None);

        Assert.Equal(1, report.Added);
        Assert.Equal(2, _queue.Count);
        Assert.Equal(2, (await inner.ListOpenRowsAsync()).Count);
    }

    [Fact]
    public async Task PlanAsync_PlansAStoredPublishedSubscription_ThatThisHostsConfigurationLacks()
    {
        var store = SqlStateStore.ForSqlite(_database, _time);

        // Another host's configuration stored it (through the same mapping as every host's reconcile); this host has none.
        var elsewhere = new SubscriptionOptions { Name = "their-feed", Target = "console", Cron = "0 9 * * MON", Trigger = "Published" };
        await store.UpsertSubscriptionAsync(SubscriptionMapper.ToRecord(elsewhere, "UTC"));
        await store.UpsertSubscriptionAsync(Record("weekly-cron"));
        using var trigger = Trigger(store, new PostingOptions { TimeZone = "UTC" });

        var rows = await trigger.PlanAsync(await _library.IngestAsync([WriteDigest()]));

        var subscription = await store.FindSubscriptionAsync("their-feed");
        Assert.True(subscription!.Published);
        Assert.Equal(["news", "papers"], rows.Select(r => r.SectionKey));
        Assert.All(rows, r => Assert.Equal(subscription.Id, r.SubscriptionId));
    }

    // A host stores a new digest and is killed before its trigger plans it (here: no trigger runs at all). The digest waits
    // in published_unplanned; after a restart the sweep plans it once, and only once it is older than SweepAfter.
    [Fact]
    public async Task Sweep_PlansADigestStoredByAHostThatStoppedBeforePlanning_ExactlyOnce()
    {
        var store = SqlStateStore.ForSqlite(_database, _time);
        await store.UpsertSubscriptionAsync(Record("on-publish") with { Published = true });
        var report = await _library.IngestAsync([WriteDigest()]);
        var digestId = report.Files.Single().DigestId!;
        Assert.Equal([digestId], await store.UnplannedPublishedAsync(_time.GetUtcNow(), 10));

        using var trigger = Trigger(store, new PostingOptions { TimeZone = "UTC" });
        var tooSoon = await trigger.SweepAsync();
        _time.Advance(PublishedTrigger.SweepAfter);
        var swept = await trigger.SweepAsync();
        var again = await trigger.SweepAsync();

        Assert.Empty(tooSoon);
        Assert.Equal(["news", "papers"], swept.Select(r => r.SectionKey));
        Assert.Empty(again);
        Assert.Empty(await store.UnplannedPublishedAsync(_time.GetUtcNow(), 10));
        var subscription = await store.FindSubscriptionAsync("on-publish");
        Assert.Equal(2, (await store.GetDigestRowsAsync(subscription!.Id, digestId)).Count);
        Assert.Equal(2, _queue.Count);
    }

    [Fact]
    public async Task RunningTrigger_PlansALeftDigestOnItsOwn_AndTheLivePathLeavesNothingBehind()
    {
        var store = SqlStateStore.ForSqlite(_database, _time);
        await store.UpsertSubscriptionAsync(Record("on-publish") with { Published = true });
        var left = (await _library.IngestAsync([WriteDigest()])).Files.Single().DigestId!;

        using var trigger = Trigger(store, new PostingOptions { TimeZone = "UTC" });
        await trigger.StartAsync(CancellationToken.None);
        for (var waited = 0; _queue.Count < 2 && waited < 300; waited++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }

        // A digest ingested while the trigger runs is planned by the live path and leaves no row for the sweep.
        var file = Path.Combine(_dir.Path, "2026-11-03-more-news.md");
        await File.WriteAllTextAsync(file, "---\ntitle: More news\ndate: 2026-11-03\n---\n\n## News\n\n### Later\n\n- Another post.\n");
        await _library.IngestAsync([file]);
        for (var waited = 0; _queue.Count < 3 && waited < 300; waited++)
        {
            await Task.Delay(10);
        }

        var unplanned = await store.UnplannedPublishedAsync(_time.GetUtcNow().AddHours(1), 10);
        await trigger.StopAsync(CancellationToken.None);

        Assert.Equal(3, _queue.Count);
        Assert.Empty(unplanned);
        var subscription = await store.FindSubscriptionAsync("on-publish");
        Assert.Equal(2, (await store.GetDigestRowsAsync(subscription!.Id, left)).Count);
    }

    public void Dispose() => _dir.Dispose();

    private static SubscriptionRecord Record(string name)
        => new(0, name, "config", "console", ["*"], [], [], "0 9 * * MON", "UTC", 5, TimeSpan.Zero, false, null);

    private PublishedTrigger Trigger(IStateStore store, PostingOptions options)
    {
        var monitor = new StaticOptionsMonitor<PostingOptions>(options);
        var catalog = new LibraryDigestCatalog(_library);
        var dispatcher = new PostDispatcher(store, _queue, _time, monitor, NullLogger<PostDispatcher>.Instance);
        var planner = new PostPlanner(store, catalog, dispatcher, NullLogger<PostPlanner>.Instance);
        return new PublishedTrigger(_library, monitor, store, planner, dispatcher, _time, NullLogger<PublishedTrigger>.Instance);
    }

    private string WriteDigest()
    {
        var file = Path.Combine(_dir.Path, "2026-11-02-cluster-news.md");
        File.WriteAllText(file, "---\ntitle: Cluster news\ndate: 2026-11-02\n---\n\n## News\n\n### Hosts agree\n\n- One library for all.\n\n## Papers\n\n### Leases\n\n- Claims that run out.\n");
        return file;
    }
}
