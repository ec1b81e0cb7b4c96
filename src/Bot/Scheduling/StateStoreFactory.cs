using Bot.Library;
using Hangfire;
using Hangfire.PostgreSql;
using Npgsql;

namespace Bot.Scheduling;

/// <summary>Picks the state store and Hangfire storage from <c>Bot:Scheduling:Storage</c>.</summary>
internal static class StateStoreFactory
{
    public static bool IsPostgres(SchedulingOptions options) => options.Storage.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase);

    public static IStateStore Create(SchedulingOptions options, BotDatabase database, Func<NpgsqlDataSource> postgres, TimeProvider time)
        => IsPostgres(options) ? PostgresState.CreateStore(postgres(), time) : SqlStateStore.ForSqlite(database, time);

    public static void UseHangfireStorage(IGlobalConfiguration hangfire, SchedulingOptions options)
    {
        if (IsPostgres(options))
        {
            hangfire.UsePostgreSqlStorage(c => c.UseNpgsqlConnection(options.ConnectionString), new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true });
        }
        else
        {
            hangfire.UseInMemoryStorage();
        }
    }
}
