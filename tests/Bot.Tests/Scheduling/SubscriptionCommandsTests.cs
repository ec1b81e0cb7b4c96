using Bot.Core.Commands;
using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Library.State;
using Bot.Library.Storage;
using Bot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Scheduling;

public sealed class SubscriptionCommandsTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));
    private readonly SqlStateStore _store;
    private readonly RecordingScheduler _scheduler = new();
    private readonly SubscriptionCommands _commands;

    public SubscriptionCommandsTests()
    {
        _store = SqlStateStore.ForSqlite(new BotDatabase(_dir.Path), _time);
        _commands = new SubscriptionCommands(_store, _scheduler, new KnownSections(null), new SubscriptionDefaults(), _time);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task SubscribeAsync_StoresTheChannelAndSchedulesIt()
    {
        var reply = await _commands.SubscribeAsync("slack", "T1", "C0123", new SubscribeArguments(Sections: "papers, news"));

        var text = Assert.IsType<TextReply>(reply).Text;
        var stored = Assert.Single(await _store.ListSubscriptionsAsync());
        Assert.Equal(("slack-c0123", "slack", "slack:channel:C0123"), (stored.Name, stored.Source, stored.Target));
        Assert.Equal(["papers", "news"], stored.Sections);
        Assert.Equal(["slack-c0123"], _scheduler.Registered);
        Assert.Contains("Next post: 2026-11-30 09:00 (Asia/Seoul)", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("paperz", null, null, "There is no section 'paperz'.", "Did you mean 'papers'?")]
    [InlineData(null, "every monday", null, "is not a cron expression", "0 9 * * MON")]
    [InlineData(null, null, "Seoul", "'Seoul' is not a time zone I know.", "IANA")]
    public async Task SubscribeAsync_ExplainsBadOptions_AndStoresNothing(string? sections, string? cron, string? zone, string message, string hint)
    {
        var reply = await _commands.SubscribeAsync("discord", "G1", "123456", new SubscribeArguments(Sections: sections, Cron: cron, TimeZone: zone));

        var error = Assert.IsType<ErrorReply>(reply);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains(hint, error.Hint, StringComparison.Ordinal);
        Assert.Empty(await _store.ListSubscriptionsAsync());
    }

    [Fact]
    public async Task UnsubscribeAsync_RemovesTheJob_ButOnlyForTheSameChannel()
    {
        await _commands.SubscribeAsync("discord", "G1", "111", new SubscribeArguments(Name: "papers-weekly"));

        var otherChannel = await _commands.UnsubscribeAsync("discord", "G1", "222", "papers-weekly");
        var sameChannel = await _commands.UnsubscribeAsync("discord", "G1", "111", "papers-weekly");

        Assert.IsType<ErrorReply>(otherChannel);
        Assert.IsType<TextReply>(sameChannel);
        Assert.Empty(await _store.ListSubscriptionsAsync());
        Assert.Equal(["papers-weekly"], _scheduler.Removed);
    }

    [Fact]
    public async Task UnsubscribeAsync_RefusesConfiguredSubscriptions()
    {
        await _store.UpsertSubscriptionAsync(new SubscriptionRecord(0, "ops", "config", "slack:channel:C9", ["*"], [], [], "0 9 * * MON", "Asia/Seoul", 5, TimeSpan.Zero, false, null));

        var reply = await _commands.UnsubscribeAsync("slack", "T1", "C9", "ops");

        Assert.Contains("appsettings.json", Assert.IsType<ErrorReply>(reply).Hint, StringComparison.Ordinal);
        Assert.Single(await _store.ListSubscriptionsAsync());
    }

    [Fact]
    public async Task ListAsync_ShowsOnlyThisChannelsSubscriptions()
    {
        await _commands.SubscribeAsync("slack", "T1", "C1", new SubscribeArguments(Name: "one"));
        await _commands.SubscribeAsync("slack", "T1", "C2", new SubscribeArguments(Name: "two"));

        var text = Assert.IsType<TextReply>(await _commands.ListAsync("slack", "C1")).Text;
        var empty = Assert.IsType<TextReply>(await _commands.ListAsync("slack", "C3")).Text;

        Assert.Contains("one", text, StringComparison.Ordinal);
        Assert.DoesNotContain("two", text, StringComparison.Ordinal);
        Assert.Contains("no subscriptions", empty, StringComparison.Ordinal);
    }

    private sealed class RecordingScheduler : ISubscriptionScheduler
    {
        public List<string> Registered { get; } = [];

        public List<string> Removed { get; } = [];

        public void Register(SubscriptionRecord subscription) => Registered.Add(subscription.Name);

        public void Remove(SubscriptionRecord subscription) => Removed.Add(subscription.Name);
    }
}
