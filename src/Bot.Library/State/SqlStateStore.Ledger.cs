using Dapper;

namespace Bot.Library;

/// <summary>The post-ledger half of <see cref="SqlStateStore"/>.</summary>
public sealed partial class SqlStateStore
{
    private const string Claimable = "(state = 'pending' OR (state = 'attempted' AND (claimed_until IS NULL OR claimed_until < @now)))";

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> PlannedDigestsAsync(long subscriptionId, CancellationToken ct = default)
    {
        await using var connection = await _open(ct);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT digest_id FROM post_ledger WHERE subscription_id = @subscriptionId", new { subscriptionId }, cancellationToken: ct));
        return ids.ToHashSet(StringComparer.Ordinal);
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
            // One conditional UPDATE: of two hosts racing for the same row, exactly one gets it back.
            var claimed = await connection.QuerySingleOrDefaultAsync<RowData>(new CommandDefinition(
                "UPDATE post_ledger SET state = 'attempted', attempts = attempts + 1, claimed_by = @owner, claimed_until = @until, updated_at = @now "
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
    public async Task MarkSentAsync(long rowId, string messageId, string? threadId, CancellationToken ct = default)
    {
        await using var connection = await _open(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE post_ledger SET state = 'sent', message_id = @messageId, thread_id = @threadId, sent_at = @now, updated_at = @now, "
            + "claimed_until = NULL, last_error = NULL WHERE id = @rowId AND state = 'attempted'",
            new { rowId, messageId, threadId, now = Now }, cancellationToken: ct));
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(long rowId, string error, CancellationToken ct = default)
    {
        await using var connection = await _open(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE post_ledger SET claimed_until = NULL, claimed_by = NULL, last_error = @error, updated_at = @now WHERE id = @rowId AND state = 'attempted'",
            new { rowId, error = Truncate(error), now = Now }, cancellationToken: ct));
    }

    /// <inheritdoc />
    public async Task MarkFailedAsync(long rowId, string error, CancellationToken ct = default)
    {
        await using var connection = await _open(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE post_ledger SET state = 'failed', claimed_until = NULL, last_error = @error, updated_at = @now WHERE id = @rowId AND state IN ('pending', 'attempted')",
            new { rowId, error = Truncate(error), now = Now }, cancellationToken: ct));
    }

    /// <inheritdoc />
    public async Task<bool> MarkSkippedAsync(long rowId, string reason, CancellationToken ct = default)
    {
        await using var connection = await _open(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE post_ledger SET state = 'skipped', claimed_until = NULL, last_error = @reason, updated_at = @now WHERE id = @rowId AND " + Claimable,
            new { rowId, reason = Truncate(reason), now = Now }, cancellationToken: ct));
        return changed > 0;
    }

    /// <inheritdoc />
    public async Task SkipClaimedAsync(long rowId, string reason, CancellationToken ct = default)
    {
        await using var connection = await _open(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE post_ledger SET state = 'skipped', claimed_until = NULL, last_error = @reason, updated_at = @now WHERE id = @rowId AND state = 'attempted'",
            new { rowId, reason = Truncate(reason), now = Now }, cancellationToken: ct));
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500];
}
