using Bot.Core.Posting;
using Bot.Discord.Posting;
using Bot.Discord.Wire;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Discord.Tests;

/// <summary>
/// Issue 12: the bot's effective permissions in a channel, computed as Discord documents it, checked against values
/// worked out by hand; and the start-up / <c>/subscribe</c> check refusing a channel where the bot cannot post.
/// </summary>
public sealed class DiscordPermissionsTests
{
    private const string Guild = "300";
    private const string Bot = "500";
    private const ulong View = 1024, Send = 2048, Embed = 16384, History = 65536, Admin = 8;

    private static readonly DiscordRole[] Roles =
    [
        new(Guild, (View | Send).ToString(System.Globalization.CultureInfo.InvariantCulture)),  // @everyone: 3072
        new("601", Embed.ToString(System.Globalization.CultureInfo.InvariantCulture)),          // 16384
        new("602", History.ToString(System.Globalization.CultureInfo.InvariantCulture)),        // 65536
        new("603", Admin.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    [Fact]
    public void BasePermissions_AreEveryoneOrTheMembersRoles()
        => Assert.Equal(3072UL + 16384 + 65536, DiscordPermissions.Compute(Guild, Bot, Roles, ["601", "602"], null));

    [Fact]
    public void EveryoneOverwrite_ThenRoleOverwrites_ThenMemberOverwrite()
    {
        // base 3072|16384 = 19456; @everyone denies Send: 17408; role 601 allows Send, role 602's overwrite (not held)
        // is ignored: 19456; the member overwrite denies Embed: 3072.
        PermissionOverwrite[] overwrites =
        [
            new(Guild, 0, "0", "2048"),
            new("601", 0, "2048", "0"),
            new("602", 0, "0", "1024"),
            new(Bot, 1, "0", "16384"),
        ];

        Assert.Equal(17408UL, DiscordPermissions.Compute(Guild, Bot, Roles, ["601"], overwrites[..1]));
        Assert.Equal(19456UL, DiscordPermissions.Compute(Guild, Bot, Roles, ["601"], overwrites[..3]));
        Assert.Equal(3072UL, DiscordPermissions.Compute(Guild, Bot, Roles, ["601"], overwrites));
    }

    [Fact]
    public void RoleOverwrites_AllowWinsOverDenyAmongRoles()
    {
        // Role allows and denies are combined first, then applied: deny View from 601, allow View from 602 -> View kept.
        PermissionOverwrite[] overwrites = [new("601", 0, "0", "1024"), new("602", 0, "1024", "0")];

        Assert.Equal(3072UL + 16384 + 65536, DiscordPermissions.Compute(Guild, Bot, Roles, ["601", "602"], overwrites));
    }

    [Fact]
    public void Administrator_BypassesEveryOverwrite()
        => Assert.Equal(ulong.MaxValue, DiscordPermissions.Compute(Guild, Bot, Roles, ["603"], [new(Guild, 0, "0", "3072"), new(Bot, 1, "0", "3072")]));

    [Fact]
    public async Task TargetCheck_RefusesAChannelWhereAnOverwriteTakesSendMessagesAway_AndAcceptsItWhenARoleGivesItBack()
    {
        await using var harness = await DiscordClientHarness.StartAsync();
        var fake = harness.Fake;
        var guild = fake.Options.GuildId;
        fake.SetRole("701", 0);
        fake.SetBotRoles("701");
        fake.AddOverwrite("9201", guild, 0, allow: 0, deny: 1UL << 11);
        fake.AddOverwrite("9202", guild, 0, allow: 0, deny: 1UL << 11);
        fake.AddOverwrite("9202", "701", 0, allow: 1UL << 11, deny: 0);
        fake.AddOverwrite("9203", fake.BotUserId, 1, allow: 0, deny: 1UL << 14);
        var check = harness.Services.GetServices<ITargetCheck>().Single(c => c.Platform == "discord");

        var denied = await check.CheckAsync(new PostTarget("discord", "channel", "9201"), thread: false);
        var allowed = await check.CheckAsync(new PostTarget("discord", "channel", "9202"), thread: false);
        var noEmbeds = await check.CheckAsync(new PostTarget("discord", "channel", "9203"), thread: false);

        Assert.Contains("Send Messages", denied, StringComparison.Ordinal);
        Assert.Null(allowed);
        Assert.Contains("Embed Links", noEmbeds, StringComparison.Ordinal);
    }
}
