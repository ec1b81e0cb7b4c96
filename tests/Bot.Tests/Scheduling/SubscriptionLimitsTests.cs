using Bot.Core.Commands;
using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Library.State;
using Bot.Library.Storage;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Scheduling;

// Issue 13, "Commands": `* * * * *` was accepted from chat, and one channel made 300 subscriptions in 1.6 s.
public sealed class SubscriptionLimitsTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));
    private readonly SqlStateStore _store;
    private readonly SubscriptionCommands _commands;

    public SubscriptionLimitsTests()
    {
        _store = SqlStateStore.ForSqlite(new BotDatabase(_dir.Path), _time);
        _commands = new SubscriptionCommands(_store, new NoScheduler(), new KnownSections(null), new SubscriptionDefaults { MaxPerChannel = 3 }, _time);
    }

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("* * * * *")]
    [InlineData("*/5 * * * *")]
    [InlineData("0,30 9 * * MON")]
    public async Task Subscribe_RefusesACronThatPostsMoreThanHourly(string cron)
    {
        var reply = await _commands.SubscribeAsync("discord", "G1", "555", new SubscribeArguments(Cron: cron));

        Assert.IsType<ErrorReply>(reply);
        Assert.Empty(await _store.ListSubscriptionsAsync());
    }

    [Fact]
    public async Task Subscribe_AcceptsAnHourlyCron()
    {
        Assert.IsType<TextReply>(await _commands.SubscribeAsync("discord", "G1", "555", new SubscribeArguments(Cron: "0 * * * *")));
    }

    [Fact]
    public async Task Subscribe_RefusesOneMoreThanTheChannelLimit_ButStillUpdatesAnExistingOne()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.IsType<TextReply>(await _commands.SubscribeAsync("discord", "G1", "555", new SubscribeArguments(Name: $"s{i}")));
        }

        var fourth = await _commands.SubscribeAsync("discord", "G1", "555", new SubscribeArguments(Name: "s3"));
        var update = await _commands.SubscribeAsync("discord", "G1", "555", new SubscribeArguments(Name: "s1", Sections: "papers"));
        var otherChannel = await _commands.SubscribeAsync("discord", "G1", "556", new SubscribeArguments(Name: "t0"));

        Assert.IsType<ErrorReply>(fourth);
        Assert.IsNotType<ErrorReply>(update);
        Assert.IsType<TextReply>(otherChannel);
        Assert.Equal(4, (await _store.ListSubscriptionsAsync()).Count);
    }

    [Fact]
    public async Task Subscribe_300FromOneChannel_KeepsTheChannelLimit_AndRefusesTheRestClearly()
    {
        var commands = new SubscriptionCommands(_store, new NoScheduler(), new KnownSections(null), new SubscriptionDefaults(), _time);
        var replies = new List<Reply>();
        for (var i = 0; i < 300; i++)
        {
            replies.Add(await commands.SubscribeAsync("discord", "G1", "555", new SubscribeArguments(Name: $"flood-{i}")));
        }

        Assert.Equal(10, replies.Count(r => r is TextReply));
        Assert.Equal("This channel already has 10 subscriptions, the most allowed.", Assert.IsType<ErrorReply>(replies[^1]).Message);
        Assert.Equal(10, (await _store.ListSubscriptionsAsync()).Count);
    }

    [Fact]
    public async Task Subscribe_300AcrossOneGuildsChannels_StopsAtTheGuildLimit_ButNotAnotherGuild()
    {
        // Discord calls a guild a server: the word comes from the adapter's scheme, as the host registers it.
        var grammar = new TargetGrammar([new Bot.Discord.Posting.DiscordTargetScheme(), new Bot.Slack.Posting.SlackTargetScheme()]);
        var commands = new SubscriptionCommands(_store, new NoScheduler(), new KnownSections(null), new SubscriptionDefaults(), _time, [], grammar);
        var replies = new List<Reply>();
        for (var i = 0; i < 300; i++)
        {
            replies.Add(await commands.SubscribeAsync("discord", "G1", $"{1000 + (i % 30)}", new SubscribeArguments(Name: $"flood-{i}")));
        }

        var otherGuild = await commands.SubscribeAsync("discord", "G2", "2000", new SubscribeArguments());
        var update = await commands.SubscribeAsync("discord", "G1", "1000", new SubscribeArguments(Name: "flood-0", Sections: "papers"));

        Assert.Equal(50, replies.Count(r => r is TextReply));
        var refused = Assert.IsType<ErrorReply>(replies[^1]);
        Assert.Equal("This server already has 50 subscriptions, the most allowed.", refused.Message);
        Assert.Contains("/unsubscribe", refused.Hint, StringComparison.Ordinal);
        Assert.IsType<TextReply>(otherGuild);
        Assert.IsNotType<ErrorReply>(update);
        Assert.Equal(51, (await _store.ListSubscriptionsAsync()).Count);
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
