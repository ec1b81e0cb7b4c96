using Bot.Library.State;
using Bot.Posting;
using Bot.Scheduling;

namespace Bot.Tests.Cluster;

// Issue 15 (job churn): a section waiting for the one ahead of it re-queued itself every 2-3 s, for hours when the one ahead
// was held by another host or waiting for a retry (7,288 jobs for 595 rows).
public sealed class OrderingWaitTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OrderingWait_ForASectionInFlightOnAnotherHost_LastsUntilItsClaimRunsOut()
    {
        var wait = SectionSender.OrderingWait([Row(LedgerState.Attempted, attempts: 1, claimedUntil: Now.AddSeconds(40))], Now);

        Assert.Equal(TimeSpan.FromSeconds(40), wait);
    }

    [Fact]
    public void OrderingWait_ForASectionWaitingForItsRetry_GrowsAndIsCappedAtFiveMinutes()
    {
        var afterOne = SectionSender.OrderingWait([Row(LedgerState.Pending, attempts: 1, claimedUntil: null)], Now);
        var afterTwo = SectionSender.OrderingWait([Row(LedgerState.Pending, attempts: 2, claimedUntil: Now.AddSeconds(-5))], Now);
        var afterMany = SectionSender.OrderingWait([Row(LedgerState.Pending, attempts: 9, claimedUntil: null)], Now);

        Assert.Equal(TimeSpan.FromSeconds(30), afterOne);
        Assert.Equal(TimeSpan.FromMinutes(1), afterTwo);
        Assert.Equal(TimeSpan.FromMinutes(5), afterMany);
    }

    [Fact]
    public void OrderingWait_ForASectionNotYetStarted_StaysShort()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), SectionSender.OrderingWait([Row(LedgerState.Pending, attempts: 0, claimedUntil: null)], Now));
    }

    private static LedgerRow Row(LedgerState state, int attempts, DateTimeOffset? claimedUntil)
        => new(1, 1, "d1", "news", 0, state, Now.AddMinutes(-1), attempts, null, null, null, claimedUntil, null);
}
