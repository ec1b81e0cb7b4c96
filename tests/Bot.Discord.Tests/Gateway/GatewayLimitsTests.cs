using Bot.Discord.Gateway;
using Bot.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests.Gateway;

/// <summary>The send limit, the identify budget and the backoff, on a fake clock.</summary>
public sealed class GatewayLimitsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void SendLimiter_Allows120In60Seconds_ThenWaitsForTheOldestToLeave()
    {
        var limiter = new GatewaySendLimiter(_time);
        for (var i = 0; i < 120; i++)
        {
            Assert.Equal(TimeSpan.Zero, limiter.TryTake());
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        // 12 s have passed since the first send: the 121st waits the remaining 48 s.
        Assert.Equal(TimeSpan.FromSeconds(48), limiter.TryTake());
        _time.Advance(TimeSpan.FromSeconds(48));
        Assert.Equal(TimeSpan.Zero, limiter.TryTake());
    }

    [Fact]
    public async Task IdentifyGate_WhenTheBudgetIsSpent_WaitsForTheResetAndSaysWhy()
    {
        var logs = new CapturingLoggerProvider();
        var gate = new IdentifyGate(_time, logs.CreateLogger("gateway"));
        gate.Update(new SessionStartLimit(1000, 1, TimeSpan.FromHours(2), 1));
        await gate.WaitTurnAsync(0, CancellationToken.None);

        var second = gate.WaitTurnAsync(0, CancellationToken.None);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);
        Assert.Equal(1, gate.Spent);
        Assert.Contains(logs.Lines, l => l.Contains("session start limit (1000 identifies per day) is spent", StringComparison.Ordinal) && l.Contains("02:00:00", StringComparison.Ordinal));

        _time.Advance(TimeSpan.FromHours(2));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, gate.Spent);
    }

    [Fact]
    public async Task IdentifyGate_SpacesIdentifiesOfOneBucketBy5Seconds_AndLetsOtherBucketsGo()
    {
        var gate = new IdentifyGate(_time, NullLogger.Instance);
        gate.Update(new SessionStartLimit(1000, 1000, TimeSpan.FromHours(24), 2));
        await gate.WaitTurnAsync(0, CancellationToken.None);
        await gate.WaitTurnAsync(1, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        var sameBucket = gate.WaitTurnAsync(2, CancellationToken.None);
        await Task.Delay(50);
        Assert.False(sameBucket.IsCompleted);

        // Discord's 5 s, plus the half-second margin the gate keeps for the time between its turn and the frame's arrival.
        _time.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(50);
        Assert.False(sameBucket.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.5));
        await sameBucket.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Backoff_GrowsWithJitter_AndIsCapped()
    {
        var random = new Random(7);
        var first = GatewayBackoff.Delay(1, random);
        Assert.InRange(first, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500));
        Assert.InRange(GatewayBackoff.Delay(4, random), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        for (var attempt = 10; attempt < 100; attempt += 10)
        {
            Assert.InRange(GatewayBackoff.Delay(attempt, random), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));
        }
    }
}
