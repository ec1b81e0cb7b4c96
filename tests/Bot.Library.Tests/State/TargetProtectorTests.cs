using Bot.Library.State;
using Bot.Library.Storage;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;

namespace Bot.Library.Tests.State;

// Issue 13, "Secrets at rest": webhook URLs were stored in clear text in bot.db.
public sealed class TargetProtectorTests : IDisposable
{
    private const string Token = "wHtOkEn-0123456789abcdefghijklmnopqrstuvwxyz";
    private const string Webhook = "discord:webhook:https://discord.com/api/webhooks/123/" + Token;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bot-protector-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Upsert_StoresTheWebhookEncrypted_AndReadsItBack()
    {
        var database = new BotDatabase(_root);
        var store = SqlStateStore.ForSqlite(database, TimeProvider.System);
        store.Protector = new TargetProtector(new EphemeralDataProtectionProvider());

        await store.UpsertSubscriptionAsync(Subscription("hooked", Webhook));
        await store.UpsertSubscriptionAsync(Subscription("channel", "discord:channel:42"));

        using var connection = database.Open();
        var raw = (await connection.QueryAsync<string>("SELECT target FROM subscriptions ORDER BY name")).ToList();
        Assert.Equal("discord:channel:42", raw[0]);
        Assert.DoesNotContain(Token, raw[1], StringComparison.Ordinal);
        Assert.StartsWith(TargetProtector.Prefix, raw[1], StringComparison.Ordinal);
        Assert.Equal(Webhook, (await store.FindSubscriptionAsync("hooked"))!.Target);
        Assert.Equal(Webhook, (await store.ListSubscriptionsAsync()).Single(s => s.Name == "hooked").Target);
    }

    [Fact]
    public async Task Read_OfAPlainRowWrittenBeforeEncryption_StillWorks()
    {
        var database = new BotDatabase(_root);
        await SqlStateStore.ForSqlite(database, TimeProvider.System).UpsertSubscriptionAsync(Subscription("legacy", Webhook));
        var store = SqlStateStore.ForSqlite(database, TimeProvider.System);
        store.Protector = new TargetProtector(new EphemeralDataProtectionProvider());

        Assert.Equal(Webhook, (await store.FindSubscriptionAsync("legacy"))!.Target);
    }

    [Fact]
    public async Task Read_WithALostKeyRing_FailsWithAMessageThatNamesTheFix()
    {
        var database = new BotDatabase(_root);
        var writer = SqlStateStore.ForSqlite(database, TimeProvider.System);
        writer.Protector = new TargetProtector(new EphemeralDataProtectionProvider());
        await writer.UpsertSubscriptionAsync(Subscription("hooked", Webhook));
        var reader = SqlStateStore.ForSqlite(database, TimeProvider.System);
        reader.Protector = new TargetProtector(new EphemeralDataProtectionProvider());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => reader.FindSubscriptionAsync("hooked"));

        Assert.Contains("KeyPath", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    private static SubscriptionRecord Subscription(string name, string target)
        => new(0, name, "config", target, ["*"], [], [], "0 9 * * MON", "UTC", 5, TimeSpan.Zero, false, null, DateTimeOffset.UnixEpoch, null);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
