using Bot.Library;
using Bot.Library.State;
using Bot.Library.Storage;
using Bot.Posting;
using Bot.TestSupport.FakePublisher;
using Bot.Posting.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Posting.Tests;

/// <summary><c>Trigger: Published</c> over a loopback Atom feed: each new post goes out once, nothing for a 304 or a backlog.</summary>
public sealed class PublishedTriggerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PlanAsync_PostsEachNewFeedPostExactlyOnce_AndNothingForA304OrTheBacklog()
    {
        await using var server = await FakePublisherServer.StartAsync();
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider(Start);
        var database = new BotDatabase(dir.Path);
        var library = new DigestLibrary(database, new LibraryOptions { Digests = { AllowPrivateAddresses = true } }, null, time, null);
        var options = new PostingOptions { TimeZone = "UTC" };
        options.Subscriptions.Add(new SubscriptionOptions { Name = "on-publish", Target = "console", Cron = "0 9 * * MON", Trigger = "Published", SectionSpacing = "01:00:00" });
        var monitor = new StaticOptionsMonitor<PostingOptions>(options);
        var store = SqlStateStore.ForSqlite(database, time);
        var catalog = new LibraryDigestCatalog(library);
        var queue = new FakeJobQueue();
        var poster = new FakePlatformPoster(time);
        var dispatcher = new PostDispatcher(store, queue, time, monitor, NullLogger<PostDispatcher>.Instance);
        var planner = new PostPlanner(store, catalog, dispatcher, NullLogger<PostPlanner>.Instance);
        var sender = new SectionSender(store, catalog, new PosterRegistry([poster]), time, monitor, NullLogger<SectionSender>.Instance);
        await store.UpsertSubscriptionAsync(new SubscriptionRecord(0, "on-publish", "config", "console", ["*"], [], [], "0 9 * * MON", "UTC", 5, TimeSpan.FromHours(1), false, null));
        using var trigger = new PublishedTrigger(library, monitor, store, planner, dispatcher, time, NullLogger<PublishedTrigger>.Instance);
        var posts = new List<(string Slug, string Title, DateTimeOffset Published, DateTimeOffset Updated)>();
        void Publish(int n, DateTimeOffset date)
        {
            server.Put($"/posts/p{n}/", PublisherSite.ChirpyPage($"Post {n}", date, PublisherSite.Sections(n)), "text/html");
            posts.Add(($"p{n}", $"Post {n}", date, date));
            server.Put("/feed.xml", PublisherSite.AtomFeed(server.BaseUrl, posts), "application/atom+xml");
        }

        var feed = server.Url("/feed.xml");
        Publish(1, Start.AddDays(-20));
        Publish(2, Start.AddDays(-13));

        // The feed's existing posts predate the subscription: remembered, not posted.
        var backlog = await library.IngestAsync([feed]);
        Assert.Equal(2, backlog.Added);
        Assert.Empty(await trigger.PlanAsync(backlog));

        time.Advance(TimeSpan.FromHours(2));
        Publish(3, time.GetUtcNow());
        var fresh = await library.IngestAsync([feed]);
        var rows = await trigger.PlanAsync(fresh);
        await queue.RunUntilAsync(sender, time, time.GetUtcNow().AddHours(3));

        Assert.Equal(1, fresh.Added);
        Assert.Equal(["news", "papers"], rows.Select(r => r.SectionKey));
        Assert.Equal([("news", Start.AddHours(2)), ("papers", Start.AddHours(3))], poster.Log.Select(l => (l.Section, l.At)));

        // An unchanged feed is one 304 and plans nothing; reporting the same post again sends nothing twice.
        var unchanged = await library.IngestAsync([feed]);
        Assert.Equal(304, server.Requests.Last().Status);
        Assert.Empty(await trigger.PlanAsync(unchanged));
        await trigger.PlanAsync(fresh);
        await queue.RunUntilAsync(sender, time, time.GetUtcNow().AddDays(1));
        Assert.Equal(2, poster.Log.Count);
    }

    [Theory]
    [InlineData("Published", true)]
    [InlineData("cron", true)]
    [InlineData("", true)]
    [InlineData("Publshed", false)]
    public void IsValid_AcceptsCronAndPublishedOnly(string trigger, bool valid) => Assert.Equal(valid, PublishedTrigger.IsValid(trigger));
}
