using Bot.Slack.Api;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Slack.Tests;

public sealed class ChannelPacerTests
{
    [Fact]
    public async Task WaitTurn_HoldsSecondMessageToSameChannel_UntilIntervalPasses()
    {
        var clock = new FakeTimeProvider();
        var pacer = new ChannelPacer(clock);
        await pacer.WaitTurnAsync("C1", TimeSpan.FromSeconds(1));

        var second = pacer.WaitTurnAsync("C1", TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromMilliseconds(900));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task WaitTurn_LetsOtherChannelsGoAtOnce()
    {
        var clock = new FakeTimeProvider();
        var pacer = new ChannelPacer(clock);
        await pacer.WaitTurnAsync("C1", TimeSpan.FromSeconds(1));

        var other = pacer.WaitTurnAsync("C2", TimeSpan.FromSeconds(1));
        Assert.True(other.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Defer_PushesTheChannelsNextSlotBack()
    {
        var clock = new FakeTimeProvider();
        var pacer = new ChannelPacer(clock);
        await pacer.WaitTurnAsync("C1", TimeSpan.FromSeconds(1));
        pacer.Defer("C1", TimeSpan.FromSeconds(30));

        var next = pacer.WaitTurnAsync("C1", TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(next.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
