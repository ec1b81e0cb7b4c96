using Bot.Library.State;
using Bot.Library.Storage;
using Microsoft.Data.Sqlite;

namespace Bot.Library.Tests.State;

// Issue 13, "Commands": subscription names were one global namespace. Migration 0012 scopes them per guild/workspace.
public sealed class SubscriptionScopeStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bot-scope-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Upsert_KeepsTheSameNameApart_InTwoScopes_AndTheGlobalOne()
    {
        var store = SqlStateStore.ForSqlite(new BotDatabase(_root), TimeProvider.System);

        var config = await store.UpsertSubscriptionAsync(Record("weekly", "config", "console", ""));
        var guildA = await store.UpsertSubscriptionAsync(Record("weekly", "discord", "discord:channel:100", "discord:A"));
        var guildB = await store.UpsertSubscriptionAsync(Record("weekly", "discord", "discord:channel:200", "discord:B"));

        Assert.Equal(3, new[] { config.Id, guildA.Id, guildB.Id }.Distinct().Count());
        Assert.Equal(["weekly", "discord:A/weekly", "discord:B/weekly"], new[] { config.Key, guildA.Key, guildB.Key });
        Assert.Equal("console", (await store.FindSubscriptionAsync("weekly"))!.Target);
        Assert.Equal("discord:channel:200", (await store.FindSubscriptionAsync("discord:B/weekly"))!.Target);
        Assert.Equal("discord:channel:100", (await store.FindSubscriptionAsync("discord:A", "weekly"))!.Target);
        Assert.Null(await store.FindSubscriptionAsync("discord:C", "weekly"));
    }

    [Fact]
    public async Task Migration0012_KeepsEverySubscriptionAndItsLedger_WhenItRebuildsTheTable()
    {
        // A bot.db from before 0012: the old table (UNIQUE name, no scope) holding a subscription with ledger rows. Migration
        // 0014 (a later column of that table) is undone with it, as such a file would not have it either.
        var database = new BotDatabase(_root);
        using (var connection = database.Open())
        {
            Execute(connection, "PRAGMA foreign_keys=OFF");
            Execute(connection, """
                CREATE TABLE old_subscriptions (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, source TEXT NOT NULL, target TEXT NOT NULL,
                    sections TEXT NOT NULL, include_terms TEXT NOT NULL, exclude_terms TEXT NOT NULL, cron TEXT NOT NULL, time_zone TEXT NOT NULL,
                    entries_per_section INTEGER NOT NULL, section_spacing_ms INTEGER NOT NULL, thread INTEGER NOT NULL, mention_role_id TEXT NULL,
                    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, last_fired_at INTEGER NULL, removed_at INTEGER NULL);
                DROP TABLE subscriptions;
                ALTER TABLE old_subscriptions RENAME TO subscriptions;
                DELETE FROM schema_version WHERE version IN (12, 14);
                INSERT INTO subscriptions VALUES (7, 'discord-111', 'discord', 'discord:channel:111', '["*"]', '[]', '[]', '0 9 * * MON', 'UTC', 5, 0, 0, NULL, 1, 1, NULL, NULL);
                INSERT INTO post_ledger (subscription_id, digest_id, section_key, position, state, due_at, created_at, updated_at)
                    VALUES (7, 'd1', 'papers', 0, 'sent', 1, 1, 1), (7, 'd1', 'news', 1, 'pending', 1, 1, 1);
                """);
            Execute(connection, "PRAGMA foreign_keys=ON");
        }

        SqliteConnection.ClearAllPools();
        var reopened = new BotDatabase(_root);
        var store = SqlStateStore.ForSqlite(reopened, TimeProvider.System);

        var kept = Assert.Single(await store.ListSubscriptionsAsync());
        Assert.Equal((7L, "", "discord-111"), (kept.Id, kept.Scope, kept.Name));
        Assert.Equal(2, (await store.GetDigestRowsAsync(7, "d1")).Count);
        Assert.True(reopened.SchemaVersion() >= 12);
        using var check = reopened.Open();
        Assert.Equal(1L, Scalar(check, "PRAGMA foreign_keys"));
        // The ledger's foreign key follows the rebuilt table: removing the subscription for good still cascades.
        Execute(check, "DELETE FROM subscriptions WHERE id = 7");
        Assert.Equal(0L, Scalar(check, "SELECT COUNT(*) FROM post_ledger"));
    }

    private static SubscriptionRecord Record(string name, string source, string target, string scope)
        => new(0, name, source, target, ["*"], [], [], "0 9 * * MON", "UTC", 5, TimeSpan.Zero, false, null) { Scope = scope };

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
