using System.Data.Common;
using Bot.Library.Cluster;
using Npgsql;

namespace Bot.Library.State;

/// <summary>
/// Subscriptions and the post ledger in PostgreSQL, for several hosts sharing one ledger. The statements are the same
/// as on SQLite (<see cref="SqlStateStore"/>); only the schema differs (identity keys, BIGINT columns; <c>Migrations/postgres</c>).
/// </summary>
public static class PostgresState
{
    /// <summary>Brings the schema up to date: the versioned scripts of <see cref="PostgresMigrations"/>, under its advisory lock.</summary>
    public static Task EnsureSchemaAsync(NpgsqlDataSource dataSource, CancellationToken ct = default) => PostgresMigrations.RunAsync(dataSource, ct);

    /// <summary>The state store over PostgreSQL; the schema is created on first use.</summary>
    public static SqlStateStore CreateStore(NpgsqlDataSource dataSource, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var ready = 0;
        var gate = new SemaphoreSlim(1, 1);
        return new SqlStateStore(
            async ct =>
            {
                if (Volatile.Read(ref ready) == 0)
                {
                    await gate.WaitAsync(ct);
                    try
                    {
                        if (ready == 0)
                        {
                            await EnsureSchemaAsync(dataSource, ct);
                            Volatile.Write(ref ready, 1);
                        }
                    }
                    finally
                    {
                        gate.Release();
                    }
                }

                return (DbConnection)await dataSource.OpenConnectionAsync(ct);
            },
            time);
    }
}
