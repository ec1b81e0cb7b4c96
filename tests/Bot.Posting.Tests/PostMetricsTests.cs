using Bot.Core.Posting;
using Bot.Library.State;
using Bot.Posting;
using Bot.TestSupport;
using Bot.Posting.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Posting.Tests;

/// <summary>Issue 11, metrics: every post outcome the ledger records is counted once on the <c>Bot</c> meter.</summary>
public sealed class PostMetricsTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task Sender_CountsRetriedUncertainAndSent_OncePerOutcome()
    {
        using var metrics = new MetricRecorder();
        using var h = new SchedulingHarness(Monday);
        h.Poster.CanLookUp = false;
        h.Poster.LoseResponses = 1;
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news"));
        var name = "metrics-" + Guid.NewGuid().ToString("N");
        var sub = await h.SubscribeAsync(name);
        var row = (await h.Planner.PlanAsync(sub, "d1", Monday, TimeSpan.Zero))[0];

        await Assert.ThrowsAsync<PostException>(() => h.Sender.SendAsync(row.Id)); // the response is lost: retried
        await h.Sender.SendAsync(row.Id); // cannot look it up: uncertain
        var retry = new LedgerRetry(h.Store, h.Queue, h.Time, NullLogger<LedgerRetry>.Instance);
        await h.Sender.SendAsync(Assert.Single(await retry.ReopenAsync(LedgerState.Uncertain, sub.Id)).Id);

        Assert.Equal(1, metrics.Sum("bot.posts.retried", "subscription", name));
        Assert.Equal(1, metrics.Sum("bot.posts.uncertain", "subscription", name));
        Assert.Equal(1, metrics.Sum("bot.posts.sent", "subscription", name));
        Assert.Equal(0, metrics.Sum("bot.posts.failed", "subscription", name));
        Assert.All(metrics.Where("bot.posts.sent", "subscription", name), m => Assert.Equal("console", m.Tags["platform"]));
    }

    [Fact]
    public async Task Sender_CountsAPermanentFailure_AsFailedNotRetried()
    {
        using var metrics = new MetricRecorder();
        using var h = new SchedulingHarness(Monday);
        h.Poster.PermanentlyFailingSections.Add("news");
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news"));
        var name = "metrics-" + Guid.NewGuid().ToString("N");
        var sub = await h.SubscribeAsync(name);
        var row = (await h.Planner.PlanAsync(sub, "d1", Monday, TimeSpan.Zero))[0];

        var outcome = await h.Sender.SendAsync(row.Id);

        Assert.Equal(SendResult.Failed, outcome.Result);
        Assert.Equal(1, metrics.Sum("bot.posts.failed", "subscription", name));
        Assert.Equal(0, metrics.Sum("bot.posts.retried", "subscription", name));
        Assert.Equal(0, metrics.Sum("bot.posts.sent", "subscription", name));
    }
}
