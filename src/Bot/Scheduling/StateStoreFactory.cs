using Bot.Library;
using Hangfire;

namespace Bot.Scheduling;

/// <summary>Picks the state store and Hangfire storage from <c>Bot:Scheduling:Storage</c>.</summary>
internal static class StateStoreFactory
{
    public static IStateStore Create(SchedulingOptions options, BotDatabase database, TimeProvider time)
        => SqlStateStore.ForSqlite(database, time);

    public static void UseHangfireStorage(IGlobalConfiguration hangfire, SchedulingOptions options)
        => hangfire.UseInMemoryStorage();
}
