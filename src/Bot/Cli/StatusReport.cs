using Bot.Core.Posting;
using Bot.Library;
using Bot.Library.State;

namespace Bot.Cli;

/// <summary>What <c>status</c> shows: the library, each stored subscription's next run and last post, and the ledger rows that need a person.</summary>
internal sealed record StatusReport(
    StatusReport.DigestStatus Digests,
    IReadOnlyList<StatusReport.SubscriptionStatus> Subscriptions,
    StatusReport.LedgerStatus Ledger)
{
    /// <summary>Reads everything from the stores; writes nothing.</summary>
    public static async Task<StatusReport> ReadAsync(DigestLibrary library, IStateStore store, TimeProvider time, CancellationToken ct)
    {
        var digests = await library.ListDigestsAsync(ct);
        var newest = digests.FirstOrDefault();
        var subscriptions = await store.ListSubscriptionsAsync(ct);
        var names = subscriptions.ToDictionary(s => s.Id, s => s.Name);
        var sent = await store.ListRowsAsync(LedgerState.Sent, ct: ct);
        var lastPosts = sent.Where(r => r.SentAt is not null)
            .GroupBy(r => r.SubscriptionId)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.SentAt)!);
        var now = time.GetUtcNow();
        var subscriptionRows = subscriptions.Select(s =>
        {
            PostTarget.TryParse(s.Target, out var target, out _);
            var last = lastPosts.GetValueOrDefault(s.Id);
            return new SubscriptionStatus(
                s.Name,
                s.Source,
                target?.ToString() ?? "?",
                s.Cron,
                s.TimeZone,
                NextRun(s, now),
                last is null ? null : new LastPost(last.DigestId, Section(last), last.SentAt!.Value));
        }).ToList();

        // Pending includes rows a host has claimed but not finished (attempted): both still need sending.
        var failed = await store.ListRowsAsync(LedgerState.Failed, ct: ct);
        var uncertain = await store.ListRowsAsync(LedgerState.Uncertain, ct: ct);
        var open = await store.ListOpenRowsAsync(ct);
        var rows = failed.Concat(uncertain).Concat(open)
            .Select(r => new LedgerRowStatus(
                names.GetValueOrDefault(r.SubscriptionId) ?? $"#{r.SubscriptionId} (removed)",
                r.DigestId,
                Section(r),
                r.State.ToString().ToLowerInvariant(),
                r.DueAt,
                r.Attempts,
                r.LastError))
            .ToList();
        return new StatusReport(
            new DigestStatus(digests.Count, newest is null ? null : new NewestDigest(newest.Id, newest.Title, newest.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))),
            subscriptionRows,
            new LedgerStatus(failed.Count, uncertain.Count, open.Count, rows));
    }

    private static DateTimeOffset? NextRun(SubscriptionRecord subscription, DateTimeOffset now)
        => CronSchedule.TryParse(subscription.Cron, out var schedule, out _) && TimeZoneInfo.TryFindSystemTimeZoneById(subscription.TimeZone, out var zone)
            ? schedule!.GetNextOccurrence(now, zone)
            : null;

    private static string Section(LedgerRow row) => row.IsThreadParent ? "thread parent" : row.SectionKey;

    /// <summary>How many digests are stored, and the newest.</summary>
    public sealed record DigestStatus(int Count, NewestDigest? Newest);

    /// <summary>The newest stored digest (by date, then id).</summary>
    public sealed record NewestDigest(string Id, string Title, string? Date);

    /// <summary>One stored subscription; the target is shown with a webhook's token masked.</summary>
    public sealed record SubscriptionStatus(string Name, string Source, string Target, string Cron, string TimeZone, DateTimeOffset? NextRun, LastPost? LastPost);

    /// <summary>The subscription's most recent sent section.</summary>
    public sealed record LastPost(string DigestId, string Section, DateTimeOffset SentAt);

    /// <summary>Counts of the rows that need a person or are still to be sent, and the rows themselves.</summary>
    public sealed record LedgerStatus(int Failed, int Uncertain, int Pending, IReadOnlyList<LedgerRowStatus> Rows);

    /// <summary>One failed, uncertain or pending (or attempted) ledger row.</summary>
    public sealed record LedgerRowStatus(string Subscription, string DigestId, string Section, string State, DateTimeOffset DueAt, int Attempts, string? LastError);
}
