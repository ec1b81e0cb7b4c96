using Bot.Library;

namespace Bot.Scheduling;

/// <summary>
/// When a subscription fires: picks the newest digest not yet planned for it, enters one ledger row per section
/// in the digest's order at its slot (occurrence + position × spacing), and hands the rows to the dispatcher.
/// </summary>
public sealed partial class PostPlanner
{
    private readonly IStateStore _store;
    private readonly IDigestCatalog _catalog;
    private readonly PostDispatcher _dispatcher;
    private readonly ILogger<PostPlanner> _logger;

    /// <summary>Creates the planner.</summary>
    public PostPlanner(IStateStore store, IDigestCatalog catalog, PostDispatcher dispatcher, ILogger<PostPlanner> logger)
    {
        _store = store;
        _catalog = catalog;
        _dispatcher = dispatcher;
        _logger = logger;
    }

    /// <summary>Handles one occurrence of a subscription's schedule. Safe to run twice for the same occurrence.</summary>
    public async Task<IReadOnlyList<LedgerRow>> FireAsync(long subscriptionId, DateTimeOffset occurrence, CancellationToken ct = default)
    {
        var subscription = await _store.GetSubscriptionAsync(subscriptionId, ct);
        if (subscription is null)
        {
            LogGone(subscriptionId);
            return [];
        }

        var rows = await PlanAsync(subscription, null, occurrence, subscription.SectionSpacing, ct);
        await _store.SetLastFiredAsync(subscription.Id, occurrence, ct);
        await _dispatcher.DispatchAsync(rows, ct);
        return rows;
    }

    /// <summary>
    /// Enters the sections of a digest (the newest when <paramref name="digestId"/> is null) as ledger rows starting at
    /// <paramref name="start"/>. Returns no rows when there is nothing new; an explicit digest already planned returns its existing rows.
    /// </summary>
    public async Task<IReadOnlyList<LedgerRow>> PlanAsync(SubscriptionRecord subscription, string? digestId, DateTimeOffset start, TimeSpan spacing, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (digestId is null)
        {
            // An empty draft (no entries) is never "the newest digest": it would block the real one.
            var newest = (await _catalog.ListAsync(ct)).FirstOrDefault(d => d.EntryCount > 0);
            if (newest is null)
            {
                LogNoDigest(subscription.Name);
                return [];
            }

            if ((await _store.PlannedDigestsAsync(subscription.Id, ct)).Contains(newest.Id))
            {
                LogNothingNew(subscription.Name, newest.Id);
                return [];
            }

            digestId = newest.Id;
        }
        else if ((await _store.PlannedDigestsAsync(subscription.Id, ct)).Contains(digestId))
        {
            return await _store.GetDigestRowsAsync(subscription.Id, digestId, ct);
        }

        var digest = await _catalog.GetAsync(digestId, ct);
        if (digest is null)
        {
            LogMissingDigest(subscription.Name, digestId);
            return [];
        }

        var sections = SectionHighlighter.SectionsFor(digest, subscription);
        if (sections.Count == 0)
        {
            LogNoSections(subscription.Name, digest.Id);
            return [];
        }

        var planned = new List<PlannedSection>();
        if (subscription.Thread)
        {
            planned.Add(new PlannedSection(LedgerRow.ThreadParentKey, -1, start));
        }

        planned.AddRange(sections.Select((s, i) => new PlannedSection(s.Key, i, start + (spacing * i))));
        var rows = await _store.PlanAsync(subscription.Id, digest.Id, planned, ct);
        LogPlanned(subscription.Name, digest.Id, sections.Count, start);
        return rows;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {SubscriptionId} no longer exists; its job does nothing")]
    private partial void LogGone(long subscriptionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {Subscription}: no digest is stored yet, so nothing is sent")]
    private partial void LogNoDigest(string subscription);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {Subscription}: no new digest (the newest, {DigestId}, was already posted), so nothing is sent")]
    private partial void LogNothingNew(string subscription, string digestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {Subscription}: digest {DigestId} is not stored, so nothing is sent")]
    private partial void LogMissingDigest(string subscription, string digestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {Subscription}: digest {DigestId} has none of the subscribed sections (after filters), so nothing is sent")]
    private partial void LogNoSections(string subscription, string digestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {Subscription}: planned {Count} sections of digest {DigestId} from {Start:O}")]
    private partial void LogPlanned(string subscription, string digestId, int count, DateTimeOffset start);
}
