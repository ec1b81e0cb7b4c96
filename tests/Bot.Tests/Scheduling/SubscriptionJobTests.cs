using Bot.Scheduling;
using Bot.Tests.Support;

namespace Bot.Tests.Scheduling;

public sealed class SubscriptionJobTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task RunAsync_CountsSlotsFromTheCronOccurrence_WhenTheWorkerStartsLate()
    {
        using var h = new SchedulingHarness(Monday.AddSeconds(42));
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news", "papers"));
        var sub = await h.SubscribeAsync("one-a-day", spacing: TimeSpan.FromDays(1));

        await new SubscriptionJob(h.Planner, h.Store, h.Time).RunAsync(sub.Id, CancellationToken.None);

        var rows = await h.Store.GetDigestRowsAsync(sub.Id, "d1");
        Assert.Equal([Monday, Monday.AddDays(1)], rows.Select(r => r.DueAt));
        Assert.Equal(Monday, (await h.Store.GetSubscriptionAsync(sub.Id))!.LastFiredAt);
    }

    [Fact]
    public async Task RunAsync_DoesNothing_WhenTheSubscriptionWasRemoved()
    {
        using var h = new SchedulingHarness(Monday);
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news"));
        var sub = await h.SubscribeAsync("gone");
        await h.Store.DeleteSubscriptionAsync(sub.Id);

        await new SubscriptionJob(h.Planner, h.Store, h.Time).RunAsync(sub.Id, CancellationToken.None);

        Assert.Equal(0, h.Queue.Count);
        Assert.Empty(h.Poster.Log);
    }
}
