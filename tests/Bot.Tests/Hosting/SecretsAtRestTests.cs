using Bot.Library.State;
using Bot.Tests.Scheduling;
using Bot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Hosting;

// Issue 13, "Secrets at rest": the host stored every webhook URL in clear text in a world-readable bot.db.
[Collection(nameof(ConsoleCollection))]
public sealed class SecretsAtRestTests
{
    private const string Token = "hOsTtOkEn-0123456789abcdefghijklmnopqrstuvwxyz";

    [Fact]
    public async Task Host_StoresAConfiguredWebhookEncrypted_AndKeepsItsKeyRingOwnerOnly()
    {
        var webhook = "discord:webhook:https://discord.com/api/webhooks/123456789012345678/" + Token;
        using var factory = new BotHostFactory(new Dictionary<string, string?>
        {
            ["Bot:Subscriptions:1:Name"] = "hooked",
            ["Bot:Subscriptions:1:Target"] = webhook,
            ["Bot:Subscriptions:1:Sections:0"] = "*",
            ["Bot:Subscriptions:1:Cron"] = "0 9 * * MON",
            ["Bot:Scheduling:PostOnFirstStart"] = "None",
        });
        var store = factory.Services.GetRequiredService<IStateStore>();

        var stored = await SchedulerHostTests.WaitForAsync(() => store.FindSubscriptionAsync("hooked"));

        Assert.Equal(webhook, stored.Target);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "bot.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT target FROM subscriptions WHERE name = 'hooked'";
        var raw = (string)(await command.ExecuteScalarAsync())!;
        Assert.DoesNotContain(Token, raw, StringComparison.Ordinal);
        var keys = Path.Combine(factory.DataDirectory, "keys");
        Assert.True(Directory.EnumerateFiles(keys, "key-*.xml").Any(), "the key ring lives in <data>/keys");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(keys) & (UnixFileMode.OtherRead | UnixFileMode.GroupRead | UnixFileMode.OtherExecute));
        }
    }
}
