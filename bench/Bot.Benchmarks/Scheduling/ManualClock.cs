namespace Bot.Benchmarks.Scheduling;

/// <summary>A clock the soak moves by hand (a year passes in seconds).</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void MoveTo(DateTimeOffset at)
    {
        if (at > _now)
        {
            _now = at;
        }
    }
}
