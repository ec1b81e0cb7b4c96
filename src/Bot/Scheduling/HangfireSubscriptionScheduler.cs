using Bot.Core;
using Bot.Library;
using Hangfire;

namespace Bot.Scheduling;

/// <summary>One Hangfire recurring job per subscription, with its cron and time zone, through the injected <see cref="IRecurringJobManager"/>.</summary>
internal sealed partial class HangfireSubscriptionScheduler : ISubscriptionScheduler
{
    private readonly IRecurringJobManager _manager;
    private readonly ILogger<HangfireSubscriptionScheduler> _logger;

    public HangfireSubscriptionScheduler(IRecurringJobManager manager, ILogger<HangfireSubscriptionScheduler> logger)
    {
        _manager = manager;
        _logger = logger;
    }

    public static string JobId(SubscriptionRecord subscription) => $"subscription:{subscription.Name}";

    public void Register(SubscriptionRecord subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(subscription.TimeZone);
        var id = subscription.Id;
        _manager.AddOrUpdate<SubscriptionJob>(JobId(subscription), job => job.RunAsync(id, CancellationToken.None), subscription.Cron, new RecurringJobOptions { TimeZone = zone });
        LogRegistered(subscription.Name, subscription.Cron, subscription.TimeZone);
    }

    public void Remove(SubscriptionRecord subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        _manager.RemoveIfExists(JobId(subscription));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled subscription {Subscription}: '{Cron}' in {TimeZone}")]
    private partial void LogRegistered(string subscription, string cron, string timeZone);
}
