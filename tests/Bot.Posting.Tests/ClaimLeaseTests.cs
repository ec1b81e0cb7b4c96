using Bot.Library.State;
using Bot.Posting;
using Bot.Posting.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Posting.Tests;

/// <summary>Issue 13: a post slower than the claim lease, two hosts, and the record of "sent" (issue 15).</summary>
public sealed class ClaimLeaseTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task TwoHosts_SendEachSectionOnce_WhenEveryPostIsHeldLongerThanTheLeaseBy429s()
    {
        // The reproduction: Slack answers 429 with Retry-After: 12 while the lease is 5 s; host B tries every row at 6 s.
        using var h = new SchedulingHarness(Monday);
        h.Options.Scheduling.ClaimLease = TimeSpan.FromSeconds(5);
        h.Poster.PostDelay = TimeSpan.FromSeconds(12);
        string[] sections = ["news", "papers", "tools", "mlops", "agents", "vision", "speech", "robots", "chips", "policy"];
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), sections));
        var sub = await h.SubscribeAsync("weekly");
        var rows = await h.Planner.PlanAsync(sub, "d1", Monday, TimeSpan.Zero);
        var (a, b) = (Host(h), Host(h));
        var outcomesOfB = new List<SendResult>();

        foreach (var row in rows)
        {
            var sending = Task.Run(() => a.SendAsync(row.Id));
            await WaitUntilAsync(() => h.Poster.InFlight == 1);
            for (var second = 0; second < 6; second++)
            {
                h.Time.Advance(TimeSpan.FromSeconds(1));
            }

            var byB = Task.Run(() => b.SendAsync(row.Id));
            await WaitUntilAsync(() => byB.IsCompleted || h.Poster.InFlight == 2, spins: 500);
            for (var tick = 0; tick < 30 && !(sending.IsCompleted && byB.IsCompleted); tick++)
            {
                h.Time.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(2);
            }

            outcomesOfB.Add((await byB).Result);
            Assert.Equal(SendResult.Sent, (await sending).Result);
            outcomesOfB.Add((await b.SendAsync(row.Id)).Result);
        }

        Assert.Equal(sections.Order(StringComparer.Ordinal), h.Poster.Log.Select(l => l.Section).Order(StringComparer.Ordinal));
        Assert.All(h.Poster.Deliveries.Values, count => Assert.Equal(1, count));
        Assert.DoesNotContain(SendResult.Sent, outcomesOfB);
        Assert.All(await h.Store.GetDigestRowsAsync(sub.Id, "d1"), r => Assert.Equal(LedgerState.Sent, r.State));
    }

    [Fact]
    public async Task ACrashedHostsRow_IsTakenOverWithinAMinute_AndLookedForBeforeSending()
    {
        using var h = new SchedulingHarness(Monday);
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news"));
        var sub = await h.SubscribeAsync("weekly");
        var row = (await h.Planner.PlanAsync(sub, "d1", Monday, TimeSpan.Zero))[0];

        // The dead host claimed the row with the default lease and delivered, but never recorded it.
        var claim = await h.Store.TryClaimAsync(row.Id, "dead-host", h.Options.Scheduling.ClaimLease);
        await h.Poster.PostAsync(new Bot.Core.Posting.PostTarget("console", "console", string.Empty), new Bot.Core.Posting.SectionPost(claim.Row!.LedgerKey, Bot.Posting.SectionHighlighter.Build(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news"), "news", sub, null)!));
        h.Time.Advance(TimeSpan.FromMinutes(1));

        var outcome = await h.Sender.SendAsync(row.Id);

        Assert.Equal(SendResult.Sent, outcome.Result);
        Assert.Equal(1, h.Poster.Deliveries[claim.Row.LedgerKey]);
        Assert.Equal("found-" + claim.Row.LedgerKey, (await h.Store.GetRowAsync(row.Id))!.MessageId);
    }

    [Fact]
    public async Task RecordingSent_IsRetriedUntilItLands_SoAStorageErrorNeverLeadsToASecondPost()
    {
        using var h = new SchedulingHarness(Monday);
        h.Poster.CanLookUp = false; // Like a Discord channel after its nonce window: nothing to look in.
        h.Catalog.Add(TestDigests.Make("d1", new DateOnly(2026, 11, 29), "news"));
        var sub = await h.SubscribeAsync("weekly");
        var row = (await h.Planner.PlanAsync(sub, "d1", Monday, TimeSpan.Zero))[0];
        var store = FlakyStore.Wrap(h.Store, failMarkSent: 3);
        var sender = new SectionSender(store, h.Catalog, new PosterRegistry([h.Poster]), h.Time, new StaticOptionsMonitor<PostingOptions>(h.Options), NullLogger<SectionSender>.Instance);

        var sending = Task.Run(() => sender.SendAsync(row.Id));
        for (var i = 0; i < 60 && !sending.IsCompleted; i++)
        {
            await Task.Delay(5);
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await sending;
        h.Time.Advance(TimeSpan.FromMinutes(10));
        var retry = await sender.SendAsync(row.Id);

        Assert.Equal(SendResult.Sent, first.Result);
        Assert.Equal(SendResult.AlreadyDone, retry.Result);
        Assert.Equal(1, Assert.Single(h.Poster.Deliveries).Value);
        Assert.Equal(LedgerState.Sent, (await h.Store.GetRowAsync(row.Id))!.State);
    }

    [Fact]
    public async Task MarkSent_IsRefused_OnceAnotherHostTookTheRowOver()
    {
        using var h = new SchedulingHarness(Monday);
        var sub = await h.SubscribeAsync("weekly");
        var row = (await h.Store.PlanAsync(sub.Id, "d1", [new("news", 0, Monday)]))[0];
        var slow = (await h.Store.TryClaimAsync(row.Id, "slow-host", TimeSpan.FromSeconds(5))).Row!;
        h.Time.Advance(TimeSpan.FromSeconds(6));
        var taker = (await h.Store.TryClaimAsync(row.Id, "other-host", TimeSpan.FromSeconds(5))).Row!;

        Assert.False(await h.Store.RenewAsync(slow, TimeSpan.FromSeconds(5)));
        Assert.False(await h.Store.MarkSentAsync(slow, "m-slow", null));
        Assert.True(taker.LookFirst);
        Assert.True(await h.Store.MarkSentAsync(taker, "m-other", null));
        Assert.Equal("m-other", (await h.Store.GetRowAsync(row.Id))!.MessageId);
    }

    private static SectionSender Host(SchedulingHarness h)
        => new(SqlStateStore.ForSqlite(h.Database, h.Time), h.Catalog, new PosterRegistry([h.Poster]), h.Time, new StaticOptionsMonitor<PostingOptions>(h.Options), NullLogger<SectionSender>.Instance);

    private static async Task WaitUntilAsync(Func<bool> condition, int spins = 2000)
    {
        for (var i = 0; i < spins && !condition(); i++)
        {
            await Task.Delay(1);
        }
    }
}
