using Bot.Library.State;
using Bot.Library.Storage;
using Bot.Posting;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Scheduling;

public sealed class SqlStateStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));
    private readonly SqlStateStore _store;

    public SqlStateStoreTests()
    {
        _store = SqlStateStore.ForSqlite(new BotDatabase(_dir.Path), _time);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task UpsertSubscriptionAsync_UpdatesByNameAndKeepsIdAndCreation()
    {
        var first = await _store.UpsertSubscriptionAsync(Record("weekly", "console"));
        _time.Advance(TimeSpan.FromDays(1));

        var second = await _store.UpsertSubscriptionAsync(Record("weekly", "slack:channel:C123") with { Include = ["LLM"], SectionSpacing = TimeSpan.FromDays(1) });

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.CreatedAt, second.CreatedAt);
        Assert.Equal("slack:channel:C123", second.Target);
        Assert.Equal(["LLM"], second.Include);
        Assert.Equal(TimeSpan.FromDays(1), second.SectionSpacing);
        Assert.Single(await _store.ListSubscriptionsAsync());
    }

    [Fact]
    public async Task PlanAsync_LeavesExistingRowsAlone_WhenPlannedTwice()
    {
        var sub = await _store.UpsertSubscriptionAsync(Record("weekly", "console"));
        var at = _time.GetUtcNow();
        var rows = await _store.PlanAsync(sub.Id, "d1", [new("news", 0, at), new("papers", 1, at.AddDays(1))]);
        var claim = await _store.TryClaimAsync(rows[0].Id, "host", TimeSpan.FromMinutes(5));
        await _store.MarkSentAsync(claim.Row!, "m1", null);

        var again = await _store.PlanAsync(sub.Id, "d1", [new("news", 0, at.AddDays(7)), new("papers", 1, at.AddDays(8))]);

        Assert.Equal(rows.Select(r => r.Id), again.Select(r => r.Id));
        Assert.Equal([LedgerState.Sent, LedgerState.Pending], again.Select(r => r.State));
        Assert.Equal([at, at.AddDays(1)], again.Select(r => r.DueAt));
        Assert.Equal(new HashSet<string> { "d1" }, await _store.PlannedDigestsAsync(sub.Id));
    }

    [Fact]
    public async Task TryClaimAsync_LetsExactlyOneOfManyRacingHostsWin()
    {
        var sub = await _store.UpsertSubscriptionAsync(Record("weekly", "console"));
        var row = (await _store.PlanAsync(sub.Id, "d1", [new("news", 0, _time.GetUtcNow())]))[0];

        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => _store.TryClaimAsync(row.Id, $"host-{i}", TimeSpan.FromMinutes(5)))));

        Assert.Single(claims, c => c.Claimed);
        Assert.All(claims, c => Assert.Equal(LedgerState.Attempted, c.Row!.State));
    }

    [Fact]
    public async Task TryClaimAsync_TakesOverAnAttempt_OnlyAfterItsLeaseRunsOut()
    {
        var sub = await _store.UpsertSubscriptionAsync(Record("weekly", "console"));
        var row = (await _store.PlanAsync(sub.Id, "d1", [new("news", 0, _time.GetUtcNow())]))[0];
        await _store.TryClaimAsync(row.Id, "crashed", TimeSpan.FromMinutes(5));

        var early = await _store.TryClaimAsync(row.Id, "restarted", TimeSpan.FromMinutes(5));
        _time.Advance(TimeSpan.FromMinutes(6));
        var late = await _store.TryClaimAsync(row.Id, "restarted", TimeSpan.FromMinutes(5));

        Assert.False(early.Claimed);
        Assert.True(late.Claimed);
        Assert.Equal(2, late.Row!.Attempts);
    }

    [Fact]
    public async Task MarkSkippedAsync_DoesNotTouchSentRows()
    {
        var sub = await _store.UpsertSubscriptionAsync(Record("weekly", "console"));
        var row = (await _store.PlanAsync(sub.Id, "d1", [new("news", 0, _time.GetUtcNow())]))[0];
        var claim = await _store.TryClaimAsync(row.Id, "host", TimeSpan.FromMinutes(5));
        await _store.MarkSentAsync(claim.Row!, "m1", "t1");

        Assert.False(await _store.MarkSkippedAsync(row.Id, "too old"));
        var stored = (await _store.GetRowAsync(row.Id))!;
        Assert.Equal((LedgerState.Sent, "m1", "t1"), (stored.State, stored.MessageId, stored.ThreadId));
    }

    [Fact]
    public async Task DeleteSubscriptionAsync_KeepsItsLedgerAsATombstone_AndAReAddResumesIt()
    {
        var sub = await _store.UpsertSubscriptionAsync(Record("weekly", "console"));
        await _store.PlanAsync(sub.Id, "d1", [new("news", 0, _time.GetUtcNow())]);

        Assert.True(await _store.DeleteSubscriptionAsync(sub.Id));

        Assert.Null(await _store.FindSubscriptionAsync("weekly"));
        Assert.Null(await _store.GetSubscriptionAsync(sub.Id));
        Assert.Empty(await _store.ListSubscriptionsAsync());
        Assert.Empty(await _store.ListOpenRowsAsync());
        Assert.False(await _store.DeleteSubscriptionAsync(sub.Id));

        var again = await _store.UpsertSubscriptionAsync(Record("weekly", "console"));

        Assert.Equal(sub.Id, again.Id);
        Assert.Equal(new HashSet<string> { "d1" }, await _store.PlannedDigestsAsync(again.Id));
    }

    private static SubscriptionRecord Record(string name, string target)
        => new(0, name, "config", target, ["*"], [], [], "0 9 * * MON", "Asia/Seoul", 5, TimeSpan.Zero, false, null);
}
