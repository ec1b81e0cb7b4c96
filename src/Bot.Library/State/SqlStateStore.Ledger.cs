using Dapper;

namespace Bot.Library.State;

/// <summary>The post-ledger half of <see cref="SqlStateStore"/>.</summary>
public sealed partial class SqlStateStore
{
    private const string Claimable = "(state = 'pending' OR (state = 'attempted' AND (claimed_until IS NULL OR claimed_until < @now)))";

    // The fencing token of a claim: the same host and the same attempt. A host whose lease ran out and whose row another
    // host then claimed can no longer record anything for it.
    private const string Fenced = "state = 'attempted' AND claimed_by = @owner AND attempts = @attempts";

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> PlannedDigestsAsync(long subscriptionId, CancellationToken ct = default)
    {
        await using var connection = await _open(ct);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT digest_id FROM post_ledger WHERE subscription_id = @subscriptionId", new { subscriptionId }, cancellationToken: ct));
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> UnplannedPublishedAsync(DateTimeOffset before, int limit, CancellationToken ct = default)
    {
        await using var connection = await _open(ct);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT digest_id FROM published_unplanned WHERE published_at <= @before ORDER BY published_at, digest_id LIMIT @limit",
            new { before = before.ToUnixTimeMilliseconds(), limit }, cancellationToken: ct));
        return [.. ids];
    }

    /// <inheritdoc />
    public async Task ForgetUnplannedAsync(IReadOnlyCollection<string> digestIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(digestIds);
        if (digestIds.Count == 0)
        {
            return;
        }

        await using var connection = await _open(ct);
        // One statement per id (Dapper runs it for each): `IN @list` is expanded for SQLite but sent as one array to PostgreSQL.
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM published_unplanned WHERE digest_id = @id", digestIds.Select(id => new { id }).ToList(), cancellationToken: ct));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LedgerRow>> PlanAsync(long subscriptionId, string digestId, IReadOnlyList<PlannedSection> sections, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sections);
        await using (var connection = await _open(ct))
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var now = Now;
            foreach (var section in sections)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO post_ledger (subscription_id, digest_id, section_key, position, state, due_at, attempts, created_at, updated_at) "
                    + "VALUES (@subscriptionId, @digestId, @key, @position, 'pending', @due, 0, @now, @now) "
                    + "ON CONFLICT (subscription_id, digest_id, section_key) DO NOTHING",
                    new { subscriptionId, digestId, key = section.SectionKey, position = (long)section.Position, due = section.DueAt.ToUnixTimeMilliseconds(), now },
                    transaction,
                    cancellationToken: ct));
            }

            await transaction.CommitAsync(ct);
        }

        return await GetDigestRowsAsync(subscriptionId, digestId, ct);
    }

    /// <inheritdoc />
    public async Task<LedgerRow?> GetRowAsync(long rowId, CancellationToken ct = default)
    {
        await using var connection = await _open(ct);
        var row = await connection.QuerySingleOrDefaultAsync<RowData>(new CommandDefinition(
            "SELECT " + RowColumns + " FROM post_ledger WHERE id = @rowId", new { rowId }, cancellationToken: ct));
        return row?.ToRow();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LedgerRow>> GetDigestRowsAsync(long subscriptionId, string digestId, CancellationToken ct = default)
    {
        await using var connection = await _open(ct);
        var rows = await connection.QueryAsync<RowData>(new CommandDefinition(
            "SELECT " + RowColumns + " FROM post_ledger WHERE subscription_id = @subscriptionId AND digest_id = @digestId ORDER BY position",
            new { subscriptionId, digestId }, cancellationToken: ct));
        return rows.Select(r => r.ToRow()).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LedgerRow>> ListOpenRowsAsync(CancellationToken ct = default)
    {
        await using var connection = await _open(ct);
        var rows = await connection.QueryAsync<RowData>(new CommandDefinition(
            "SELECT " + RowColumns + " FROM post_ledger WHERE state IN ('pending', 'attempted') ORDER BY due_at, subscription_id, position",
            cancellationToken: ct));
        return rows.Select(r => r.ToRow()).ToList();
    }

    /// <inheritdoc />
    public async Task<ClaimResult> TryClaimAsync(long rowId, string owner, TimeSpan lease, CancellationToken ct = default)
    {
        var now = Now;
        await using (var connection = await _open(ct))
        {
            // One conditional UPDATE: of two hosts racing for the same row, exactly one gets it back. Right-hand sides read
            // the row as it was, so look_first carries the previous attempt's doubt into this claim before in_doubt is set.
            var claimed = await connection.QuerySingleOrDefaultAsync<RowData>(new CommandDefinition(
                "UPDATE post_ledger SET state = 'attempted', attempts = attempts + 1, claimed_by = @owner, claimed_until = @until, updated_at = @now, "
                + "look_first = in_doubt, in_doubt = 1, attempted_at = CASE WHEN in_doubt = 1 THEN attempted_at ELSE @now END "
                + "WHERE id = @rowId AND " + Claimable + " RETURNING " + RowColumns,
                new { rowId, owner, until = now + (long)lease.TotalMilliseconds, now },
                cancellationToken: ct));
            if (claimed is not null)
            {
                return new ClaimResult(true, claimed.ToRow());
            }
        }

        return new ClaimResult(false, await GetRowAsync(rowId, ct));
    }

    /// <inheritdoc />
    public async Task<bool> RenewAsync(LedgerRow claim, TimeSpan lease, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var now = Now;
        await using var connection = await _open(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE post_ledger SET claimed_until = @until, updated_at = @now WHERE id = @Id AND " + Fenced,
            new { claim.Id, owner = claim.ClaimedBy, attempts = (long)claim.Attempts, until = now + (long)lease.TotalMilliseconds, now },
            cancellationToken: ct));
        return changed > 0;
    }

    /// <inheritdoc />
    public async Task<bool> MarkSentAsync(LedgerRow claim, string messageId, string? threadId, IReadOnlyList<string>? messageIds = null, string? contentHash = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await using var connection = await _open(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE post_ledger SET state = 'sent', message_id = @messageId, thread_id = @threadId, sent_at = @now, updated_at = @now, "
            + "claimed_until = NULL, last_error = NULL, in_doubt = 0, look_first = 0, message_ids = @ids, content_hash = @contentHash "
            + "WHERE id = @Id AND " + Fenced,
            new { claim.Id, owner = claim.ClaimedBy, attempts = (long)claim.Attempts, messageId, threadId, ids = Ids(messageIds), contentHash, now = Now },
            cancellationToken: ct));
        return changed > 0;
    }

    /// <inheritdoc />
    public async Task<bool> ReleaseAsync(LedgerRow claim, string error, bool mayHaveReached = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await using var connection = await _open(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE post_ledger SET claimed_until = NULL, claimed_by = NULL, last_error = @error, updated_at = @now, "
            + "in_doubt = CASE WHEN @doubt = 1 OR look_first = 1 THEN 1 ELSE 0 END WHERE id = @Id AND " + Fenced,
            new { claim.Id, owner = claim.ClaimedBy, attempts = (long)claim.Attempts, error = Truncate(error), doubt = mayHaveReached ? 1L : 0L, now = Now },
            cancellationToken: ct));
        return changed > 0;
    }

    /// <inheritdoc />
    public async Task<bool> MarkFailedAsync(LedgerRow claim, string error, CancellationToken ct = default)
        => await SetClaimedStateAsync(claim, "failed", error, ct);

    /// <inheritdoc />
    public async Task<bool> MarkUncertainAsync(LedgerRow claim, string reason, CancellationToken ct = default)
        => await SetClaimedStateAsync(claim, "uncertain", reason, ct);

    /// <inheritdoc />
    public async Task<bool> SkipClaimedAsync(LedgerRow claim, string reason, CancellationToken ct = default)
        => await SetClaimedStateAsync(claim, "skipped", reason, ct);

    /// <inheritdoc />
    public async Task<IReadOnlyList<LedgerRow>> ListRowsAsync(LedgerState state, long? subscriptionId = null, CancellationToken ct = default)
    {
        await using var connection = await _open(ct);
        var rows = await connection.QueryAsync<RowData>(new CommandDefinition(
            "SELECT " + RowColumns + " FROM post_ledger WHERE state = @state AND (@subscriptionId IS NULL OR subscription_id = @subscriptionId) "
            + "ORDER BY due_at, subscription_id, position",
            new { state = StateName(state), subscriptionId }, cancellationToken: ct));
        return rows.Select(r => r.ToRow()).ToList();
    }

    /// <inheritdoc />
    public async Task<bool> ReopenAsync(long rowId, LedgerState from, CancellationToken ct = default)
    {
        // The operator's decision: the row is sent as if new (an uncertain row is no longer looked for first).
        await using var connection = await _open(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE post_ledger SET state = 'pending', claimed_until = NULL, claimed_by = NULL, in_doubt = 0, look_first = 0, updated_at = @now "
            + "WHERE id = @rowId AND state = @from",
            new { rowId, from = StateName(from), now = Now }, cancellationToken: ct));
        return changed > 0;
    }

    /// <inheritdoc />
    public async Task<bool> RecordEditAsync(long rowId, string contentHash, IReadOnlyList<string>? messageIds, CancellationToken ct = default)
    {
        await using var connection = await _open(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE post_ledger SET content_hash = @contentHash, message_ids = COALESCE(@ids, message_ids), edited_at = @now, updated_at = @now "
            + "WHERE id = @rowId AND state = 'sent'",
            new { rowId, contentHash, ids = Ids(messageIds), now = Now }, cancellationToken: ct));
        return changed > 0;
    }

    /// <inheritdoc />
    public async Task<bool> MarkDeletedAsync(long rowId, CancellationToken ct = default)
    {
        await using var connection = await _open(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE post_ledger SET state = 'skipped', last_error = 'deleted with post --delete', edited_at = @now, updated_at = @now "
            + "WHERE id = @rowId AND state = 'sent'",
            new { rowId, now = Now }, cancellationToken: ct));
        return changed > 0;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LedgerRow>> SentSinceAsync(DateTimeOffset since, string? digestId = null, CancellationToken ct = default)
    {
        await using var connection = await _open(ct);
        var rows = await connection.QueryAsync<RowData>(new CommandDefinition(
            "SELECT " + RowColumns + " FROM post_ledger WHERE state = 'sent' AND sent_at >= @since AND (@digestId IS NULL OR digest_id = @digestId) "
            + "ORDER BY subscription_id, digest_id, position",
            new { since = since.ToUnixTimeMilliseconds(), digestId }, cancellationToken: ct));
        return rows.Select(r => r.ToRow()).ToList();
    }

    private async Task<bool> SetClaimedStateAsync(LedgerRow claim, string state, string reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await using var connection = await _open(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE post_ledger SET state = @state, claimed_until = NULL, last_error = @reason, updated_at = @now WHERE id = @Id AND " + Fenced,
            new { claim.Id, owner = claim.ClaimedBy, attempts = (long)claim.Attempts, state, reason = Truncate(reason), now = Now },
            cancellationToken: ct));
        return changed > 0;
    }

    private static string? Ids(IReadOnlyList<string>? ids) => ids is { Count: > 0 } ? string.Join(' ', ids) : null;

    private static string StateName(LedgerState state) => state.ToString().ToLowerInvariant();

    /// <inheritdoc />
    public async Task<bool> MarkSkippedAsync(long rowId, string reason, CancellationToken ct = default)
    {
        await using var connection = await _open(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE post_ledger SET state = 'skipped', claimed_until = NULL, last_error = @reason, updated_at = @now WHERE id = @rowId AND " + Claimable,
            new { rowId, reason = Truncate(reason), now = Now }, cancellationToken: ct));
        return changed > 0;
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500];
}
