namespace Bot.Library.State;

/// <summary>
/// The durable scheduling state: subscriptions and the post ledger. SQLite by default, PostgreSQL when
/// several hosts share one ledger. Every transition that sends is a conditional update, so two hosts never both send.
/// </summary>
public interface IStateStore
{
    /// <summary>Inserts or updates a subscription by scope and name and returns it with its id.</summary>
    Task<SubscriptionRecord> UpsertSubscriptionAsync(SubscriptionRecord subscription, CancellationToken ct = default);

    /// <summary>All subscriptions, by name.</summary>
    Task<IReadOnlyList<SubscriptionRecord>> ListSubscriptionsAsync(CancellationToken ct = default);

    /// <summary>A subscription by id, or null.</summary>
    Task<SubscriptionRecord?> GetSubscriptionAsync(long id, CancellationToken ct = default);

    /// <summary>
    /// A subscription by its <see cref="SubscriptionRecord.Key"/> (case-sensitive): a global name, or <c>scope/name</c> for a
    /// chat-created one; or null.
    /// </summary>
    Task<SubscriptionRecord?> FindSubscriptionAsync(string key, CancellationToken ct = default);

    /// <summary>A subscription by name within one scope (<c>""</c> is the global scope of configured ones), or null.</summary>
    Task<SubscriptionRecord?> FindSubscriptionAsync(string scope, string name, CancellationToken ct = default);

    /// <summary>
    /// Removes a subscription, leaving a tombstone: its ledger stays, so re-adding the same name resumes where it was.
    /// False when it did not exist.
    /// </summary>
    Task<bool> DeleteSubscriptionAsync(long id, CancellationToken ct = default);

    /// <summary>Records the last cron occurrence that was planned or deliberately skipped.</summary>
    Task SetLastFiredAsync(long subscriptionId, DateTimeOffset occurrence, CancellationToken ct = default);

    /// <summary>Digests that have ledger rows for the subscription (planned, sent, skipped or failed).</summary>
    Task<IReadOnlySet<string>> PlannedDigestsAsync(long subscriptionId, CancellationToken ct = default);

    /// <summary>
    /// Digests ingested (or published to the cluster) at or before <paramref name="before"/> that the published trigger has
    /// not planned yet (<c>published_unplanned</c>), oldest first, at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<string>> UnplannedPublishedAsync(DateTimeOffset before, int limit, CancellationToken ct = default);

    /// <summary>Marks digests as planned for the published trigger: they leave <c>published_unplanned</c>.</summary>
    Task ForgetUnplannedAsync(IReadOnlyCollection<string> digestIds, CancellationToken ct = default);

    /// <summary>Enters the sections as pending rows; rows that already exist are left alone. Returns the digest's rows, by position.</summary>
    Task<IReadOnlyList<LedgerRow>> PlanAsync(long subscriptionId, string digestId, IReadOnlyList<PlannedSection> sections, CancellationToken ct = default);

    /// <summary>A ledger row, or null.</summary>
    Task<LedgerRow?> GetRowAsync(long rowId, CancellationToken ct = default);

    /// <summary>The rows of one digest for one subscription, by position.</summary>
    Task<IReadOnlyList<LedgerRow>> GetDigestRowsAsync(long subscriptionId, string digestId, CancellationToken ct = default);

    /// <summary>Rows that still need sending (pending, or attempted by a host that may have died), by due time.</summary>
    Task<IReadOnlyList<LedgerRow>> ListOpenRowsAsync(CancellationToken ct = default);

    /// <summary>
    /// Atomically claims a row for sending: pending, or attempted with an expired lease. Only one caller wins;
    /// the winner holds it until <paramref name="lease"/> passes.
    /// </summary>
    Task<ClaimResult> TryClaimAsync(long rowId, string owner, TimeSpan lease, CancellationToken ct = default);

    /// <summary>Extends a claim this host still holds (the fencing token: same owner, same attempt); false when it was lost.</summary>
    Task<bool> RenewAsync(LedgerRow claim, TimeSpan lease, CancellationToken ct = default);

    /// <summary>Records the delivery of a claimed row, only while the claim is still ours; false when another host took it over.</summary>
    Task<bool> MarkSentAsync(LedgerRow claim, string messageId, string? threadId, IReadOnlyList<string>? messageIds = null, string? contentHash = null, CancellationToken ct = default);

    /// <summary>
    /// Gives a claimed row back after a transient failure, so a retry can claim it at once. <paramref name="mayHaveReached"/>
    /// false (a refusal such as a 429) lets the retry send without looking first.
    /// </summary>
    Task<bool> ReleaseAsync(LedgerRow claim, string error, bool mayHaveReached = true, CancellationToken ct = default);

    /// <summary>Marks a claimed row failed for good (a permanent platform error).</summary>
    Task<bool> MarkFailedAsync(LedgerRow claim, string error, CancellationToken ct = default);

    /// <summary>Marks a claimed row uncertain: an earlier attempt may have been posted and the target cannot be searched.</summary>
    Task<bool> MarkUncertainAsync(LedgerRow claim, string reason, CancellationToken ct = default);

    /// <summary>Marks a row this host has claimed as skipped (its subscription, digest or section is gone).</summary>
    Task<bool> SkipClaimedAsync(LedgerRow claim, string reason, CancellationToken ct = default);

    /// <summary>Rows in one state (of one subscription, or all), by due time.</summary>
    Task<IReadOnlyList<LedgerRow>> ListRowsAsync(LedgerState state, long? subscriptionId = null, CancellationToken ct = default);

    /// <summary>Puts a failed or uncertain row back to pending, on the operator's word; false when it was not in <paramref name="from"/>.</summary>
    Task<bool> ReopenAsync(long rowId, LedgerState from, CancellationToken ct = default);

    /// <summary>Records that a sent post was edited to show <paramref name="contentHash"/>.</summary>
    Task<bool> RecordEditAsync(long rowId, string contentHash, IReadOnlyList<string>? messageIds, CancellationToken ct = default);

    /// <summary>Records that a sent post was deleted from the platform (the row stays, as skipped, so it is never sent again).</summary>
    Task<bool> MarkDeletedAsync(long rowId, CancellationToken ct = default);

    /// <summary>Rows sent at or after <paramref name="since"/> (of one digest, or all).</summary>
    Task<IReadOnlyList<LedgerRow>> SentSinceAsync(DateTimeOffset since, string? digestId = null, CancellationToken ct = default);

    /// <summary>Marks an unsent row skipped with the reason; false when it was already sent or claimed.</summary>
    Task<bool> MarkSkippedAsync(long rowId, string reason, CancellationToken ct = default);
}
