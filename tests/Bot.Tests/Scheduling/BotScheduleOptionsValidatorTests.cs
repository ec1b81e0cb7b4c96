using Bot.Core.Posting;
using Bot.Posting;
using Bot.Scheduling;

namespace Bot.Tests.Scheduling;

public sealed class BotScheduleOptionsValidatorTests
{
    private readonly BotScheduleOptionsValidator _validator = new(new TargetGrammar([new Bot.Discord.Posting.DiscordTargetScheme(), new Bot.Slack.Posting.SlackTargetScheme()]));

    [Fact]
    public void Validate_Succeeds_ForTheEmbeddedDefault()
    {
        var result = _validator.Validate(null, Options(Subscription()));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("Cron", "0 9 * MON", "Bot:Subscriptions:0:Cron ('weekly-console'): '0 9 * MON' is not a cron expression: write five fields")]
    [InlineData("TimeZone", "Asia/Seol", "Bot:Subscriptions:0:TimeZone ('weekly-console'): 'Asia/Seol' is not a time zone; use an IANA name")]
    [InlineData("Target", "discord:chanel:123", "Bot:Subscriptions:0:Target ('weekly-console'): 'discord:chanel:123' is not a target; use console, discord:channel:<id>")]
    [InlineData("SectionSpacing", "one day", "Bot:Subscriptions:0:SectionSpacing ('weekly-console'): 'one day' is not a spacing; write 00:00:00")]
    public void Validate_NamesTheSettingAndTheFix_ForABadValue(string setting, string value, string expected)
    {
        var s = Subscription();
        switch (setting)
        {
            case "Cron": s.Cron = value; break;
            case "TimeZone": s.TimeZone = value; break;
            case "Target": s.Target = value; break;
            case "SectionSpacing": s.SectionSpacing = value; break;
        }

        var result = _validator.Validate(null, Options(s));

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("discord:channel:123456", "Bot:Discord:BotToken is empty; set the environment variable Bot__Discord__BotToken")]
    [InlineData("slack:channel:C0123", "Bot:Slack:BotToken is empty; set the environment variable Bot__Slack__BotToken")]
    public void Validate_AsksForTheToken_WhenAChannelTargetHasNone(string target, string expected)
    {
        var s = Subscription();
        s.Target = target;

        var result = _validator.Validate(null, Options(s));

        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AcceptsAWebhookTarget_WithoutABotToken_AndNeverPrintsTheWebhookToken()
    {
        var good = Subscription();
        good.Target = "discord:webhook:https://discord.com/api/webhooks/123/SECRET-TOKEN";
        var bad = Subscription("other");
        bad.Target = "slack:hook:https://hooks.slack.com/services/T1/B2/SECRET-TOKEN";

        var result = _validator.Validate(null, Options(good, bad));

        Assert.Single(result.Failures!);
        Assert.DoesNotContain("SECRET-TOKEN", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LeavesSectionKeysToTheStartUpCheck_ReadingNoSources()
    {
        // Section keys are checked after the start-up ingest (SectionKeyStartupCheck); options validation reads no files.
        var s = Subscription();
        s.Sections = ["no-such-section-anywhere"];

        var result = _validator.Validate(null, Options(s));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_ReportsEveryProblemAtOnce_IncludingDuplicateNamesAndDefaults()
    {
        var options = Options(Subscription(), Subscription());
        options.TimeZone = "Mars/Olympus";
        options.Scheduling.Storage = "Redis";
        options.Dashboard.Username = "admin";

        var failures = _validator.Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("Bot:Subscriptions:1:Name: 'weekly-console' is used by another subscription", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Bot:TimeZone: 'Mars/Olympus' is not a time zone", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Bot:Scheduling:Storage: 'Redis' is not a storage; use Sqlite", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Bot:Dashboard: set both Username and Password", StringComparison.Ordinal));
    }

    private static SubscriptionOptions Subscription(string name = "weekly-console") => new()
    {
        Name = name,
        Target = "console",
        Sections = ["*"],
        Cron = "0 9 * * MON",
        TimeZone = "Asia/Seoul",
        EntriesPerSection = 5,
        SectionSpacing = "00:00:00",
    };

    private static BotScheduleOptions Options(params SubscriptionOptions[] subscriptions) => new() { TimeZone = "Asia/Seoul", Subscriptions = [.. subscriptions] };
}
