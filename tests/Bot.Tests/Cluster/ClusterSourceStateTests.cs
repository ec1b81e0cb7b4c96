using Bot.Library;
using Bot.Library.Ingestion;
using Bot.Library.Search;
using Bot.Tests.Support;
using Bot.TestSupport.FakePublisher;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Cluster;

/// <summary>
/// A followed URL is polled by one host at a time, not always the same one: the conditional-request validators, the feed
/// items already read and a publisher's Retry-After live in the cluster, so the poll moving to another host costs no full
/// download and no request the publisher asked us not to make.
/// </summary>
public sealed class ClusterSourceStateTests : IClassFixture<PostgresCluster>, IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);
    private readonly PostgresCluster _cluster;
    private readonly FakeTimeProvider _time = ClusterNode.Clock();
    private FakePublisherServer _publisher = null!;

    public ClusterSourceStateTests(PostgresCluster cluster)
    {
        _cluster = cluster;
    }

    public async Task InitializeAsync() => _publisher = await FakePublisherServer.StartAsync();

    public async Task DisposeAsync() => await _publisher.DisposeAsync();

    [PostgresFact]
    public async Task PollAsync_OnAnotherHost_SendsTheValidatorsTheFirstHostGot_AndTheUnchangedDigestIs304()
    {
        var (a, b) = await TwoHostsAsync();
        await using var _ = a;
        await using var __ = b;
        _publisher.Put("/digests/koala.md", "---\ntitle: Koala weekly\ndate: 2026-12-01\n---\n\n## News\n\n### Koala sleep research\n\n- Koalas sleep.\n", "text/markdown; charset=utf-8");
        var url = _publisher.Url("/digests/koala.md");

        var first = await a.Library.PollAsync([url]);
        _time.Advance(Interval);
        var second = await b.Library.PollAsync([url]);

        Assert.Equal(IngestOutcome.Added, Assert.Single(first.Files).Outcome);
        Assert.Equal(IngestOutcome.Unchanged, Assert.Single(second.Files).Outcome);
        var requests = _publisher.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Null(requests[0].IfNoneMatch);
        Assert.Equal(200, requests[0].Status);
        Assert.NotNull(requests[1].IfNoneMatch);
        Assert.Equal(304, requests[1].Status);
        Assert.Single((await b.Library.SearchAsync(new SearchRequest("koala"))).Results);
    }

    [PostgresFact]
    public async Task PollAsync_WhenTheClusterDoesNotHoldWhatTheValidatorsRead_ReadsTheSourceInFull()
    {
        var (a, b) = await TwoHostsAsync();
        await using var _ = a;
        await using var __ = b;
        _publisher.Put("/digests/owl.md", "---\ntitle: Owl weekly\ndate: 2026-12-01\n---\n\n## News\n\n### Owls at night\n\n- Owls hunt.\n", "text/markdown; charset=utf-8");
        var url = _publisher.Url("/digests/owl.md");
        await a.Library.PollAsync([url]);

        // As if the digest that 304 would stand for had been replaced in the cluster by other content.
        await using (var tamper = a.DataSource.CreateCommand("UPDATE library_source_state SET state = replace(state, '\"contentHash\":\"', '\"contentHash\":\"other-')"))
        {
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }

        _time.Advance(Interval);
        var second = await b.Library.PollAsync([url]);

        var last = _publisher.Requests.Last();
        Assert.Null(last.IfNoneMatch);
        Assert.Equal(200, last.Status);
        Assert.Equal(0, second.Failed);
    }

    [PostgresFact]
    public async Task PollAsync_OfAFeed_MovingBetweenHosts_ReadsEachPostPageOnce_AndTheFeedIs304WhereverItIsUnchanged()
    {
        var (a, b) = await TwoHostsAsync();
        await using var _ = a;
        await using var __ = b;
        var posts = Enumerable.Range(1, 3).Select(Post).ToList();
        PublishFeed(posts);
        var feed = _publisher.Url("/feed.xml");

        var onA = await a.Library.PollAsync([feed]);
        _time.Advance(Interval);
        posts.Add(Post(4));
        PublishFeed(posts);
        var onB = await b.Library.PollAsync([feed]);
        _time.Advance(Interval);
        var backOnA = await a.Library.PollAsync([feed]);

        Assert.Equal(3, onA.Added);
        Assert.Equal(1, onB.Added);
        Assert.Equal(0, backOnA.Added + backOnA.Failed);
        Assert.All(Enumerable.Range(1, 4), n => Assert.Equal(1, _publisher.CountRequests($"/posts/trend-{n}/")));
        var feedRequests = _publisher.Requests.Where(r => r.Path == "/feed.xml").ToList();
        Assert.Equal([200, 200, 304], feedRequests.Select(r => r.Status));
        Assert.NotNull(feedRequests[1].IfNoneMatch);
        Assert.Equal(4, (await a.Library.ListDigestsAsync()).Count);
    }

    [PostgresFact]
    public async Task PollAsync_AfterAPublisherAskedOneHostToRetryLater_AnotherHostWaitsToo()
    {
        var (a, b) = await TwoHostsAsync();
        await using var _ = a;
        await using var __ = b;
        _publisher.Put("/digests/busy.md", "---\ntitle: Busy\ndate: 2026-12-01\n---\n\n## News\n\n### Busy week\n\n- Much happened.\n", "text/markdown");
        _publisher.Fail("/digests/busy.md", 503, retryAfterSeconds: 7200);
        var url = _publisher.Url("/digests/busy.md");

        var refused = await a.Library.PollAsync([url]);
        _time.Advance(Interval);
        await b.Library.PollAsync([url]);

        Assert.Equal(1, refused.Failed);
        Assert.Equal(1, _publisher.CountRequests("/digests/busy.md"));
    }

    private async Task<(ClusterNode A, ClusterNode B)> TwoHostsAsync()
    {
        var connection = await _cluster.CreateDatabaseAsync();
        void Configure(LibraryOptions options)
        {
            options.Digests.AllowPrivateAddresses = true;
            options.Digests.PollInterval = Interval;
        }

        return (new ClusterNode(connection, _time, configure: Configure), new ClusterNode(connection, _time, configure: Configure));
    }

    private (string Slug, string Title, DateTimeOffset Published, DateTimeOffset Updated) Post(int n)
    {
        var published = new DateTimeOffset(2026, 11, 20 + n, 0, 0, 0, TimeSpan.Zero);
        _publisher.Put($"/posts/trend-{n}/", PublisherSite.ChirpyPage($"Trend #{n}", published, PublisherSite.Sections(n)), "text/html; charset=utf-8");
        return ($"trend-{n}", $"Trend #{n}", published, published);
    }

    private void PublishFeed(IEnumerable<(string Slug, string Title, DateTimeOffset Published, DateTimeOffset Updated)> posts)
        => _publisher.Put("/feed.xml", PublisherSite.AtomFeed(_publisher.BaseUrl, posts), "application/atom+xml; charset=utf-8");
}
