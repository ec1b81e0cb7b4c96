using Bot.Library.State;
using Bot.Library.Storage;
using Bot.Tests.Support;

namespace Bot.Tests.Scheduling;

// Issue 13: with names scoped per guild/workspace, `subscriptions remove NAME` must say which one it means.
[Collection(nameof(ConsoleCollection))]
public sealed class SubscriptionsVerbScopeTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task SubscriptionsRemove_ANameInTwoGuilds_AsksForTheKey_ThenRemovesOnlyThatOne()
    {
        var store = SqlStateStore.ForSqlite(new BotDatabase(_data.Path), TimeProvider.System);
        await store.UpsertSubscriptionAsync(Record("discord:A", "discord:channel:100"));
        await store.UpsertSubscriptionAsync(Record("discord:B", "discord:channel:200"));

        var listed = await CliRunner.RunAsync("subscriptions", "list", "--data", _data.Path);
        var ambiguous = await CliRunner.RunAsync("subscriptions", "remove", "weekly", "--data", _data.Path);
        var byKey = await CliRunner.RunAsync("subscriptions", "remove", "discord:A/weekly", "--data", _data.Path);
        var nowUnique = await CliRunner.RunAsync("subscriptions", "remove", "weekly", "--data", _data.Path);

        Assert.Contains("discord:A/weekly\tdiscord", listed.Output, StringComparison.Ordinal);
        Assert.Contains("discord:B/weekly\tdiscord", listed.Output, StringComparison.Ordinal);
        Assert.Equal(1, ambiguous.Code);
        Assert.Equal("error: 'weekly' names 2 subscriptions in different servers or workspaces; give one of: discord:A/weekly, discord:B/weekly", ambiguous.Error.Trim());
        Assert.Equal(0, byKey.Code);
        Assert.Contains("Removed subscription 'discord:A/weekly'", byKey.Output, StringComparison.Ordinal);
        Assert.Equal(0, nowUnique.Code);
        Assert.Contains("Removed subscription 'discord:B/weekly'", nowUnique.Output, StringComparison.Ordinal);
        Assert.Empty(await store.ListSubscriptionsAsync());
    }

    private static SubscriptionRecord Record(string scope, string target)
        => new(0, "weekly", "discord", target, ["*"], [], [], "0 9 * * MON", "UTC", 5, TimeSpan.Zero, false, null) { Scope = scope };
}
