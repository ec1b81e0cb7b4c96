using Bot.Library.State;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Bot.Tests.Scheduling;

// Issue 13: subscription names scoped per guild/workspace on the shared PostgreSQL ledger too (PostgresState's 0012 block).
[Collection(nameof(ConsoleCollection))]
public sealed class PostgresSubscriptionScopeTests : IClassFixture<PostgresCluster>
{
    private readonly PostgresCluster _cluster;

    public PostgresSubscriptionScopeTests(PostgresCluster cluster)
    {
        _cluster = cluster;
    }

    [PostgresFact]
    public async Task Upsert_KeepsTheSameNameApart_InTwoGuilds_AndUpdatesWithinOne_OnPostgres()
    {
        await using var source = NpgsqlDataSource.Create(await _cluster.CreateDatabaseAsync());
        var store = PostgresState.CreateStore(source, new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)));
        var record = new SubscriptionRecord(0, "weekly", "discord", "discord:channel:1", ["*"], [], [], "0 9 * * MON", "UTC", 5, TimeSpan.Zero, false, null);

        var a = await store.UpsertSubscriptionAsync(record with { Scope = "discord:A" });
        var b = await store.UpsertSubscriptionAsync(record with { Scope = "discord:B", Target = "discord:channel:2" });
        var config = await store.UpsertSubscriptionAsync(record with { Source = "config", Target = "console" });
        var updated = await store.UpsertSubscriptionAsync(record with { Scope = "discord:A", Cron = "0 8 * * MON" });
        // The schema block runs again on every host start; it must stay idempotent.
        await PostgresState.EnsureSchemaAsync(source);

        Assert.Equal(3, new[] { a.Id, b.Id, config.Id }.Distinct().Count());
        Assert.Equal((a.Id, "0 8 * * MON"), (updated.Id, updated.Cron));
        Assert.Equal("discord:channel:2", (await store.FindSubscriptionAsync("discord:B/weekly"))!.Target);
        Assert.Equal("console", (await store.FindSubscriptionAsync("weekly"))!.Target);
    }
}
