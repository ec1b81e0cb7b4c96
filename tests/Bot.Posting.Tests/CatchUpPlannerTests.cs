using Bot.Library.State;
using Bot.Posting;
using Bot.Posting.Tests.Support;

namespace Bot.Posting.Tests;

public sealed class CatchUpPlannerTests
{
    // Sunday 2026-11-29 12:00 in Seoul; the next "0 9 * * MON" is Monday 2026-11-30 09:00 (+09:00).
    private static readonly DateTimeOffset Sunday = new(2026, 11, 29, 12, 0, 0, TimeSpan.FromHours(9));
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task CatchUpAsync_SendsTheMissedPostOnce_WhenItFellDueInsideTheWindow()
    {
        using var h = new SchedulingHarness(Sunday);
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news", "papers"));
        var sub = await h.SubscribeAsync("weekly");

        // Down from Sunday until Monday 15:00: the 09:00 post was missed six hours ago (window: 24 h).
        h.Time.SetUtcNow(Monday.AddHours(6));
        await h.RestartAsync();
        await h.RunUntilAsync(Monday.AddHours(7));
        await h.RestartAsync(); // a second start does not send it again
        await h.RunUntilAsync(Monday.AddHours(8));

        Assert.Equal([("news", Monday.AddHours(6)), ("papers", Monday.AddHours(6))], h.Poster.Log.Select(l => (l.Section, l.At)));
        Assert.Equal(Monday, (await h.Store.GetSubscriptionAsync(sub.Id))!.LastFiredAt);
    }

    [Fact]
    public async Task CatchUpAsync_SkipsTheMissedPost_WhenItFellDueBeforeTheWindow()
    {
        using var h = new SchedulingHarness(Sunday);
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news", "papers"));
        var sub = await h.SubscribeAsync("weekly");

        // Down until Tuesday 12:00: the Monday 09:00 post is 27 hours old.
        h.Time.SetUtcNow(Monday.AddHours(27));
        await h.RestartAsync();
        await h.RunUntilAsync(Monday.AddHours(30));

        Assert.Empty(h.Poster.Log);
        Assert.Equal(Monday, (await h.Store.GetSubscriptionAsync(sub.Id))!.LastFiredAt);
    }

    [Fact]
    public async Task CatchUpAsync_SendsSlotsInsideTheWindowAndSkipsOlderOnes_AfterDowntimeInASpacedDigest()
    {
        using var h = new SchedulingHarness(Monday);
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news", "papers", "tools", "mlops"));
        var sub = await h.SubscribeAsync("one-a-day", spacing: TimeSpan.FromDays(1));
        await h.Planner.FireAsync(sub.Id, Monday);
        await h.RunUntilAsync(Monday.AddDays(1).AddHours(1)); // news (Mon) and papers (Tue) go out

        // Stopped on Tuesday; started again Thursday 12:00. tools fell due Wednesday 09:00 (27 h ago), mlops Thursday 09:00 (3 h ago).
        h.Time.SetUtcNow(Monday.AddDays(3).AddHours(3));
        await h.RestartAsync();
        await h.RunUntilAsync(Monday.AddDays(5));

        var rows = await h.Store.GetDigestRowsAsync(sub.Id, "d1");
        Assert.Equal([LedgerState.Sent, LedgerState.Sent, LedgerState.Skipped, LedgerState.Sent], rows.Select(r => r.State));
        Assert.Equal(["news", "papers", "mlops"], h.Poster.Log.Select(l => l.Section));
        Assert.Equal(Monday.AddDays(3).AddHours(3), h.Poster.Log.Last().At);
    }

    [Fact]
    public async Task RestartAsync_SendsRemainingSectionsOnce_WhenStoppedBetweenTwoSections()
    {
        using var h = new SchedulingHarness(Monday);
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news", "papers", "tools", "mlops"));
        var sub = await h.SubscribeAsync("weekly");
        await h.Planner.FireAsync(sub.Id, Monday);
        await h.RunUntilAsync(Monday.AddHours(1), maxJobs: 2); // the host stops after two sections

        h.Time.Advance(TimeSpan.FromMinutes(10));
        await h.RestartAsync();
        await h.RunUntilAsync(Monday.AddDays(1));

        Assert.Equal(["news", "papers", "tools", "mlops"], h.Poster.Log.Select(l => l.Section));
        Assert.All(h.Poster.Deliveries.Values, count => Assert.Equal(1, count));
        Assert.All(await h.Store.GetDigestRowsAsync(sub.Id, "d1"), r => Assert.Equal(LedgerState.Sent, r.State));
    }

    [Theory]
    [InlineData(1)]  // restarted while the dead host's claim still holds: waits for it to run out
    [InlineData(10)] // restarted after the claim ran out
    public async Task RestartAsync_DoesNotRepost_WhenTheHostDiedAfterThePlatformAcceptedTheSection(int minutesLater)
    {
        using var h = new SchedulingHarness(Monday);
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news", "papers"));
        var sub = await h.SubscribeAsync("weekly");
        var rows = await h.Planner.FireAsync(sub.Id, Monday);
        await h.RunUntilAsync(Monday, maxJobs: 1);

        // The host claims "papers", the platform accepts it, and the host dies before recording the message id.
        Assert.True((await h.Store.TryClaimAsync(rows[1].Id, "dead-host", TimeSpan.FromMinutes(5))).Claimed);
        var highlight = Bot.Posting.SectionHighlighter.Build((await h.Catalog.GetAsync("d1"))!, "papers", sub, null)!;
        await h.Poster.PostAsync(new Bot.Core.Posting.PostTarget("console", "console", ""), new Bot.Core.Posting.SectionPost(rows[1].LedgerKey, highlight));

        h.Time.Advance(TimeSpan.FromMinutes(minutesLater));
        await h.RestartAsync();
        await h.RunUntilAsync(Monday.AddHours(1));

        Assert.Equal(1, h.Poster.Deliveries[rows[1].LedgerKey]);
        var papers = (await h.Store.GetRowAsync(rows[1].Id))!;
        Assert.Equal(LedgerState.Sent, papers.State);
        Assert.Equal("found-" + rows[1].LedgerKey, papers.MessageId);
    }

    [Fact]
    public async Task CatchUpAsync_ReturnsConsoleSubscriptionsThatNeverPosted_ForTheFirstStartPost()
    {
        using var h = new SchedulingHarness(Sunday);
        h.Options.Scheduling.PostOnFirstStart = "Console";
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news"));
        await h.SubscribeAsync("weekly-console");

        var waiting = await h.RestartAsync();
        Assert.True(await h.CatchUp.PostFirstAsync(Assert.Single(waiting)));
        await h.RunUntilAsync(Sunday.AddMinutes(1));
        var again = await h.RestartAsync();

        Assert.Equal(["news"], h.Poster.Log.Select(l => l.Section));
        Assert.Empty(again);
    }
}
