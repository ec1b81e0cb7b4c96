using Bot.Core.Posting;
using Bot.Library.State;
using Microsoft.Extensions.Options;

namespace Bot.Posting;

/// <summary>
/// At start: writes the configured subscriptions into the store, matched by name so each keeps its id (config wins over a
/// <c>/subscribe</c> of the same name), and registers a recurring job for every stored subscription. Configuration never
/// deletes: a stored subscription this host's file lacks (another host's, or one left out by mistake) is kept and named in a
/// warning; removal is explicit (<c>/unsubscribe</c>, <c>subscriptions remove NAME</c>).
/// </summary>
public sealed partial class SubscriptionReconciler
{
    private readonly IStateStore _store;
    private readonly ISubscriptionScheduler _scheduler;
    private readonly IOptionsMonitor<PostingOptions> _options;
    private readonly ILogger<SubscriptionReconciler> _logger;

    /// <summary>Creates the reconciler.</summary>
    public SubscriptionReconciler(IStateStore store, ISubscriptionScheduler scheduler, IOptionsMonitor<PostingOptions> options, ILogger<SubscriptionReconciler> logger)
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
        foreach (var missing in (await _store.ListSubscriptionsAsync(ct)).Where(s => s.Source == "config" && !names.Contains(s.Name)))
        {
            LogNotConfigured(Environment.MachineName, missing.Name);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Host {Host}: subscription {Subscription} is stored but not in this host's configuration; it is kept, with its ledger, and keeps posting. Remove it with `subscriptions remove {Subscription}` if that is meant")]
    private partial void LogNotConfigured(string host, string subscription);
}
