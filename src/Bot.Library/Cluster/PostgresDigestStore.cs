using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bot.Digests.Model;
using Bot.Library.Ingestion;
using Npgsql;

namespace Bot.Library.Cluster;

/// <summary>The cluster's library in PostgreSQL (<c>library_digests</c>, <c>library_sources</c>: migration 0002; <c>library_source_state</c>: 0005).</summary>
public sealed class PostgresDigestStore : ISharedDigestStore
{
    // Publishers take this lock for their transaction, so revisions commit in the order they were drawn: a reader that
    // has seen revision N has seen every revision below N, and a later commit can never slip in under it.
    private const long PublishLock = 0x426f744c_69627279;

    // The two-key advisory lock space for sources; a hash collision only makes two sources wait for each other.
    internal const int SourceLockClass = 0x426f7453;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);
    private readonly Lazy<NpgsqlDataSource> _dataSource;
    private readonly TimeProvider _time;
    private readonly string _host;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    /// <summary>Creates the store; the schema is migrated on first use.</summary>
    public PostgresDigestStore(NpgsqlDataSource dataSource, TimeProvider time, string? hostName = null)
        : this(() => dataSource, time, hostName)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
    }

    /// <summary>Creates the store over a data source made on first use (the host's, which depends on options validated later).</summary>
    public PostgresDigestStore(Func<NpgsqlDataSource> dataSource, TimeProvider time, string? hostName = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = new Lazy<NpgsqlDataSource>(dataSource);
        _time = time ?? TimeProvider.System;
        _host = hostName ?? Environment.MachineName;
    }

    /// <inheritdoc />
    public async Task<string> IdentityAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT id FROM library_identity LIMIT 1", connection);
        return (string)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public async Task<long> RevisionAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT COALESCE(MAX(revision), 0) FROM library_digests", connection);
        return (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SharedDigest>> ChangesSinceAsync(long revision, int limit, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT body, content_hash, source, revision FROM library_digests WHERE revision > @r ORDER BY revision LIMIT @l", connection);
        command.Parameters.AddWithValue("r", revision);
        command.Parameters.AddWithValue("l", limit);
        var list = new List<SharedDigest>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var digest = JsonSerializer.Deserialize<Digest>(reader.GetString(0), Json)!;
            list.Add(new SharedDigest(digest, reader.GetString(1), reader.GetString(2), reader.GetInt64(3)));
        }

        return list;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IngestOutcome>> PublishAsync(IReadOnlyList<(Digest Digest, string Hash, string Source)> digests, bool awaitPlanning, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(digests);
        if (digests.Count == 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(" + PublishLock + ")", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var read = new NpgsqlCommand("SELECT id, content_hash FROM library_digests WHERE id = ANY(@ids)", connection, transaction))
        {
            read.Parameters.AddWithValue("ids", digests.Select(d => d.Digest.Id).Distinct().ToArray());
            await using var reader = await read.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                stored[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var outcomes = new IngestOutcome[digests.Count];
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = 0; i < digests.Count; i++)
        {
            var (digest, hash, source) = digests[i];
            if (stored.TryGetValue(digest.Id, out var known) && known == hash)
            {
                outcomes[i] = IngestOutcome.Unchanged;
                continue;
            }

            await using var write = new NpgsqlCommand(
                "INSERT INTO library_digests (id, content_hash, source, body, stored_at) VALUES (@id, @h, @s, @b, @t) " +
                "ON CONFLICT (id) DO UPDATE SET content_hash = EXCLUDED.content_hash, source = EXCLUDED.source, body = EXCLUDED.body, " +
                "stored_at = EXCLUDED.stored_at, revision = nextval('library_revision')", connection, transaction);
            write.Parameters.AddWithValue("id", digest.Id);
            write.Parameters.AddWithValue("h", hash);
            write.Parameters.AddWithValue("s", source);
            write.Parameters.AddWithValue("b", JsonSerializer.Serialize(digest, Json));
            write.Parameters.AddWithValue("t", now);
            await write.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            outcomes[i] = stored.ContainsKey(digest.Id) ? IngestOutcome.Updated : IngestOutcome.Added;
            stored[digest.Id] = hash;
            if (awaitPlanning && outcomes[i] == IngestOutcome.Added)
            {
                await using var unplanned = new NpgsqlCommand(
                    "INSERT INTO published_unplanned (digest_id, published_at) VALUES (@id, @t) ON CONFLICT (digest_id) DO NOTHING", connection, transaction);
                unplanned.Parameters.AddWithValue("id", digest.Id);
                unplanned.Parameters.AddWithValue("t", now);
                await unplanned.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return outcomes;
    }

    /// <inheritdoc />
    public async Task<IAsyncDisposable?> TryTakeSourceAsync(string source, TimeSpan interval, bool force, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);

        // The lock lives with this connection: a host that dies drops it, and PostgreSQL releases the source at once.
        var connection = await OpenAsync(ct).ConfigureAwait(false);
        var key = SourceKey(source);
        try
        {
            await using (var take = new NpgsqlCommand($"SELECT pg_try_advisory_lock({SourceLockClass}, {key})", connection))
            {
                if (!(bool)(await take.ExecuteScalarAsync(ct).ConfigureAwait(false))!)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                    return null;
                }
            }

            var lease = new SourceLease(connection, key, source, interval, _time, _host);
            if (!force)
            {
                await using var due = new NpgsqlCommand("SELECT next_due_at FROM library_sources WHERE source = @s", connection);
                due.Parameters.AddWithValue("s", source);
                if (await due.ExecuteScalarAsync(ct).ConfigureAwait(false) is long next && next > _time.GetUtcNow().ToUnixTimeMilliseconds())
                {
                    await lease.ReleaseAsync(record: false).ConfigureAwait(false);
                    return null;
                }
            }

            return lease;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<string?> SourceStateAsync(string source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT state FROM library_source_state WHERE source = @s", connection);
        command.Parameters.AddWithValue("s", source);
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
    }

    /// <inheritdoc />
    public async Task SaveSourceStateAsync(string source, string state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(state);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "INSERT INTO library_source_state (source, state, saved_at, saved_by) VALUES (@s, @j, @t, @h) " +
            "ON CONFLICT (source) DO UPDATE SET state = EXCLUDED.state, saved_at = EXCLUDED.saved_at, saved_by = EXCLUDED.saved_by", connection);
        command.Parameters.AddWithValue("s", source);
        command.Parameters.AddWithValue("j", state);
        command.Parameters.AddWithValue("t", _time.GetUtcNow().ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("h", _host);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static int SourceKey(string source) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(source)), 0);

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        if (!_ready)
        {
            await _gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                if (!_ready)
                {
                    await PostgresMigrations.RunAsync(_dataSource.Value, ct).ConfigureAwait(false);
                    _ready = true;
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        return await _dataSource.Value.OpenConnectionAsync(ct).ConfigureAwait(false);
    }
}
