using System.Text.Json;
using Bot.Digests.Model;
using Bot.Library;
using Bot.Library.Ingestion;
using Bot.Library.Search;
using Bot.Library.Storage;
using Bot.Tests.Support;

namespace Bot.Tests.Cluster;

public sealed class ClusterLibraryTests : IClassFixture<PostgresCluster>
{
    private static readonly string[] Queries = ["reasoning", "model", "agents benchmark", "모델", "인공지능", "새로운 모델"];
    private readonly PostgresCluster _cluster;

    public ClusterLibraryTests(PostgresCluster cluster)
    {
        _cluster = cluster;
    }

    [PostgresFact]
    public async Task EveryHost_AnswersTheSameSearch_RightAfterAnIngestOnAnyHost()
    {
        var connection = await _cluster.CreateDatabaseAsync();
        var time = ClusterNode.Clock();
        await using var a = new ClusterNode(connection, time);
        await using var b = new ClusterNode(connection, time);
        await using var c = new ClusterNode(connection, time);
        using var single = new TempDirectory();
        var alone = new DigestLibrary(new BotDatabase(single.Path));
        string[] folders = [RepoPaths.SampleDigests, .. KoreanCorpus()];

        var ingested = await a.Library.IngestAsync(folders);
        var first = await AnswersAsync([a, b, c]);
        await alone.IngestAsync(folders);
        var expected = await AnswersAsync(alone);

        Assert.True(ingested.Added >= 3, $"ingested {ingested.Added}");
        Assert.All(first, answers => Assert.Equal(expected, answers));
        Assert.Contains(expected, e => e.Contains("\"Total\":0", StringComparison.Ordinal) is false);

        // A digest stored on the third host is found on the other two at once (no rescan, no wait).
        var added = await c.Library.StoreDigestAsync(Probe("2026-12-01-probe", "Quokka retrieval"));
        var probe = await Task.WhenAll(new[] { a, b, c }.Select(n => n.Library.SearchAsync(new SearchRequest("quokka"))));

        Assert.Equal(IngestOutcome.Added, added);
        Assert.All(probe, r => Assert.Equal("2026-12-01-probe", Assert.Single(r.Results).DigestId));
        Assert.All(await Task.WhenAll(new[] { a, b, c }.Select(n => n.Library.ListDigestsAsync())), l => Assert.Equal(ingested.Added + 1, l.Count));
        Assert.All(new[] { a, b, c }, AssertCopyKeepsFts5sTitleFigures);
    }

    [PostgresFact]
    public async Task LocalCopy_NeverAnswersFromADigestTheClusterDoesNotHold_AndCatchesUpWhenPublishingWorksAgain()
    {
        var connection = await _cluster.CreateDatabaseAsync();
        var time = ClusterNode.Clock();
        await using var reader = new ClusterNode(connection, time);
        var failing = new FailingPublishStore(reader.Store);
        await using var writer = new ClusterNode(connection, time, store: failing);
        using var folder = new TempDirectory();
        File.WriteAllText(Path.Combine(folder.Path, "2026-12-02-wombat.md"), "---\ntitle: Wombat weekly\ndate: 2026-12-02\n---\n\n## News\n\n### Wombat burrows scale\n\n- Wombats dig deep.\n");

        failing.Fail = true;
        await Assert.ThrowsAnyAsync<Exception>(() => writer.Library.IngestAsync([folder.Path]));
        failing.Fail = false;
        var onWriter = await writer.Library.SearchAsync(new SearchRequest("wombat"));
        var digestOnWriter = await writer.Library.GetDigestAsync("2026-12-02-wombat");

        // Staged already (unchanged for this host), but never published: the next run publishes it.
        var retried = await writer.Library.IngestAsync([folder.Path]);
        var afterRetry = await Task.WhenAll(reader.Library.SearchAsync(new SearchRequest("wombat")), writer.Library.SearchAsync(new SearchRequest("wombat")));

        Assert.Empty(onWriter.Results);
        Assert.Null(digestOnWriter);
        Assert.Equal(1, retried.Added);
        Assert.All(afterRetry, r => Assert.Single(r.Results));
    }

    [PostgresFact]
    public async Task UpdatedDigest_IsReadInItsNewFormOnEveryHost()
    {
        var connection = await _cluster.CreateDatabaseAsync();
        var time = ClusterNode.Clock();
        await using var a = new ClusterNode(connection, time);
        await using var b = new ClusterNode(connection, time);

        await a.Library.StoreDigestAsync(Probe("2026-12-03-edit", "Platypus decoding"));
        var before = await b.Library.GetDigestAsync("2026-12-03-edit");
        var updated = await a.Library.StoreDigestAsync(Probe("2026-12-03-edit", "Echidna decoding"));
        var after = await b.Library.GetDigestAsync("2026-12-03-edit");
        var search = await b.Library.SearchAsync(new SearchRequest("platypus"));

        Assert.Equal("Platypus decoding", before!.Entries.Single().Title);
        Assert.Equal(IngestOutcome.Updated, updated);
        Assert.Equal("Echidna decoding", after!.Entries.Single().Title);
        Assert.Empty(search.Results);
        AssertCopyKeepsFts5sTitleFigures(b);
    }

    // Issue 11: the local copy (filled by the same writer) keeps the title figures search ranks with, equal to FTS5's own
    // (fts5vocab's 'instance' rows, documented): each title's length, the number of titles and their total length.
    private static void AssertCopyKeepsFts5sTitleFigures(ClusterNode node)
    {
        using var connection = new BotDatabase(Assert.Single(Directory.GetDirectories(node.DataPath, "cluster-*"))).Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.oracle_title_instances USING fts5vocab(main, title_fts, instance);" +
            "SELECT f.rowid, COALESCE(v.n, 0), l.tokens FROM title_fts f " +
            "LEFT JOIN (SELECT doc, COUNT(*) AS n FROM temp.oracle_title_instances WHERE col = 'title' GROUP BY doc) v ON v.doc = f.rowid " +
            "LEFT JOIN title_lengths l ON l.rowid = f.rowid";
        long titles = 0, tokens = 0;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                Assert.Equal(reader.GetInt64(1), reader.IsDBNull(2) ? -1 : reader.GetInt64(2));
                titles++;
                tokens += reader.GetInt64(1);
            }
        }

        command.CommandText = "SELECT (SELECT COUNT(*) FROM title_lengths), titles, title_tokens FROM search_generation";
        using var totals = command.ExecuteReader();
        Assert.True(totals.Read());
        Assert.Equal((titles, titles, tokens), (totals.GetInt64(0), totals.GetInt64(1), totals.GetInt64(2)));
    }

    private static IEnumerable<string> KoreanCorpus()
    {
        var wild = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "wild", "jeonsworld"));
        return Directory.Exists(wild) ? [wild] : [];
    }

    private static Digest Probe(string id, string title)
        => new(id, "Probe " + id, new DateOnly(2026, 12, 1), DigestFormat.Sectioned, [], [], null, null, null, id, null,
            [new Section("news", "News", [new Entry(id + "-1", title, [new Bullet(title + " in one line.", 0)], [], [], 5)])], []);

    private static Task<List<string>[]> AnswersAsync(ClusterNode[] nodes) => Task.WhenAll(nodes.Select(n => AnswersAsync(n.Library)));

    private static async Task<List<string>> AnswersAsync(DigestLibrary library)
    {
        var answers = new List<string>();
        foreach (var query in Queries)
        {
            answers.Add(JsonSerializer.Serialize(await library.SearchAsync(new SearchRequest(query, Limit: 20))));
        }

        return answers;
    }
}
