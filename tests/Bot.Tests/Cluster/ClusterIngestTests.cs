using Bot.Library.Ingestion;
using Bot.Library.Search;
using Bot.Tests.Support;

namespace Bot.Tests.Cluster;

public sealed class ClusterIngestTests : IClassFixture<PostgresCluster>
{
    private readonly PostgresCluster _cluster;

    public ClusterIngestTests(PostgresCluster cluster)
    {
        _cluster = cluster;
    }

    [PostgresFact]
    public async Task PollAsync_OnThreeHosts_ReadsEachConfiguredSourceOncePerInterval()
    {
        var connection = await _cluster.CreateDatabaseAsync();
        var time = ClusterNode.Clock();
        string[] sources = [RepoPaths.SampleDigests];
        var files = Directory.GetFiles(RepoPaths.SampleDigests, "*.md").Length;
        await using var a = new ClusterNode(connection, time, sources);
        await using var b = new ClusterNode(connection, time, sources);
        await using var c = new ClusterNode(connection, time, sources);

        var together = await Task.WhenAll(new[] { a, b, c }.Select(n => Task.Run(() => n.Library.PollAsync(sources))));
        var soonAfter = await b.Library.PollAsync(sources);
        time.Advance(TimeSpan.FromMinutes(5));
        var nextInterval = await c.Library.PollAsync(sources);

        Assert.Equal(files, together.Sum(r => r.Files.Count));
        Assert.Equal(files, together.Sum(r => r.Added));
        Assert.Empty(soonAfter.Files);
        Assert.Equal(files, nextInterval.Unchanged);
        Assert.All(await Task.WhenAll(new[] { a, b, c }.Select(n => n.Library.ListDigestsAsync())), l => Assert.Equal(files, l.Count));
    }

    [PostgresFact]
    public async Task PollAsync_SkipsASourceAnotherHostIsReading_AndAChangedFileIsReadWhenFree()
    {
        var connection = await _cluster.CreateDatabaseAsync();
        var time = ClusterNode.Clock();
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "2026-12-04-koala.md");
        File.WriteAllText(file, "---\ntitle: Koala weekly\ndate: 2026-12-04\n---\n\n## News\n\n### Koala sleep research\n\n- Koalas sleep.\n");
        await using var a = new ClusterNode(connection, time, [folder.Path]);
        await using var b = new ClusterNode(connection, time, [folder.Path]);

        await using (var held = await a.Store.TryTakeSourceAsync(folder.Path, TimeSpan.FromMinutes(5), force: true, default))
        {
            var whileHeld = await b.Library.PollAsync([folder.Path]);
            Assert.NotNull(held);
            Assert.Empty(whileHeld.Files);
        }

        var afterRelease = await b.Library.PollAsync([folder.Path]);
        var changedFile = await a.Library.PollAsync([file]);

        Assert.Empty(afterRelease.Files);
        Assert.Equal(IngestOutcome.Added, Assert.Single(changedFile.Files).Outcome);
        Assert.Single((await b.Library.SearchAsync(new SearchRequest("koala"))).Results);
    }
}
