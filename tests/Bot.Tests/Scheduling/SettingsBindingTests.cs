using Bot.Scheduling;
using Bot.TestSupport;
using Bot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Scheduling;

/// <summary>A subscription value that does not convert stops the start (the binder used to drop the whole subscription).</summary>
public sealed class SettingsBindingTests
{
    [Theory]
    [InlineData("EntriesPerSection", "abc", "Bot:Subscriptions:0:EntriesPerSection: 'abc' is not a whole number")]
    [InlineData("Thread", "maybe", "Bot:Subscriptions:0:Thread: 'maybe' is not true or false")]
    public void StartUpValidation_Fails_NamingTheSetting_WhenAValueDoesNotConvert(string key, string value, string expected)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => StartUpOptions(new() { [$"Bot:Subscriptions:0:{key}"] = value }));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Theory]
    [InlineData("MaxSubscriptionsPerChannel", "0")]
    [InlineData("MaxSubscriptionsPerGuild", "-5")]
    [InlineData("MaxSubscriptionsPerGuild", "lots")]
    [InlineData("MinCronInterval", "-01:00:00")]
    [InlineData("MinCronInterval", "hourly")]
    public void StartUpValidation_Fails_NamingTheSetting_WhenACommandLimitCannotWork(string key, string value)
    {
        // Issue 13: these limits were read with GetValue, so 0 or less was accepted and a word threw at the first /subscribe.
        var ex = Assert.Throws<OptionsValidationException>(() => StartUpOptions(new() { [$"Bot:Commands:{key}"] = value }));

        Assert.Contains($"Bot:Commands:{key}: '{value}'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void StartUpValidation_Fails_WhenASubscriptionHasNoCron()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => StartUpOptions(new() { ["Bot:Subscriptions:0:Cron"] = null }));

        Assert.Contains("Bot:Subscriptions:0:Cron ('weekly-console') is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PublishedTrigger_NeedsNoCron()
    {
        var result = Validate(new() { ["Bot:Subscriptions:0:Name"] = "news", ["Bot:Subscriptions:0:Target"] = "console", ["Bot:Subscriptions:0:Trigger"] = "Published" }, out var log);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Empty(log.Lines);
    }

    [Fact]
    public void MisspelledKeys_AreWarnedWithDidYouMean()
    {
        var result = Validate(new()
        {
            ["Bot:Subscriptions:0:Name"] = "news",
            ["Bot:Subscriptions:0:Cron"] = "0 9 * * MON",
            ["Bot:Subscriptions:0:Crom"] = "0 9 * * TUE",
            ["Bot:Subscriptions:0:Sectons:0"] = "papers",
            ["Bot:Scheduling:CatchUpWindo"] = "01:00:00",
        }, out var log);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Contains(log.Lines, l => l.Contains("Bot:Subscriptions:0:Crom: unknown setting 'Crom' (did you mean 'Cron'?)", StringComparison.Ordinal));
        Assert.Contains(log.Lines, l => l.Contains("Bot:Subscriptions:0:Sectons: unknown setting 'Sectons' (did you mean 'Sections'?)", StringComparison.Ordinal));
        Assert.Contains(log.Lines, l => l.Contains("Bot:Scheduling:CatchUpWindo: unknown setting 'CatchUpWindo' (did you mean 'CatchUpWindow'?)", StringComparison.Ordinal));
    }

    [Fact]
    public void TheEmbeddedDefault_HasNoUnknownKeysAndConverts()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepoPaths.Root, "appsettings.json")).Build();
        using var log = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(log));

        var result = new BotSettingsBindingValidator(configuration.GetSection("Bot"), factory.CreateLogger<BotSettingsBindingValidator>()).Validate(null, new BotScheduleOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Empty(log.Lines);
    }

    /// <summary>The options as the host's start-up validation (ValidateOnStart) resolves them, over the embedded default subscription.</summary>
    private static BotScheduleOptions StartUpOptions(Dictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bot:Subscriptions:0:Name"] = "weekly-console",
            ["Bot:Subscriptions:0:Target"] = "console",
            ["Bot:Subscriptions:0:Sections:0"] = "*",
            ["Bot:Subscriptions:0:Cron"] = "0 9 * * MON",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddBotScheduling(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<BotScheduleOptions>>().Value;
    }

    private static ValidateOptionsResult Validate(Dictionary<string, string?> settings, out CapturingLoggerProvider log)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var provider = new CapturingLoggerProvider();
        log = provider;
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider));
        return new BotSettingsBindingValidator(configuration.GetSection("Bot"), factory.CreateLogger<BotSettingsBindingValidator>()).Validate(null, new BotScheduleOptions());
    }
}
