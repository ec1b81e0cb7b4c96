using Bot.Core.Posting;
using Bot.Library.State;
using Hangfire;
using Hangfire.Storage;

namespace Bot.Scheduling;

/// <summary>One Hangfire recurring job per subscription, with its cron and time zone, through the injected <see cref="IRecurringJobManager"/>.</summary>
internal sealed partial class HangfireSubscriptionScheduler : ISubscriptionScheduler
{
    /// <summary>Tries per change: each already waits the storage's lock timeout, so three ride out a busy moment, not an outage.</summary>
    public const int Attempts = 3;

    private readonly IRecurringJobManager _manager;
    private readonly ILogger<HangfireSubscriptionScheduler> _logger;

    public HangfireSubscriptionScheduler(IRecurringJobManager manager, ILogger<HangfireSubscriptionScheduler> logger)
    {
        _manager = manager;
        _logger = logger;
    }

    // The key, not the name: two guilds may each have a subscription of the same name.
    public static string JobId(SubscriptionRecord subscription) => $"subscription:{subscription.Key}";

    public void Register(SubscriptionRecord subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(subscription.TimeZone);
        var id = subscription.Id;
        WithLockRetries(subscription.Key, () => _manager.AddOrUpdate<SubscriptionJob>(
            JobId(subscription), job => job.RunAsync(id, CancellationToken.None), subscription.Cron, new RecurringJobOptions { TimeZone = zone }));
        LogRegistered(subscription.Key, subscription.Cron, subscription.TimeZone);
    }

    public void Remove(SubscriptionRecord subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        WithLockRetries(subscription.Key, () => _manager.RemoveIfExists(JobId(subscription)));
    }

    /// <summary>
    /// Hangfire takes a distributed lock per recurring job; on SQLite a busy scheduler or expiration manager can hold it past
    /// the timeout (<see cref="DistributedLockTimeoutException"/>). The change is idempotent, so it is simply tried again.
    /// </summary>
    private void WithLockRetries(string subscription, Action change)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                change();
                return;
            }
            catch (DistributedLockTimeoutException ex) when (attempt < Attempts)
            {
                LogLockTimeout(subscription, attempt, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled subscription {Subscription}: '{Cron}' in {TimeZone}")]
    private partial void LogRegistered(string subscription, string cron, string timeZone);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduling subscription {Subscription} waited too long for Hangfire's lock (attempt {Attempt}); trying again: {Reason}")]
    private partial void LogLockTimeout(string subscription, int attempt, string reason);
}
