using Bot.Core.Posting;
using Bot.Library.State;
using Bot.Posting;
using Bot.Posting.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Posting.Tests;

public sealed class SchedulingFaultTests
{
    private static readonly DateTimeOffset FirstMonday = new(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task EverySectionIsDeliveredExactlyOnce_WhenThePlatformFails30PercentOfRequests()
    {
        using var h = new SchedulingHarness(FirstMonday.AddDays(-1), failureRate: 0.3);
        var sub = await h.SubscribeAsync("weekly", spacing: TimeSpan.FromHours(1));
        var schedule = CronSchedule.Parse(sub.Cron);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(sub.TimeZone);
        var expected = new List<string>();

        for (var week = 0; week < 200; week++)
        {
            var occurrence = schedule.GetNextOccurrence(h.Time.GetUtcNow(), zone)!.Value;
            var digest = TestDigests.Make($"w{week:D3}", DateOnly.FromDateTime(occurrence.Date).AddDays(-1), "news", "papers", "tools", "mlops");
            h.Catalog.Add(digest);
            expected.AddRange(digest.Sections.Select(s => $"s{sub.Id}:{digest.Id}:{s.Key}"));
            h.Time.SetUtcNow(occurrence);
            await h.Planner.FireAsync(sub.Id, occurrence);
            if (week % 25 == 7)
            {
                // Now and then the host stops in the middle of a digest and starts again half an hour later.
                await h.RunUntilAsync(occurrence.AddHours(2), maxJobs: 2);
                h.Time.Advance(TimeSpan.FromMinutes(30));
                await h.RestartAsync();
            }

            await h.RunUntilAsync(occurrence.AddDays(6));
        }

        Assert.True(h.Poster.Failures > 150, $"the platform failed only {h.Poster.Failures} times");
        Assert.Equal(0, h.Queue.GaveUp);
        Assert.Equal(expected.Order(StringComparer.Ordinal), h.Poster.Deliveries.Keys.Order(StringComparer.Ordinal));
        Assert.All(h.Poster.Deliveries, d => Assert.True(d.Value == 1, $"{d.Key} was delivered {d.Value} times"));
        Assert.Empty(await h.Store.ListOpenRowsAsync());
    }

    [Fact]
    public async Task TwoHostsSharingTheLedger_SendEachSectionOnce_WhenBothRunEveryJob()
    {
        using var h = new SchedulingHarness(FirstMonday);
        for (var i = 0; i < 10; i++)
        {
            h.Catalog.Add(TestDigests.Make($"d{i}", new DateOnly(2026, 1, 1).AddDays(i), "news", "papers", "tools", "mlops"));
        }

        var rows = new List<LedgerRow>();
        for (var i = 0; i < 10; i++)
        {
            var sub = await h.SubscribeAsync($"channel-{i}");
            rows.AddRange(await h.Planner.PlanAsync(sub, $"d{i}", FirstMonday, TimeSpan.Zero));
        }

        var monitor = new StaticOptionsMonitor<PostingOptions>(h.Options);
        SectionSender Host() => new(SqlStateStore.ForSqlite(h.Database, h.Time), h.Catalog, new PosterRegistry([h.Poster]), h.Time, monitor, NullLogger<SectionSender>.Instance);
        var (a, b) = (Host(), Host());

        // Both hosts run every section job at the same moment, position by position (later sections wait for earlier ones).
        var outcomes = new List<SendOutcome>();
        foreach (var position in rows.GroupBy(r => r.Position).OrderBy(g => g.Key))
        {
            outcomes.AddRange(await Task.WhenAll(position.SelectMany(r => new[] { a, b }.Select(host => Task.Run(() => host.SendAsync(r.Id))))));
        }

        Assert.Equal(rows.Count, outcomes.Count(o => o.Result == SendResult.Sent));
        Assert.Equal(rows.Count, h.Poster.Deliveries.Count);
        Assert.All(h.Poster.Deliveries.Values, count => Assert.Equal(1, count));
    }
}
