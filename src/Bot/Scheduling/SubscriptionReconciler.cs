using Bot.Core;
using Bot.Library;
using Microsoft.Extensions.Options;

namespace Bot.Scheduling;

/// <summary>
/// At start: writes the configured subscriptions into the store (config wins over a <c>/subscribe</c> of the same name),
/// removes configured ones that left the file, and registers a recurring job for every stored subscription.
/// </summary>
public sealed partial class SubscriptionReconciler
{
    private readonly IStateStore _store;
    private readonly ISubscriptionScheduler _scheduler;
    private readonly IOptionsMonitor<BotScheduleOptions> _options;
    private readonly ILogger<SubscriptionReconciler> _logger;

    /// <summary>Creates the reconciler.</summary>
    public SubscriptionReconciler(IStateStore store, ISubscriptionScheduler scheduler, IOptionsMonitor<BotScheduleOptions> options, ILogger<SubscriptionReconciler> logger)
    {
        _store = store;
        _scheduler = scheduler;
        _options = options;
        _logger = logger;
    }

    /// <summary>Reconciles and registers; returns the stored subscriptions.</summary>
    public async Task<IReadOnlyList<SubscriptionRecord>> ReconcileAsync(CancellationToken ct = default)
    {
        var options = _options.CurrentValue;
        var configured = options.Subscriptions.Select(s => SubscriptionMapper.ToRecord(s, options.TimeZone)).ToList();
        var names = configured.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in (await _store.ListSubscriptionsAsync(ct)).Where(s => s.Source == "config" && !names.Contains(s.Name)))
        {
            await _store.DeleteSubscriptionAsync(stale.Id, ct);
            _scheduler.Remove(stale);
            LogRemoved(stale.Name);
        }

        foreach (var subscription in configured)
        {
            await _store.UpsertSubscriptionAsync(subscription, ct);
        }

        var all = await _store.ListSubscriptionsAsync(ct);
        foreach (var subscription in all)
        {
            _scheduler.Register(subscription);
        }

        return all;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {Subscription} is no longer configured; removed it and its ledger")]
    private partial void LogRemoved(string subscription);
}
