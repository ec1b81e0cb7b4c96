using Bot.Posting.Tests.Support;

namespace Bot.Posting.Tests;

/// <summary>A subscription job retried after its rows were planned but before they were queued (the database went away between).</summary>
public sealed class PostPlannerStrandedRowsTests
{
    // Monday 2026-11-30 09:00 in Seoul.
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task FireAsync_Again_QueuesTheRowsAnEarlierRunPlannedButNeverQueued_AndEachIsSentOnce()
    {
        using var h = new SchedulingHarness(Monday);
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news", "papers", "tools"));
        var sub = await h.SubscribeAsync("weekly");
        await h.Planner.FireAsync(sub.Id, Monday);
        h.Queue.Clear(); // the jobs never reached the queue

        var again = await h.Planner.FireAsync(sub.Id, Monday);
        var queued = h.Queue.Count;
        await h.Planner.FireAsync(sub.Id, Monday);
        await h.RunUntilAsync(Monday.AddHours(1));

        Assert.Empty(again);
        Assert.Equal(3, queued);
        Assert.Equal(["news", "papers", "tools"], h.Poster.Log.Select(l => l.Section));
        Assert.Empty(await h.Store.ListOpenRowsAsync());
    }

    [Fact]
    public async Task FireAsync_LeavesRowsThatAreNotDueYet_OrHeldByAHost()
    {
        using var h = new SchedulingHarness(Monday);
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news", "papers"));
        var sub = await h.SubscribeAsync("daily-sections", spacing: TimeSpan.FromDays(1));
        var rows = await h.Planner.FireAsync(sub.Id, Monday);
        h.Queue.Clear();
        Assert.True((await h.Store.TryClaimAsync(rows[0].Id, "another-host", TimeSpan.FromMinutes(5))).Claimed);

        await h.Planner.FireAsync(sub.Id, Monday);

        // The first is being sent elsewhere and the second falls due tomorrow: nothing is queued twice.
        Assert.Equal(0, h.Queue.Count);
    }
}
