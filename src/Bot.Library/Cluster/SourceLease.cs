using Npgsql;

namespace Bot.Library.Cluster;

/// <summary>One host's hold on one source: an advisory lock on its own connection, and the next due time when released.</summary>
internal sealed class SourceLease : IAsyncDisposable
{
    // Next due a little before a full interval, so the host whose timer fires right on the interval is not turned away
    // and the source waits a second interval.
    private const double DueFraction = 0.9;

    private readonly NpgsqlConnection _connection;
    private readonly int _key;
    private readonly string _source;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly string _host;
    private bool _released;

    public SourceLease(NpgsqlConnection connection, int key, string source, TimeSpan interval, TimeProvider time, string host)
    {
        _connection = connection;
        _key = key;
        _source = source;
        _interval = interval;
        _time = time;
        _host = host;
    }

    public ValueTask DisposeAsync() => new(ReleaseAsync(record: true));

    public async Task ReleaseAsync(bool record)
    {
        if (_released)
        {
            return;
        }

        _released = true;
        try
        {
            if (record)
            {
                var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
                await using var mark = new NpgsqlCommand(
                    "INSERT INTO library_sources (source, next_due_at, last_run_at, last_host) VALUES (@s, @d, @n, @h) " +
                    "ON CONFLICT (source) DO UPDATE SET next_due_at = EXCLUDED.next_due_at, last_run_at = EXCLUDED.last_run_at, last_host = EXCLUDED.last_host",
                    _connection);
                mark.Parameters.AddWithValue("s", _source);
                mark.Parameters.AddWithValue("d", now + (long)(_interval.TotalMilliseconds * DueFraction));
                mark.Parameters.AddWithValue("n", now);
                mark.Parameters.AddWithValue("h", _host);
                await mark.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({PostgresDigestStore.SourceLockClass}, {_key})", _connection);
            await unlock.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The connection is gone, and the lock with its session; the source is simply due again.
        }
        finally
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
