using Bot.Core.Posting;
using Bot.Library.State;
using Bot.Posting;
using Hangfire;

namespace Bot.Scheduling;

/// <summary>The recurring Hangfire job of one subscription. Its only argument is the subscription id.</summary>
public sealed class SubscriptionJob
{
    private readonly PostPlanner _planner;
    private readonly IStateStore _store;
    private readonly TimeProvider _time;

    /// <summary>Creates the job.</summary>
    public SubscriptionJob(PostPlanner planner, IStateStore store, TimeProvider time)
    {
        _planner = planner;
        _store = store;
        _time = time;
    }

    /// <summary>Plans the newest digest for the occurrence that just fell due. Planning twice is harmless, so three retries suffice.</summary>
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Plan subscription {0}")]
    public async Task RunAsync(long subscriptionId, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var occurrence = now;
        if (await _store.GetSubscriptionAsync(subscriptionId, ct) is { } s
            && CronSchedule.TryParse(s.Cron, out var schedule, out _)
            && TimeZoneInfo.TryFindSystemTimeZoneById(s.TimeZone, out var zone)
            && schedule!.GetPreviousOccurrence(now, zone) is { } previous
            && now - previous < TimeSpan.FromHours(1))
        {
            // Slots count from the occurrence itself, not from when the worker got to it.
            occurrence = previous;
        }

        await _planner.FireAsync(subscriptionId, occurrence, ct);
    }
}
