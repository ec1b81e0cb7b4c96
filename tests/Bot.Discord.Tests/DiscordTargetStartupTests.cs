using Bot.TestSupport.FakeDiscord;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Tests;

/// <summary>
/// Target setups that can only fail are refused when the host starts, one line naming the setting and the fix
/// (Discord's answers for them: 40058, 40067, 220001, 220003).
/// </summary>
public sealed class DiscordTargetStartupTests
{
    private static Dictionary<string, string?> Subscription(string target, bool thread = false, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bot:Subscriptions:1:Name"] = "contract",
            ["Bot:Subscriptions:1:Target"] = target,
            ["Bot:Subscriptions:1:Cron"] = "0 9 * * MON",
            ["Bot:Subscriptions:1:Thread"] = thread ? "true" : "false",
        };
        foreach (var (key, value) in more)
        {
            settings["Bot:Subscriptions:1:" + key] = value;
        }

        return settings;
    }

    /// <summary>
    /// Builds the real <c>serve</c> host (not WebApplicationFactory, whose CLI entry turns the failure into a printed
    /// line) against a fake Discord, and starts it.
    /// </summary>
    private static async Task<(FakeDiscordServer Fake, Exception? Error)> StartAsync(Func<FakeDiscordServer, IDictionary<string, string?>> arrange)
    {
        var fake = await FakeDiscordServer.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "bot-target-tests-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Bot:Digests:Watch"] = "false",
            ["Bot:Templates:Path"] = Path.Combine(RepoPaths.Root, "templates"),
            ["Bot:Discord:ApiBaseUrl"] = fake.ApiBaseUrl,
            ["Bot:Discord:BotToken"] = fake.Options.BotToken,
            ["Bot:Discord:ApplicationId"] = fake.Options.ApplicationId,
            ["Bot:Discord:MaxRetries"] = "0",
            ["Bot:Subscriptions:0:Name"] = "weekly-console",
            ["Bot:Subscriptions:0:Target"] = "console",
            ["Bot:Subscriptions:0:Cron"] = "0 9 * * MON",
        };
        foreach (var (key, value) in arrange(fake))
        {
            settings[key] = value;
        }

        Exception? error = null;
        await using (var app = Bot.Hosting.BotWebHost.Build([.. settings.Select(p => $"--{p.Key}={p.Value}")], data))
        {
            try
            {
                await app.StartAsync();
                await app.StopAsync();
            }
            catch (OptionsValidationException ex)
            {
                error = ex;
            }
        }

        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }

        return (fake, error);
    }

    private static async Task<string> StartFailureAsync(Func<FakeDiscordServer, IDictionary<string, string?>> arrange)
    {
        var (fake, error) = await StartAsync(arrange);
        await fake.DisposeAsync();
        var validation = Assert.IsType<OptionsValidationException>(error);
        var line = Assert.Single(validation.Failures);
        Assert.DoesNotContain('\n', line);
        Assert.StartsWith("Bot:Subscriptions:1:Target ('contract'):", line, StringComparison.Ordinal);
        return line;
    }

    [Fact]
    public async Task ManyChannelTargetsInOneGuild_ReadTheBotsUserMemberAndRolesOnce()
    {
        // A cluster's hosts start with the same 20 subscriptions: per target, these reads met Discord's per-route limits
        // (5 per 5 s here) and held each host's start for 20 s of 429 waits.
        var (fake, error) = await StartAsync(_ => Enumerable.Range(1, 12)
            .SelectMany(i => Subscription("discord:channel:" + (6000 + i)).Select(p => (Key: p.Key.Replace(":1:", $":{i}:", StringComparison.Ordinal), Value: p.Value is "contract" ? "contract-" + i : p.Value)))
            .ToDictionary(p => p.Key, p => p.Value));
        await fake.DisposeAsync();

        Assert.Null(error);
        Assert.Equal(12, fake.Requests.Count(r => r.Template == "GET channels/{channel_id}"));
        Assert.Equal(1, fake.Requests.Count(r => r.Template == "GET users/@me"));
        Assert.Equal(1, fake.Requests.Count(r => r.Template == "GET guilds/{guild_id}/roles"));
        Assert.Equal(1, fake.Requests.Count(r => r.Template == "GET guilds/{guild_id}/members/{user_id}"));
        Assert.DoesNotContain(fake.Requests, r => r.Status == 429);
    }

    [Fact]
    public async Task ForumChannel_WithoutThreadMode_IsRefused()
    {
        var line = await StartFailureAsync(fake =>
        {
            fake.AddForumChannel("5001");
            return Subscription("discord:channel:5001");
        });

        Assert.Contains("Thread: true", line, StringComparison.Ordinal);
        Assert.Contains("40058", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForumRequiringATag_WithoutAppliedTags_IsRefused_AndListsTheTags()
    {
        var line = await StartFailureAsync(fake =>
        {
            fake.AddForumChannel("5002", requireTag: true, "801", "802");
            return Subscription("discord:channel:5002", thread: true);
        });

        Assert.Contains("AppliedTags", line, StringComparison.Ordinal);
        Assert.Contains("801", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppliedTags_ThatTheForumDoesNotHave_AreRefused()
    {
        var line = await StartFailureAsync(fake =>
        {
            fake.AddForumChannel("5002", requireTag: true, "801");
            return Subscription("discord:channel:5002", thread: true, ("AppliedTags:0", "999"));
        });

        Assert.Contains("'999' is not a tag", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThreadMode_OnAPlainWebhook_IsRefused()
    {
        var line = await StartFailureAsync(fake => Subscription("discord:webhook:" + fake.CreateWebhook("5003"), thread: true));

        Assert.Contains("220003", line, StringComparison.Ordinal);
        Assert.Contains("Thread: false", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForumWebhook_WithoutThreadMode_IsRefused()
    {
        var line = await StartFailureAsync(fake => Subscription("discord:webhook:" + fake.CreateWebhook("5004", forum: true)));

        Assert.Contains("220001", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedWebhook_IsRefused()
    {
        var line = await StartFailureAsync(_ => Subscription("discord:webhook:https://discord.com/api/webhooks/123/gone"));

        Assert.Contains("copy the URL again", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crosspost_OutsideAnAnnouncementChannel_IsRefused()
    {
        var line = await StartFailureAsync(_ => Subscription("discord:channel:5005", more: ("Crosspost", "true")));

        Assert.Contains("Crosspost", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkableSetups_Start()
    {
        var (fake, error) = await StartAsync(fake =>
        {
            fake.AddForumChannel("5006", requireTag: true, "811");
            fake.AddAnnouncementChannel("5007");
            var settings = Subscription("discord:channel:5006", thread: true, ("AppliedTags:0", "811"));
            settings["Bot:Subscriptions:2:Name"] = "news";
            settings["Bot:Subscriptions:2:Target"] = "discord:channel:5007";
            settings["Bot:Subscriptions:2:Cron"] = "0 9 * * MON";
            settings["Bot:Subscriptions:2:Crosspost"] = "true";
            settings["Bot:Subscriptions:3:Name"] = "hook";
            settings["Bot:Subscriptions:3:Target"] = "discord:webhook:" + fake.CreateWebhook("5008", forum: true);
            settings["Bot:Subscriptions:3:Cron"] = "0 9 * * MON";
            settings["Bot:Subscriptions:3:Thread"] = "true";
            return settings;
        });
        await using (fake)
        {
            Assert.Null(error);
            Assert.Equal(3, fake.Requests.Count(r => r.Template == "GET channels/{channel_id}"));
            Assert.Empty(fake.Rejections);
        }
    }
}
