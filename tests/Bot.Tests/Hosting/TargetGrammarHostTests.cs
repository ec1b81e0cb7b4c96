using Bot.Core.Posting;
using Bot.Hosting;
using Bot.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Hosting;

// Issue 11: Core no longer spells the platforms; the host's grammar is what Bot.Discord and Bot.Slack register, and the
// start-up error for a bad target is the one operators saw before (text from the release before the change).
public sealed class TargetGrammarHostTests
{
    [Fact]
    public void TheHostsGrammar_IsWhatTheAdaptersRegister()
    {
        using var provider = Services(new() { ["Bot:Subscriptions:0:Target"] = "console" });

        Assert.Equal(
            ["console", "discord:channel:<id>", "discord:webhook:<url>", "slack:channel:<id>", "slack:webhook:<url>"],
            provider.GetRequiredService<TargetGrammar>().Forms);
    }

    [Theory]
    [InlineData("discord:webhook:https://discord.com/api/webhooks/123/SECRET-TOKEN")]
    [InlineData("slack:webhook:https://hooks.slack.com/services/T1/B2/SECRET-TOKEN")]
    [InlineData("console")]
    public void EveryExistingTargetString_StillStarts(string target)
    {
        using var provider = Services(new() { ["Bot:Subscriptions:0:Target"] = target });

        Assert.Equal(target, provider.GetRequiredService<IOptions<BotScheduleOptions>>().Value.Subscriptions[0].Target);
    }

    [Fact]
    public void ABadTarget_StopsTheStart_NamingTheSettingAndEveryForm()
    {
        using var provider = Services(new() { ["Bot:Subscriptions:0:Target"] = "discrod:channel:123" });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BotScheduleOptions>>().Value);

        Assert.Contains(
            "Bot:Subscriptions:0:Target ('weekly'): 'discrod:channel:123' is not a target; use console, discord:channel:<id>, discord:webhook:<url>, slack:channel:<id> or slack:webhook:<url>",
            ex.Message,
            StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bot:DataDirectory"] = Path.Combine(Path.GetTempPath(), "bot-grammar-" + Guid.NewGuid().ToString("N")[..8]),
            ["Bot:Subscriptions:0:Name"] = "weekly",
            ["Bot:Subscriptions:0:Sections:0"] = "*",
            ["Bot:Subscriptions:0:Cron"] = "0 9 * * MON",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddBotServices(configuration);
        return services.BuildServiceProvider();
    }
}
