using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests.Gateway;

/// <summary>
/// A fake clock that also records the due time of every timer started on it, so that a test moves the clock only once
/// the wait it means to end has begun. Moving it earlier would leave that wait to start after the move, and it would never
/// fire: on a loaded machine the code under test often gets there later than the test.
/// </summary>
internal sealed class WatchedTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly ConcurrentQueue<TimeSpan> _dueTimes = new();

    /// <summary>The due times of the timers started so far, in order.</summary>
    public IReadOnlyList<TimeSpan> DueTimes => [.. _dueTimes];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);

        // Recorded once the timer is registered, so a test that sees it here can advance the clock past it.
        _dueTimes.Enqueue(dueTime);
        return timer;
    }
}
