using Bot.Library.State;
using Bot.Library.Storage;
using Bot.Posting;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Npgsql;
using SQLite;

namespace Bot.Scheduling;

/// <summary>Picks the state store and Hangfire storage from <c>Bot:Scheduling:Storage</c>.</summary>
public static class StateStoreFactory
{
    public static bool IsPostgres(SchedulingOptions options) => options.Storage.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase);

    /// <summary>Hangfire in memory: <c>Memory</c>, or <c>InMemory</c> as configurations written before <c>Sqlite</c> was the default say.</summary>
    public static bool IsMemory(SchedulingOptions options)
        => options.Storage.Equals("Memory", StringComparison.OrdinalIgnoreCase) || options.Storage.Equals("InMemory", StringComparison.OrdinalIgnoreCase);

    /// <summary>The embedded default: Hangfire's own file beside <c>bot.db</c>, so its locks never contend with the library and the ledger.</summary>
    public static string HangfireDatabasePath(BotDatabase database) => Path.Combine(Path.GetDirectoryName(database.FilePath)!, "hangfire.db");

    public static IStateStore Create(SchedulingOptions options, BotDatabase database, Func<NpgsqlDataSource> postgres, TimeProvider time, TargetProtector? protector = null)
    {
        var store = IsPostgres(options) ? PostgresState.CreateStore(postgres(), time) : SqlStateStore.ForSqlite(database, time);
        store.Protector = protector;
        return store;
    }

    /// <summary>
    /// This host's Hangfire storage, built here and handed to DI, so the host never depends on Hangfire's process-wide
    /// <c>JobStorage.Current</c> (which the last host configured in a process would win).
    /// </summary>
    public static JobStorage CreateHangfireStorage(SchedulingOptions options, BotDatabase database)
    {
        if (IsMemory(options))
        {
            return new InMemoryStorage(new InMemoryStorageOptions());
        }

        if (!IsPostgres(options))
        {
            return CreateSqliteStorage(HangfireDatabasePath(database), options.PollInterval);
        }

        InstallPostgresSchema(options.ConnectionString);
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(options.ConnectionString, PostgresStorageOptions), PostgresStorageOptions);
    }

    /// <summary>The advisory lock key hosts take while installing Hangfire's own tables (any fixed number, apart from ours).</summary>
    public const long HangfireSchemaLockKey = 0x426f7448_616e6746;

    /// <summary>
    /// Installs or upgrades Hangfire's tables through its public installer, one host at a time. Hangfire.PostgreSql's
    /// installer runs each version in a serializable transaction without a lock of its own, so hosts starting together
    /// failed with 40001 (or 22P02, reading a half-made schema table) and logged an error before the storage's start-up retry
    /// went through. Under this lock the second host finds every version applied, and so does the storage's own check when
    /// it is constructed next. Returns false, leaving the install to the storage's own retries, if PostgreSQL cannot be
    /// reached now.
    /// </summary>
    public static bool InstallPostgresSchema(string connectionString)
    {
        NpgsqlConnection connection;
        try
        {
            connection = new NpgsqlConnection(connectionString);
            connection.Open();
        }
        catch (NpgsqlException)
        {
            return false;
        }

        using (connection)
        {
            using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(" + HangfireSchemaLockKey + ")", connection))
            {
                take.ExecuteNonQuery();
            }

            try
            {
                PostgreSqlObjectsInstaller.Install(connection, PostgresStorageOptions.SchemaName);
            }
            finally
            {
                // A session lock: a host that dies drops it with its connection, but a pooled connection that is only closed
                // here would keep it until its next use, so it is released explicitly.
                if (connection.State == System.Data.ConnectionState.Open)
                {
                    using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(" + HangfireSchemaLockKey + ")", connection);
                    release.ExecuteNonQuery();
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Hangfire.PostgreSql tuned for a cluster that recovers within a minute (its defaults take 30 min for a dead worker's
    /// job and 10 min for a lock left by a dropped connection).
    /// </summary>
    public static PostgreSqlStorageOptions PostgresStorageOptions => new()
    {
        // Hangfire's own tables: installed first under our advisory lock (InstallPostgresSchema), so the storage's own check
        // only finds them applied; it still installs, with its start-up retries, when PostgreSQL was down a moment ago.
        PrepareSchemaIfNecessary = true,

        // LISTEN/NOTIFY wakes a worker as soon as a section is queued; polling every 5 s is only the fallback (after a
        // PostgreSQL restart drops the listening connection), and costs one cheap query per host.
        EnableLongPolling = true,
        QueuePollInterval = TimeSpan.FromSeconds(5),

        // A running job's fetch time is refreshed every fifth of this (8 s), so a slow post never looks abandoned; a job whose
        // host died is fetched again after 40 s. With the ledger claim (45 s, renewed every 15 s) the row is sent by another
        // host within 40 s + 5 s poll + 1 s, inside the 60 s target; the claim, not Hangfire, keeps it to one post.
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = TimeSpan.FromSeconds(40),

        // A lock row older than this belongs to a host that is gone (Hangfire's locks here are held for one scheduler pass,
        // well under a second): the delayed-job and recurring-job pollers are free again within 30 s.
        DistributedLockTimeout = TimeSpan.FromSeconds(30),

        // A host started while PostgreSQL restarts waits for it instead of failing its start.
        StartupConnectionMaxRetries = 10,
    };

    /// <summary>
    /// Hangfire.Storage.SQLite over its own file. The busy timeout is longer than the package's 10 s so that a burst of
    /// workers waits for the write lock instead of failing with "database is locked"; the ledger claim, not this storage,
    /// keeps each section to one post when a job still runs twice (see SectionSender).
    /// </summary>
    public static SQLiteStorage CreateSqliteStorage(string path, TimeSpan pollInterval)
    {
        SqliteNative.EnsureInitialized();
        // Job arguments name subscriptions and digests: owner-only like bot.db (SQLite gives -wal and -shm the same mode).
        PrivateFiles.Ensure(path);
        var factory = new SQLiteDbConnectionFactory(() =>
        {
            var connection = new SQLiteConnection(path, SQLiteOpenFlags.ReadWrite | SQLiteOpenFlags.Create | SQLiteOpenFlags.NoMutex, storeDateTimeAsTicks: true)
            {
                BusyTimeout = TimeSpan.FromSeconds(30),
            };

            // WAL with synchronous=NORMAL (as bot.db): no fsync per commit, still safe when the process dies; an OS crash may
            // lose the last jobs, which start-up catch-up re-queues from the ledger.
            connection.ExecuteScalar<string>("PRAGMA synchronous=NORMAL");
            return connection;
        });
        return new SQLiteStorage(factory, new SQLiteStorageOptions
        {
            QueuePollInterval = pollInterval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : pollInterval,
            // Longer than any post with its rate-limit waits, so a job that is still running is not handed to a second worker.
            InvisibilityTimeout = TimeSpan.FromMinutes(30),
            DistributedLockLifetime = TimeSpan.FromSeconds(30),
        });
    }
}
