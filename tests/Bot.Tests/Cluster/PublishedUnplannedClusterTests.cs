using Bot.Library.Cluster;
using Bot.Library.State;
using Bot.Posting;
using Bot.Posting.Tests.Support;
using Bot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Bot.Tests.Cluster;

/// <summary>
/// The gap between publishing a digest to the cluster and planning it: a host that dies there (after the publish committed,
/// before its published trigger wrote the ledger rows) used to leave the post to nobody, since every other host sees the
/// digest as already stored. The publish now leaves a row in <c>published_unplanned</c>, and any host's sweep plans it.
/// </summary>
public sealed class PublishedUnplannedClusterTests : IClassFixture<PostgresCluster>
{
    private readonly PostgresCluster _cluster;

    public PublishedUnplannedClusterTests(PostgresCluster cluster)
    {
        _cluster = cluster;
    }

    [PostgresFact]
    public async Task ADigestPublishedByAHostThatDiedBeforePlanning_IsPlannedOnceByAnotherHostsSweep()
    {
        var connection = await _cluster.CreateDatabaseAsync();
        var time = ClusterNode.Clock();
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "2026-12-01-cluster-gap.md");
        await File.WriteAllTextAsync(file, "---\ntitle: Cluster gap\ndate: 2026-12-01\n---\n\n## News\n\n### Left behind\n\n- Published, then the host died.\n\n## Papers\n\n### Found again\n\n- Another host plans it.\n");
        await using var a = new ClusterNode(connection, time, [folder.Path]);
        await using var b = new ClusterNode(connection, time);
        await PostgresMigrations.RunAsync(a.DataSource);
        var storeB = PostgresState.CreateStore(b.DataSource, time);
        var options = new PostingOptions { TimeZone = "UTC" };
        options.Subscriptions.Add(new SubscriptionOptions { Name = "on-publish", Target = "console", Cron = "0 9 * * MON", Trigger = "Published" });
        await storeB.UpsertSubscriptionAsync(SubscriptionMapper.ToRecord(options.Subscriptions[0], "UTC"));

        // Host A ingests and publishes; its trigger never runs (it is killed right after the publish commits).
        var published = await a.Library.IngestAsync([file]);
        var digestId = Assert.Single(published.Files).DigestId!;

        // Host A restarts: its own ingest of the same file finds it stored, so nothing raises the trigger again.
        var again = await a.Library.IngestAsync([file]);
        Assert.Equal(0, again.Added);

        var queue = new FakeJobQueue();
        using var trigger = Trigger(b, storeB, options, queue, time);
        var tooSoon = await trigger.SweepAsync();
        time.Advance(PublishedTrigger.SweepAfter);
        var swept = await Task.WhenAll(trigger.SweepAsync(), Trigger(b, storeB, options, new FakeJobQueue(), time).SweepAsync());
        var afterwards = await trigger.SweepAsync();

        Assert.Empty(tooSoon);
        Assert.Equal(["news", "papers"], swept.SelectMany(r => r).Select(r => r.SectionKey).Distinct().Order());
        Assert.Empty(afterwards);
        var subscription = await storeB.FindSubscriptionAsync("on-publish");
        Assert.Equal(["news", "papers"], (await storeB.GetDigestRowsAsync(subscription!.Id, digestId)).Select(r => r.SectionKey));
        await using var left = b.DataSource.CreateCommand("SELECT count(*) FROM published_unplanned");
        Assert.Equal(0L, (long)(await left.ExecuteScalarAsync())!);
    }

    private static PublishedTrigger Trigger(ClusterNode node, IStateStore store, PostingOptions options, FakeJobQueue queue, TimeProvider time)
    {
        var monitor = new StaticOptionsMonitor<PostingOptions>(options);
        var dispatcher = new PostDispatcher(store, queue, time, monitor, NullLogger<PostDispatcher>.Instance);
        var planner = new PostPlanner(store, new LibraryDigestCatalog(node.Library), dispatcher, NullLogger<PostPlanner>.Instance);
        return new PublishedTrigger(node.Library, monitor, store, planner, dispatcher, time, NullLogger<PublishedTrigger>.Instance);
    }
}
