using Bot.Library.Ingestion;
using Bot.TestSupport.FakePublisher;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Library.Tests.Sources;

/// <summary>End to end over a loopback publisher: a Chirpy-style Atom feed (content src, 5 items) and a Gatsby-style RSS feed (content:encoded).</summary>
public sealed class FeedFollowTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private FakePublisherServer _server = null!;
    private TempLibrary _temp = null!;
    private readonly List<(string Slug, string Title, DateTimeOffset Published, DateTimeOffset Updated)> _posts = [];
    private readonly List<(string Slug, string Title, DateTimeOffset Published, string Html)> _daily = [];

    public async Task InitializeAsync()
    {
        _server = await FakePublisherServer.StartAsync();
        var options = new LibraryOptions { Digests = { AllowPrivateAddresses = true, PollInterval = TimeSpan.FromMinutes(30) } };
        _temp = new TempLibrary(options, time: _time);
        for (var n = 1; n <= 5; n++)
        {
            AddPost(n);
        }

        for (var n = 1; n <= 2; n++)
        {
            _daily.Add(($"daily-{n}", $"Daily {n}", Start.AddDays(-10 + n), PublisherSite.GatsbyBriefing(n)));
        }

        PublishFeeds();
        _server.Redirect("/rss", "/daily/rss.xml");
    }

    public async Task DisposeAsync()
    {
        _temp.Dispose();
        await _server.DisposeAsync();
    }

    private string AtomUrl => _server.Url("/feed.xml");

    private string RssUrl => _server.Url("/rss");

    private void AddPost(int n, string edit = "")
    {
        var date = Start.AddDays(-30 + n);
        _server.Put($"/posts/ai-trend-{n}/", PublisherSite.ChirpyPage($"AI trend #{n}", date.ToOffset(TimeSpan.FromHours(9)), PublisherSite.Sections(n, edit)), "text/html; charset=utf-8");
        _posts.RemoveAll(p => p.Slug == $"ai-trend-{n}");
        _posts.Add(($"ai-trend-{n}", $"AI trend #{n}", date, _time.GetUtcNow()));
    }

    private void PublishFeeds()
    {
        // Chirpy keeps only the newest 5 posts in its feed.
        var newest = _posts.OrderByDescending(p => p.Published).Take(5);
        _server.Put("/feed.xml", PublisherSite.AtomFeed(_server.BaseUrl, newest), "application/atom+xml; charset=utf-8");
        _server.Put("/daily/rss.xml", PublisherSite.RssFeed(_server.BaseUrl, _daily), "application/rss+xml");
    }

    private Task<IngestReport> PollAsync() => _temp.Library.PollAsync([AtomUrl, RssUrl]);

    [Fact]
    public async Task Poll_FollowsBothPublishers_NewEditedRemovedUnchangedFailedAndRedirected()
    {
        // 1. First poll: 5 posts from the Atom feed's pages, 2 briefings inline from the RSS feed (reached through a redirect).
        var first = await PollAsync();
        Assert.Equal(7, first.Added);
        Assert.Equal(0, first.Failed);
        Assert.Equal("atom", first.Files.Single(f => f.Source == AtomUrl).Kind);
        Assert.Equal("rss", first.Files.Single(f => f.Source == RssUrl).Kind);
        Assert.All(_server.Requests, r => Assert.StartsWith("BotDigestFollower/", r.UserAgent, StringComparison.Ordinal));
        Assert.Equal(1, _server.MaxConcurrent);

        var post = await _temp.Library.GetDigestAsync(first.Files.Single(f => f.Source == _server.Url("/posts/ai-trend-3/")).DigestId!);
        Assert.NotNull(post);
        Assert.Equal("AI trend #3", post.Title);
        Assert.Equal(new DateOnly(2026, 10, 6), post.Date);
        Assert.Equal(["news", "papers"], post.Sections.Select(s => s.Key));
        Assert.Equal(["Harbour robots count crates 3", "Weather model gets a new grid 3"], post.Sections[0].Entries.Select(e => e.Title));
        Assert.Equal([("Robots at port 3 counted crates overnight.", 0), ("Night shifts were halved.", 1)], post.Sections[0].Entries[0].Bullets.Select(b => (b.Text, b.Depth)));
        Assert.Equal("https://news.example.org/ports/3", post.Sections[0].Entries[0].References.Single().CanonicalUrl);
        Assert.Equal("https://arxiv.org/abs/2401.00003", post.Sections[1].Entries[0].References.Single().CanonicalUrl);
        Assert.Equal(_server.Url("/posts/ai-trend-3/"), post.Permalink);
        var briefing = await _temp.Library.GetDigestAsync(first.Files.Single(f => f.Source == _server.Url("/daily-2/")).DigestId!);
        Assert.Equal(Bot.Digests.Model.DigestFormat.Briefing, briefing!.Format);

        // 2. Not due yet: no request at all.
        var requests = _server.Requests.Count;
        var early = await PollAsync();
        Assert.Equal(requests, _server.Requests.Count);
        Assert.Equal(0, early.Added + early.Updated + early.Failed);

        // 3. Due and unchanged: one 304 per feed (plus the redirect hop), no page requests.
        _time.Advance(TimeSpan.FromMinutes(31));
        requests = _server.Requests.Count;
        var unchanged = await PollAsync();
        var round = _server.Requests.Skip(requests).ToList();
        Assert.Equal([("/daily/rss.xml", 304), ("/feed.xml", 304), ("/rss", 301)], round.Select(r => (r.Path, r.Status)).OrderBy(r => r.Path, StringComparer.Ordinal));
        Assert.Equal(0, unchanged.Added + unchanged.Updated);

        // 4. A new post pushes the oldest out of the 5-item feed; post 5 and briefing 2 are edited.
        var before = post5Entries(await Stored("ai-trend-5"));
        AddPost(6);
        _time.Advance(TimeSpan.FromMinutes(1));
        AddPost(5, edit: " (corrected)");
        _daily[1] = _daily[1] with { Html = PublisherSite.GatsbyBriefing(2, edit: " again") };
        PublishFeeds();
        _time.Advance(TimeSpan.FromMinutes(31));
        var changed = await PollAsync();
        Assert.Equal(1, changed.Added);
        Assert.Equal(2, changed.Updated);
        Assert.Equal(IngestOutcome.Added, changed.Files.Single(f => f.Source == _server.Url("/posts/ai-trend-6/")).Outcome);
        Assert.Equal(IngestOutcome.Updated, changed.Files.Single(f => f.Source == _server.Url("/posts/ai-trend-5/")).Outcome);
        var edited = await Stored("ai-trend-5");
        Assert.Equal(before, post5Entries(edited));
        Assert.Equal("Robots at port 5 counted crates overnight (corrected).", edited.Sections[0].Entries[0].Bullets[0].Text);
        Assert.NotNull(await Stored("ai-trend-1"));
        Assert.Equal(0, _server.CountRequests("/posts/ai-trend-2/") - 1);

        // 5. 503 with Retry-After: the failure names the URL, and the next poll waits for Retry-After, not the interval.
        _server.Fail("/feed.xml", 503, retryAfterSeconds: 3600);
        _time.Advance(TimeSpan.FromMinutes(31));
        var failed = await PollAsync();
        var error = failed.Files.Single(f => f.Source == AtomUrl);
        Assert.Equal(IngestOutcome.Failed, error.Outcome);
        Assert.Contains("HTTP 503", error.Error, StringComparison.Ordinal);
        Assert.Contains("/feed.xml", error.Error, StringComparison.Ordinal);
        _server.Recover("/feed.xml");
        var feedRequests = _server.CountRequests("/feed.xml");
        _time.Advance(TimeSpan.FromMinutes(31));
        await PollAsync();
        Assert.Equal(feedRequests, _server.CountRequests("/feed.xml"));
        _time.Advance(TimeSpan.FromMinutes(30));
        var recovered = await PollAsync();
        Assert.Equal(feedRequests + 1, _server.CountRequests("/feed.xml"));
        Assert.Equal(IngestOutcome.Unchanged, recovered.Files.Single(f => f.Source == AtomUrl).Outcome);

        static List<string> post5Entries(Bot.Digests.Model.Digest digest) => digest.Entries.Select(e => e.Id).ToList();
    }

    private async Task<Bot.Digests.Model.Digest> Stored(string slug)
    {
        var list = await _temp.Library.ListDigestsAsync();
        var id = list.Single(d => d.Id.EndsWith(slug, StringComparison.Ordinal)).Id;
        return (await _temp.Library.GetDigestAsync(id))!;
    }
}
