using System.Data.Common;
using System.Text.Json;
using Bot.Library.Storage;
using Dapper;

namespace Bot.Library.State;

/// <summary>
/// The state store over plain SQL that runs unchanged on SQLite and PostgreSQL (<c>@name</c> parameters,
/// <c>INSERT … ON CONFLICT</c>, <c>UPDATE … RETURNING</c>, times as unix milliseconds).
/// </summary>
public sealed partial class SqlStateStore : IStateStore
{
    private const string SubscriptionColumns =
        "id AS Id, scope AS Scope, name AS Name, source AS Source, target AS Target, sections AS Sections, include_terms AS IncludeTerms, "
        + "exclude_terms AS ExcludeTerms, cron AS Cron, time_zone AS TimeZone, entries_per_section AS EntriesPerSection, "
        + "section_spacing_ms AS SectionSpacingMs, thread AS Thread, mention_role_id AS MentionRoleId, created_at AS CreatedAt, "
        + "last_fired_at AS LastFiredAt, published AS Published";

    private const string RowColumns =
        "id AS Id, subscription_id AS SubscriptionId, digest_id AS DigestId, section_key AS SectionKey, position AS Position, "
        + "state AS State, due_at AS DueAt, attempts AS Attempts, message_id AS MessageId, thread_id AS ThreadId, "
        + "last_error AS LastError, claimed_until AS ClaimedUntil, sent_at AS SentAt, claimed_by AS ClaimedBy, look_first AS LookFirst, "
        + "attempted_at AS AttemptedAt, message_ids AS MessageIds, content_hash AS ContentHash, edited_at AS EditedAt";

    private readonly Func<CancellationToken, Task<DbConnection>> _open;
    private readonly TimeProvider _time;

    /// <summary>Creates the store over a connection factory (the schema must already exist).</summary>
    public SqlStateStore(Func<CancellationToken, Task<DbConnection>> open, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(time);
        _open = open;
        _time = time;
    }

    /// <summary>The store in the embedded SQLite file (migration 0003 creates its tables).</summary>
    public static SqlStateStore ForSqlite(BotDatabase database, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(database);
        return new SqlStateStore(_ => Task.FromResult<DbConnection>(database.Open()), time);
    }

    /// <summary>Encrypts webhook targets at rest when set; null stores them as they are.</summary>
    public TargetProtector? Protector { get; set; }

    private long Now => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <inheritdoc />
    public async Task<SubscriptionRecord> UpsertSubscriptionAsync(SubscriptionRecord subscription, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var connection = await _open(ct);
        var sql = "INSERT INTO subscriptions (scope, name, source, target, sections, include_terms, exclude_terms, cron, time_zone, "
            + "entries_per_section, section_spacing_ms, thread, mention_role_id, created_at, updated_at, published) "
            + "VALUES (@Scope, @Name, @Source, @Target, @Sections, @IncludeTerms, @ExcludeTerms, @Cron, @TimeZone, @EntriesPerSection, "
            + "@SectionSpacingMs, @Thread, @MentionRoleId, COALESCE(@CreatedAt, @Now), @Now, @Published) "
            + "ON CONFLICT (scope, name) DO UPDATE SET source = excluded.source, target = excluded.target, sections = excluded.sections, "
            + "include_terms = excluded.include_terms, exclude_terms = excluded.exclude_terms, cron = excluded.cron, "
            + "time_zone = excluded.time_zone, entries_per_section = excluded.entries_per_section, "
            + "section_spacing_ms = excluded.section_spacing_ms, thread = excluded.thread, mention_role_id = excluded.mention_role_id, "
            + "updated_at = excluded.updated_at, removed_at = NULL, published = excluded.published "
            + "RETURNING " + SubscriptionColumns;
        var data = await connection.QuerySingleAsync<SubscriptionData>(new CommandDefinition(sql, new
        {
            subscription.Scope,
            subscription.Name,
            subscription.Source,
            Target = Protector?.Protect(subscription.Target) ?? subscription.Target,
            Sections = Json(subscription.Sections),
            IncludeTerms = Json(subscription.Include),
            ExcludeTerms = Json(subscription.Exclude),
            subscription.Cron,
            subscription.TimeZone,
            EntriesPerSection = (long)subscription.EntriesPerSection,
            SectionSpacingMs = (long)subscription.SectionSpacing.TotalMilliseconds,
            Thread = subscription.Thread ? 1L : 0L,
            subscription.MentionRoleId,
            Published = subscription.Published ? 1L : 0L,
            CreatedAt = subscription.CreatedAt == default ? (long?)null : subscription.CreatedAt.ToUnixTimeMilliseconds(),
            Now,
        }, cancellationToken: ct));
        return Record(data);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SubscriptionRecord>> ListSubscriptionsAsync(CancellationToken ct = default)
    {
        await using var connection = await _open(ct);
        var rows = await connection.QueryAsync<SubscriptionData>(new CommandDefinition(
            "SELECT " + SubscriptionColumns + " FROM subscriptions WHERE removed_at IS NULL ORDER BY name, scope", cancellationToken: ct));
        return rows.Select(Record).ToList();
    }

    /// <inheritdoc />
    public async Task<SubscriptionRecord?> GetSubscriptionAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await _open(ct);
        var row = await connection.QuerySingleOrDefaultAsync<SubscriptionData>(new CommandDefinition(
            "SELECT " + SubscriptionColumns + " FROM subscriptions WHERE id = @id AND removed_at IS NULL", new { id }, cancellationToken: ct));
        return row is null ? null : Record(row);
    }

    /// <inheritdoc />
    public async Task<SubscriptionRecord?> FindSubscriptionAsync(string key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (await FindSubscriptionAsync(string.Empty, key, ct) is { } global)
        {
            return global;
        }

        // Chat scopes (discord:<id>, slack:<id>) hold no '/', so the first one splits a key; a global name with a '/' matched above.
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? await FindSubscriptionAsync(key[..slash], key[(slash + 1)..], ct) : null;
    }

    /// <inheritdoc />
    public async Task<SubscriptionRecord?> FindSubscriptionAsync(string scope, string name, CancellationToken ct = default)
    {
        await using var connection = await _open(ct);
        var row = await connection.QuerySingleOrDefaultAsync<SubscriptionData>(new CommandDefinition(
            "SELECT " + SubscriptionColumns + " FROM subscriptions WHERE scope = @scope AND name = @name AND removed_at IS NULL", new { scope, name }, cancellationToken: ct));
        return row is null ? null : Record(row);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteSubscriptionAsync(long id, CancellationToken ct = default)
    {
        // A tombstone, not a delete: the ledger stays, so a re-added subscription of the same name resumes where it was
        // instead of posting old digests again. Rows not yet sent are skipped so no host sends them.
        await using var connection = await _open(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var now = Now;
        var removed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE subscriptions SET removed_at = @now, updated_at = @now WHERE id = @id AND removed_at IS NULL", new { id, now }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE post_ledger SET state = 'skipped', last_error = 'the subscription was removed', claimed_until = NULL, updated_at = @now "
            + "WHERE subscription_id = @id AND state = 'pending'",
            new { id, now }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return removed > 0;
    }

    /// <inheritdoc />
    public async Task SetLastFiredAsync(long subscriptionId, DateTimeOffset occurrence, CancellationToken ct = default)
    {
        await using var connection = await _open(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE subscriptions SET last_fired_at = @at WHERE id = @subscriptionId AND (last_fired_at IS NULL OR last_fired_at < @at)",
            new { subscriptionId, at = occurrence.ToUnixTimeMilliseconds() }, cancellationToken: ct));
    }

    private SubscriptionRecord Record(SubscriptionData data)
    {
        var record = data.ToRecord();
        return Protector is null ? record : record with { Target = Protector.Unprotect(record.Target) };
    }

    private static string Json(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    private static DateTimeOffset? FromMs(long? ms) => ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;
}
