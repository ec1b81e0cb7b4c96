using System.Globalization;
using Bot.Core.Posting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests;

public sealed class DiscordTargetCheckTests
{
    [Fact]
    public async Task CheckAsync_OfManyChannelsInOneGuild_AsksForTheBotAndItsRolesOnce_AndForTheRolesAgainAfterAWhile()
    {
        // A start checks every subscription's channel; per channel, GET users/@me and the guild's roles would queue on
        // Discord's per-route limits (a few per window per token) and hold the start for most of a minute.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await DiscordClientHarness.StartAsync(configure: s => s.AddSingleton<TimeProvider>(time));
        var fake = harness.Fake;
        fake.SetRole("701", 0);
        fake.SetBotRoles("701");
        fake.AddOverwrite("9320", fake.Options.GuildId, 0, allow: 0, deny: 1UL << 11);
        var check = harness.Services.GetServices<ITargetCheck>().Single(c => c.Platform == "discord");

        var verdicts = new List<string?>();
        for (var i = 0; i < 12; i++)
        {
            verdicts.Add(await check.CheckAsync(new PostTarget("discord", "channel", (9300 + i).ToString(CultureInfo.InvariantCulture)), thread: false));
        }

        time.Advance(TimeSpan.FromMinutes(1));
        var later = await check.CheckAsync(new PostTarget("discord", "channel", "9320"), thread: false);

        Assert.All(verdicts, Assert.Null);
        Assert.Contains("Send Messages", later, StringComparison.Ordinal);
        Assert.Equal(1, fake.Requests.Count(r => r.Template == "GET users/@me"));
        Assert.Equal(2, fake.Requests.Count(r => r.Template == "GET guilds/{guild_id}/roles"));
        Assert.Equal(2, fake.Requests.Count(r => r.Template == "GET guilds/{guild_id}/members/{user_id}"));
        Assert.Equal(13, fake.Requests.Count(r => r.Template == "GET channels/{channel_id}"));
    }
}
