using Bot.Library.State;
using Bot.Posting;
using Bot.Posting.Tests.Support;

namespace Bot.Posting.Tests;

public sealed class PostPlannerTests
{
    // Monday 2026-11-30 09:00 in Seoul.
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task FireAsync_PutsEachSectionInItsSlot_WhenSpacingIsOneDay()
    {
        using var h = new SchedulingHarness(Monday);
        h.Catalog.Add(TestDigests.Make("2026-11-29-weekly", new DateOnly(2026, 11, 29), "news", "papers", "tools", "mlops"));
        var sub = await h.SubscribeAsync("daily-sections", spacing: TimeSpan.FromDays(1));

        var rows = await h.Planner.FireAsync(sub.Id, Monday);
        await h.RunUntilAsync(Monday.AddDays(7));

        Assert.Equal(["news", "papers", "tools", "mlops"], rows.Select(r => r.SectionKey));
        Assert.Equal(Enumerable.Range(0, 4).Select(i => Monday.AddDays(i)), rows.Select(r => r.DueAt));
        Assert.Equal(
            Enumerable.Range(0, 4).Select(i => ("news papers tools mlops".Split(' ')[i], Monday.AddDays(i))),
            h.Poster.Log.Select(l => (l.Section, l.At)));
    }

    [Fact]
    public async Task FireAsync_SendsBackToBackInDigestOrder_WhenSpacingIsZero()
    {
        using var h = new SchedulingHarness(Monday);
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news", "papers", "tools"));
        var sub = await h.SubscribeAsync("weekly", sections: ["tools", "news"]);

        await h.Planner.FireAsync(sub.Id, Monday);
        await h.RunUntilAsync(Monday.AddHours(1));

        // Subscribed sections go out in the digest's order, not the configuration's, all at the occurrence.
        Assert.Equal([("news", Monday), ("tools", Monday)], h.Poster.Log.Select(l => (l.Section, l.At)));
    }

    [Fact]
    public async Task SendAsync_WaitsForEarlierSections_WhenAWorkerPicksALaterOneFirst()
    {
        using var h = new SchedulingHarness(Monday);
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news", "papers", "tools"));
        var sub = await h.SubscribeAsync("weekly");
        var rows = await h.Planner.FireAsync(sub.Id, Monday);

        var early = await h.Sender.SendAsync(rows[2].Id);
        await h.RunUntilAsync(Monday.AddMinutes(5));

        Assert.Equal(Bot.Posting.SendResult.Busy, early.Result);
        Assert.Equal(["news", "papers", "tools"], h.Poster.Log.Select(l => l.Section));
    }

    [Fact]
    public async Task SendAsync_KeepsDigestOrder_ForSectionsThatAreHoursOverdueAfterARestart()
    {
        using var h = new SchedulingHarness(Monday);
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news", "papers", "tools"));
        var sub = await h.SubscribeAsync("weekly");
        var rows = await h.Planner.PlanAsync(sub, null, Monday, TimeSpan.Zero);
        h.Time.Advance(TimeSpan.FromHours(3));

        var late = await h.Sender.SendAsync(rows[2].Id);
        await h.RestartAsync();
        await h.RunUntilAsync(Monday.AddHours(4));

        Assert.Equal(Bot.Posting.SendResult.Busy, late.Result);
        Assert.Equal(["news", "papers", "tools"], h.Poster.Log.Select(l => l.Section));
    }

    [Fact]
    public async Task SendAsync_StopsWaiting_ForAnEarlierSectionThatKeepsFailing()
    {
        using var h = new SchedulingHarness(Monday);
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news", "papers"));
        var sub = await h.SubscribeAsync("weekly");
        var rows = await h.Planner.PlanAsync(sub, null, Monday, TimeSpan.Zero);
        for (var i = 0; i < Bot.Posting.SectionSender.OrderingAttempts; i++)
        {
            var claim = await h.Store.TryClaimAsync(rows[0].Id, "host", TimeSpan.FromMinutes(5));
            await h.Store.ReleaseAsync(claim.Row!, "500 Internal Server Error");
        }

        var papers = await h.Sender.SendAsync(rows[1].Id);

        Assert.Equal(Bot.Posting.SendResult.Sent, papers.Result);
    }

    [Fact]
    public async Task FireAsync_SendsNothing_WhenTheNewestDigestWasAlreadyPosted()
    {
        using var h = new SchedulingHarness(Monday);
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news", "papers"));
        var sub = await h.SubscribeAsync("weekly");
        await h.Planner.FireAsync(sub.Id, Monday);
        await h.RunUntilAsync(Monday.AddDays(1));

        var nextWeek = await h.Planner.FireAsync(sub.Id, Monday.AddDays(7));
        await h.RunUntilAsync(Monday.AddDays(8));

        Assert.Empty(nextWeek);
        Assert.Equal(2, h.Poster.Log.Count);
    }

    [Fact]
    public async Task FireAsync_PostsTheNewestDigest_WhenSeveralAreStored()
    {
        using var h = new SchedulingHarness(Monday);
        h.Catalog.Add(TestDigests.Make("old", new DateOnly(2026, 11, 22), "news"));
        h.Catalog.Add(TestDigests.Make("new", new DateOnly(2026, 11, 29), "news"));
        var sub = await h.SubscribeAsync("weekly");

        var rows = await h.Planner.FireAsync(sub.Id, Monday);

        Assert.Equal("new", Assert.Single(rows).DigestId);
    }

    [Fact]
    public async Task FireAsync_SkipsANewerEmptyDraft_AndPostsTheNewestDigestWithEntries()
    {
        using var h = new SchedulingHarness(Monday);
        h.Catalog.Add(TestDigests.Make("real", new DateOnly(2026, 11, 22), "news"));
        h.Catalog.Add(TestDigests.Make("draft", new DateOnly(2026, 11, 29), 0, "news"));
        h.CreatedAt = Monday.AddDays(-30);
        var sub = await h.SubscribeAsync("weekly");

        var rows = await h.Planner.FireAsync(sub.Id, Monday);

        Assert.Equal("real", Assert.Single(rows).DigestId);
    }

    [Fact]
    public async Task FireAsync_PostsSectionsUnderOneThreadParent_InThreadMode()
    {
        using var h = new SchedulingHarness(Monday);
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news", "papers"));
        var sub = await h.SubscribeAsync("threaded", thread: true);

        await h.Planner.FireAsync(sub.Id, Monday);
        await h.RunUntilAsync(Monday.AddHours(1));

        var log = h.Poster.Log.ToList();
        Assert.Equal(["~thread", "news", "papers"], log.Select(l => l.Section));
        Assert.All(log.Skip(1), l => Assert.Equal("m1", l.ThreadParentId));
    }

    [Fact]
    public async Task SendAsync_RecordsFailureWithoutRetry_WhenThePlatformSaysPermanent()
    {
        using var h = new SchedulingHarness(Monday);
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news", "papers"));
        h.Poster.PermanentlyFailingSections.Add("news");
        var sub = await h.SubscribeAsync("weekly");

        await h.Planner.FireAsync(sub.Id, Monday);
        var jobs = await h.RunUntilAsync(Monday.AddDays(1));

        var rows = await h.Store.GetDigestRowsAsync(sub.Id, "d1");
        Assert.Equal([LedgerState.Failed, LedgerState.Sent], rows.Select(r => r.State));
        Assert.Equal("404 Unknown Channel", rows[0].LastError);
        Assert.Equal(2, jobs); // one run each: the permanent failure was not retried
    }
}
