using Bot.Core.Posting;
using Bot.Library.State;
using Microsoft.Extensions.Options;

namespace Bot.Posting;

/// <summary>
/// At start, puts back what a stopped host left undone: the last occurrence each subscription missed while the host was
/// down is planned (its sections within the catch-up window are sent once, older ones skipped and logged), open ledger
/// rows go back on the queue, and, per <c>Bot:Scheduling:PostOnFirstStart</c>, a subscription that never posted sends the newest digest.
/// </summary>
public sealed partial class CatchUpPlanner
{
    private readonly IStateStore _store;
    private readonly PostPlanner _planner;
    private readonly PostDispatcher _dispatcher;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<PostingOptions> _options;
    private readonly ILogger<CatchUpPlanner> _logger;

    /// <summary>Creates the planner.</summary>
    public CatchUpPlanner(IStateStore store, PostPlanner planner, PostDispatcher dispatcher, TimeProvider time, IOptionsMonitor<PostingOptions> options, ILogger<CatchUpPlanner> logger)
    {
        _store = store;
        _planner = planner;
        _dispatcher = dispatcher;
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <summary>Plans missed occurrences and re-queues open rows. Returns the subscriptions still waiting for a first-start post.</summary>
    public async Task<IReadOnlyList<SubscriptionRecord>> CatchUpAsync(CancellationToken ct = default)
    {
        var now = _time.GetUtcNow();
        var scheduling = _options.CurrentValue.Scheduling;
        var firstStart = new List<SubscriptionRecord>();
        foreach (var subscription in await _store.ListSubscriptionsAsync(ct))
        {
            if (!CronSchedule.TryParse(subscription.Cron, out var schedule, out _) || !TimeZoneInfo.TryFindSystemTimeZoneById(subscription.TimeZone, out var zone))
            {
                continue;
            }

            var since = subscription.LastFiredAt ?? subscription.CreatedAt;
            if (schedule!.GetPreviousOccurrence(now, zone) is { } missed && missed > since)
            {
                var lastSlot = missed + (subscription.SectionSpacing * 64);
                if (now - missed <= scheduling.CatchUpWindow || (subscription.SectionSpacing > TimeSpan.Zero && now - lastSlot <= scheduling.CatchUpWindow))
                {
                    LogCatchingUp(subscription.Name, missed);
                    await _planner.FireAsync(subscription.Id, missed, ct);
                }
                else
                {
                    LogMissed(subscription.Name, missed, scheduling.CatchUpWindow);
                    await _store.SetLastFiredAsync(subscription.Id, missed, ct);
                }

                continue;
            }

            if (PostsOnFirstStart(subscription, scheduling.PostOnFirstStart) && (await _store.PlannedDigestsAsync(subscription.Id, ct)).Count == 0)
            {
                firstStart.Add(subscription);
            }
        }

        var (queued, skipped) = await _dispatcher.DispatchAsync(await _store.ListOpenRowsAsync(ct), ct);
        if (queued + skipped > 0)
        {
            LogResumed(queued, skipped);
        }

        return firstStart;
    }

    /// <summary>Posts the newest digest for subscriptions that never posted; false when there is no digest yet.</summary>
    public async Task<bool> PostFirstAsync(SubscriptionRecord subscription, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var rows = await _planner.FireAsync(subscription.Id, _time.GetUtcNow(), ct, allowBacklog: true);
        if (rows.Count > 0)
        {
            LogFirstStart(subscription.Name, rows[0].DigestId);
        }

        return rows.Count > 0;
    }

    private static bool PostsOnFirstStart(SubscriptionRecord subscription, string rule)
        => rule switch
        {
            "All" => true,
            "Console" => subscription.Target == "console",
            _ => false,
        };

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {Subscription} missed its post at {Occurrence:O} while the host was down; catching up now")]
    private partial void LogCatchingUp(string subscription, DateTimeOffset occurrence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {Subscription} missed its post at {Occurrence:O}, longer ago than the catch-up window {Window}; skipped it")]
    private partial void LogMissed(string subscription, DateTimeOffset occurrence, TimeSpan window);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumed the ledger: {Queued} sections queued, {Skipped} skipped as too old")]
    private partial void LogResumed(int queued, int skipped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {Subscription} has never posted; posting the newest digest {DigestId} now (Bot:Scheduling:PostOnFirstStart)")]
    private partial void LogFirstStart(string subscription, string digestId);
}
