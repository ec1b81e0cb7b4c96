using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Slack.Api;
using Bot.Slack.Posting;
using Bot.TestSupport.FakeSlack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Slack.Tests;

/// <summary>
/// Issue 12: conversations.history as Slack allows it for apps outside its directory: at most one call a minute per
/// method and 15 messages, and a look-up reads only from the doubtful attempt on (<c>oldest</c>). On a fake clock.
/// </summary>
public sealed class SlackHistoryPacingTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TwoLookUps_AreAMinuteApart_OnTheClock_AndNeitherAsksForMoreThan15()
    {
        var time = new FakeTimeProvider(Start);
        await using var fake = await FakeSlackServer.StartAsync(new FakeSlackOptions { PostInterval = TimeSpan.Zero, HistoryInterval = TimeSpan.FromMinutes(1), Time = time });
        await using var services = Services(fake, time);
        var client = services.GetRequiredService<SlackApiClient>();

        await client.ConversationsHistoryAsync("CPACE");
        var second = client.ConversationsHistoryAsync("CPACE");
        var waited = TimeSpan.Zero;
        while (!second.IsCompleted && waited < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(10);
            time.Advance(TimeSpan.FromSeconds(5));
            waited += TimeSpan.FromSeconds(5);
        }

        await second;
        var calls = fake.Requests.Where(r => r.Method == "conversations.history").ToList();
        Assert.Equal(2, calls.Count);
        Assert.True(waited >= TimeSpan.FromSeconds(55), $"the second call went out after {waited}");
        Assert.All(calls, c => Assert.InRange(int.Parse(c.Body["limit"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), 1, 15));
        Assert.Empty(fake.Rejections);
    }

    [Fact]
    public async Task ALookUp_ReadsFromTheDoubtfulAttemptOn_AndDoesNotTakeAnOlderPostForIt()
    {
        var time = new FakeTimeProvider(Start);
        await using var fake = await FakeSlackServer.StartAsync(new FakeSlackOptions { PostInterval = TimeSpan.Zero, Time = time });
        await using var services = Services(fake, time);
        var poster = services.GetRequiredService<SlackSectionPoster>();
        var target = new PostTarget("slack", "channel", "COLD");
        var post = new SectionPost("sub/d1/papers", new SectionHighlight("d1", "Digest", null, null, "papers", "Papers", [new HighlightItem("d1#1", "Entry", null, null)], 0));
        await poster.PostAsync(target, post);
        time.Advance(TimeSpan.FromHours(2));

        var found = await poster.FindPostedAsync(target, post with { AttemptedAt = time.GetUtcNow() });

        Assert.Null(found);
        var query = Assert.Single(fake.Requests, r => r.Method == "conversations.history").Body;
        var oldest = double.Parse(query["oldest"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((time.GetUtcNow() - SlackSectionPoster.ClockMargin).ToUnixTimeSeconds(), (long)oldest);
    }

    private static ServiceProvider Services(FakeSlackServer fake, TimeProvider time)
    {
        var settings = TestServices.Settings(fake);
        settings["Bot:Slack:HistoryInterval"] = "00:01:00";
        settings["Bot:Slack:RequestTimeout"] = "01:00:00";
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddBotSlack(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }
}
