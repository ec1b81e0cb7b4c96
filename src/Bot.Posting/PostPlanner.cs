using Bot.Library.Search;
using Bot.Library.State;


namespace Bot.Posting;

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

    /// <summary>
    /// Handles one occurrence of a subscription's schedule. Safe to run twice for the same occurrence.
    /// <paramref name="allowBacklog"/> lets a subscription without ledger history post a digest published before it was
    /// created (only the explicit first-start post does).
    /// </summary>
    public async Task<IReadOnlyList<LedgerRow>> FireAsync(long subscriptionId, DateTimeOffset occurrence, CancellationToken ct = default, bool allowBacklog = false)
    {
        var subscription = await _store.GetSubscriptionAsync(subscriptionId, ct);
        if (subscription is null)
        {
            LogGone(subscriptionId);
            return [];
        }

        var rows = await PlanAsync(subscription, null, occurrence, subscription.SectionSpacing, ct, allowBacklog);
        await _store.SetLastFiredAsync(subscription.Id, occurrence, ct);
        await _dispatcher.DispatchAsync(rows.Count > 0 ? rows : await StrandedRowsAsync(subscription.Id, occurrence, ct), ct);
        return rows;
    }

    /// <summary>
    /// Enters the sections of a digest (the newest when <paramref name="digestId"/> is null) as ledger rows starting at
    /// <paramref name="start"/>. Returns no rows when there is nothing new; an explicit digest already planned returns its existing rows.
    /// </summary>
    public async Task<IReadOnlyList<LedgerRow>> PlanAsync(SubscriptionRecord subscription, string? digestId, DateTimeOffset start, TimeSpan spacing, CancellationToken ct = default, bool allowBacklog = false)
    {
        var plan = await PreviewAsync(subscription, digestId, allowBacklog, ct);
        if (plan.Digest is null)
        {
            LogNothing(subscription.Name, plan.Reason!);
            return [];
        }

        if (plan.AlreadyPlanned)
        {
            return plan.Existing;
        }

        var planned = new List<PlannedSection>();
        if (subscription.Thread)
        {
            planned.Add(new PlannedSection(LedgerRow.ThreadParentKey, -1, start));
        }

        planned.AddRange(plan.Sections.Select((s, i) => new PlannedSection(s.Key, i, start + (spacing * i))));
        var rows = await _store.PlanAsync(subscription.Id, plan.Digest.Id, planned, ct);
        LogPlanned(subscription.Name, plan.Digest.Id, plan.Sections.Count, start);
        return rows;
    }

    /// <summary>
    /// Decides what <see cref="PlanAsync"/> would enter, without entering it: the one decision that <c>post</c> and
    /// <c>post --dry-run</c> share, so the dry run never names a digest the real post refuses.
    /// </summary>
    public async Task<PostPlan> PreviewAsync(SubscriptionRecord subscription, string? digestId, bool allowBacklog, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var plannedDigests = await _store.PlannedDigestsAsync(subscription.Id, ct);
        if (digestId is null)
        {
            // An empty draft (no entries) is never "the newest digest": it would block the real one.
            var newest = (await _catalog.ListAsync(ct)).FirstOrDefault(d => d.EntryCount > 0);
            if (newest is null)
            {
                return PostPlan.Nothing("no digest is stored yet");
            }

            if (plannedDigests.Contains(newest.Id))
            {
                return PostPlan.Nothing($"no new digest (the newest, {newest.Id}, was already posted)");
            }

            // A subscription with no ledger history (new, or its database was emptied) starts from its creation:
            // it posts digests published since then, never a backlog.
            if (!allowBacklog && plannedDigests.Count == 0 && PublishedBefore(newest, subscription))
            {
                return PostPlan.Nothing($"the newest digest, {newest.Id} ({newest.Date:yyyy-MM-dd}), was published before the subscription was created ({subscription.CreatedAt:yyyy-MM-dd}); it starts with the next one");
            }

            digestId = newest.Id;
        }
        else if (plannedDigests.Contains(digestId))
        {
            var existing = await _store.GetDigestRowsAsync(subscription.Id, digestId, ct);
            var stored = await _catalog.GetAsync(digestId, ct);
            return new PostPlan(stored, stored is null ? [] : SectionHighlighter.SectionsFor(stored, subscription), existing, AlreadyPlanned: true, null);
        }

        var digest = await _catalog.GetAsync(digestId, ct);
        if (digest is null)
        {
            return PostPlan.Nothing($"digest {digestId} is not stored");
        }

        var sections = SectionHighlighter.SectionsFor(digest, subscription);
        return sections.Count == 0
            ? PostPlan.Nothing($"digest {digest.Id} has none of the subscribed sections (after filters)")
            : new PostPlan(digest, sections, [], AlreadyPlanned: false, null);
    }

    /// <summary>
    /// Rows of this subscription that are due, open and held by nobody: planned by a run whose queueing then failed (the
    /// database went away between the two), which a retry of the job would otherwise find "already planned" and leave.
    /// Queued again here; a row that has its job still runs once (the claim decides).
    /// </summary>
    private async Task<IReadOnlyList<LedgerRow>> StrandedRowsAsync(long subscriptionId, DateTimeOffset occurrence, CancellationToken ct)
        => [.. (await _store.ListOpenRowsAsync(ct)).Where(r => r.SubscriptionId == subscriptionId && r.DueAt <= occurrence && (r.ClaimedUntil is not { } until || until < occurrence))];

    private static bool PublishedBefore(DigestSummary digest, SubscriptionRecord subscription)
    {
        if (subscription.CreatedAt == default)
        {
            return false;
        }

        // Digests carry a publication day, not an instant: one dated the day of creation or later counts as new.
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(subscription.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        var created = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(subscription.CreatedAt, zone).Date);
        return digest.Date is not { } date || date < created;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {Subscription}: nothing is sent: {Reason}")]
    private partial void LogNothing(string subscription, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {SubscriptionId} no longer exists; its job does nothing")]
    private partial void LogGone(long subscriptionId);





    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {Subscription}: planned {Count} sections of digest {DigestId} from {Start:O}")]
    private partial void LogPlanned(string subscription, string digestId, int count, DateTimeOffset start);
}
