using Bot.Library;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;

namespace Bot.Scheduling;

/// <summary>Picks the state store and Hangfire storage from <c>Bot:Scheduling:Storage</c>.</summary>
internal static class StateStoreFactory
{
    public static bool IsPostgres(SchedulingOptions options) => options.Storage.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase);

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
    public static JobStorage CreateHangfireStorage(SchedulingOptions options)
    {
        if (!IsPostgres(options))
        {
            return new InMemoryStorage(new InMemoryStorageOptions());
        }

        // LISTEN/NOTIFY wakes a worker as soon as a section is queued; polling every few seconds is the fallback.
        var storageOptions = new PostgreSqlStorageOptions
        {
            PrepareSchemaIfNecessary = true,
            EnableLongPolling = true,
            QueuePollInterval = TimeSpan.FromSeconds(5),
            UseSlidingInvisibilityTimeout = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(options.ConnectionString, storageOptions), storageOptions);
    }
}
