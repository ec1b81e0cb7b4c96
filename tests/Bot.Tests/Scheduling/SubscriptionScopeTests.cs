using Bot.Core.Commands;
using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Library.State;
using Bot.Library.Storage;
using Bot.Scheduling;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Scheduling;

// Issue 13, "Commands": from one guild, `/subscribe name:discord-<victim channel id>` blocked the victim channel's plain
// /subscribe with "name is taken", and the refusal told anyone that the name existed. Names are now scoped per guild.
public sealed class SubscriptionScopeTests : IDisposable
{
    private const string Victim = "111";
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));
    private readonly SqlStateStore _store;
    private readonly SubscriptionCommands _commands;

    public SubscriptionScopeTests()
    {
        _store = SqlStateStore.ForSqlite(new BotDatabase(_dir.Path), _time);
        _commands = new SubscriptionCommands(_store, new NoScheduler(), new KnownSections(null), new SubscriptionDefaults(), _time);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Subscribe_ANameTakenInAnotherGuild_DoesNotBlockTheVictimChannel()
    {
        var squat = await _commands.SubscribeAsync("discord", "guild-attacker", "900", new SubscribeArguments(Name: $"discord-{Victim}"));

        var victim = await _commands.SubscribeAsync("discord", "guild-victim", Victim, new SubscribeArguments());

        Assert.IsType<TextReply>(squat);
        Assert.StartsWith($"Subscribed 'discord-{Victim}'", Assert.IsType<TextReply>(victim).Text, StringComparison.Ordinal);
        var stored = (await _store.ListSubscriptionsAsync()).Where(s => s.Name == $"discord-{Victim}").ToList();
        Assert.Equal(["discord:channel:111", "discord:channel:900"], stored.Select(s => s.Target).Order());
    }

    [Fact]
    public async Task Subscribe_AndUnsubscribe_AnswerTheSameForAnotherGuildsNameAsForNoName()
    {
        await _commands.SubscribeAsync("discord", "guild-a", "900", new SubscribeArguments(Name: "secret-weekly"));

        var probeTaken = await _commands.SubscribeAsync("discord", "guild-b", "222", new SubscribeArguments(Name: "secret-weekly"));
        var removeTaken = await _commands.UnsubscribeAsync("discord", "guild-b", "333", "secret-weekly");
        var removeNone = await _commands.UnsubscribeAsync("discord", "guild-b", "333", "nothing-here");

        // Guild B just gets its own subscription of that name; nothing says guild A has one.
        Assert.IsType<TextReply>(probeTaken);
        Assert.Equal(
            Assert.IsType<ErrorReply>(removeNone).Message.Replace("nothing-here", "X", StringComparison.Ordinal),
            Assert.IsType<ErrorReply>(removeTaken).Message.Replace("secret-weekly", "X", StringComparison.Ordinal));
        Assert.Equal("discord:channel:900", (await _store.FindSubscriptionAsync("discord:guild-a", "secret-weekly"))!.Target);
    }

    [Fact]
    public async Task Subscribe_NamesStayUniqueWithinOneGuild()
    {
        await _commands.SubscribeAsync("slack", "T1", "C1", new SubscribeArguments(Name: "weekly"));

        var sameWorkspace = await _commands.SubscribeAsync("slack", "T1", "C2", new SubscribeArguments(Name: "weekly"));

        Assert.Contains("taken by another subscription in this workspace", Assert.IsType<ErrorReply>(sameWorkspace).Message, StringComparison.Ordinal);
        Assert.Single(await _store.ListSubscriptionsAsync());
    }

    [Fact]
    public async Task Subscribe_AConfiguredName_NeitherTakesNorRevealsTheConfiguredSubscription()
    {
        await _store.UpsertSubscriptionAsync(new SubscriptionRecord(0, "weekly-console", "config", "console", ["*"], [], [], "0 9 * * MON", "UTC", 5, TimeSpan.Zero, false, null));

        var reply = await _commands.SubscribeAsync("discord", "guild-a", "900", new SubscribeArguments(Name: "weekly-console"));

        Assert.IsType<TextReply>(reply);
        Assert.Equal("console", (await _store.FindSubscriptionAsync("weekly-console"))!.Target);
        Assert.Equal("discord:channel:900", (await _store.FindSubscriptionAsync("discord:guild-a/weekly-console"))!.Target);
    }

    [Fact]
    public async Task Subscribe_UpdatesAChannelsSubscriptionStoredBeforeScopes_AndUnsubscribeRemovesIt()
    {
        // Rows stored before migration 0012 keep the global scope ''.
        var legacy = await _store.UpsertSubscriptionAsync(new SubscriptionRecord(0, $"discord-{Victim}", "discord", $"discord:channel:{Victim}", ["*"], [], [], "0 9 * * MON", "UTC", 5, TimeSpan.Zero, false, null));

        var update = await _commands.SubscribeAsync("discord", "guild-victim", Victim, new SubscribeArguments(Sections: "*", Cron: "0 8 * * MON"));
        var stored = Assert.Single(await _store.ListSubscriptionsAsync());
        var remove = await _commands.UnsubscribeAsync("discord", "guild-victim", Victim, $"discord-{Victim}");

        Assert.StartsWith("Updated", Assert.IsType<TextReply>(update).Text, StringComparison.Ordinal);
        Assert.Equal((legacy.Id, "0 8 * * MON"), (stored.Id, stored.Cron));
        Assert.IsType<TextReply>(remove);
        Assert.Empty(await _store.ListSubscriptionsAsync());
    }

    [Fact]
    public void JobId_DiffersForTheSameNameInTwoGuilds_AndKeepsConfiguredNames()
    {
        var record = new SubscriptionRecord(0, "weekly", "discord", "discord:channel:1", ["*"], [], [], "0 9 * * MON", "UTC", 5, TimeSpan.Zero, false, null);

        Assert.Equal("subscription:weekly", HangfireSubscriptionScheduler.JobId(record with { Source = "config" }));
        Assert.NotEqual(
            HangfireSubscriptionScheduler.JobId(record with { Scope = "discord:A" }),
            HangfireSubscriptionScheduler.JobId(record with { Scope = "discord:B" }));
    }

    private sealed class NoScheduler : ISubscriptionScheduler
    {
        public void Register(SubscriptionRecord subscription)
        {
        }

        public void Remove(SubscriptionRecord subscription)
        {
        }
    }
}
