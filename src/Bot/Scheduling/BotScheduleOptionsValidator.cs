using Bot.Core.Posting;
using Bot.Posting;
using Microsoft.Extensions.Options;

namespace Bot.Scheduling;

/// <summary>
/// Validates subscriptions and scheduling settings at start (<c>ValidateOnStart</c>): every failure names the
/// setting and says how to fix it, and the host does not start until all are fixed. It reads no files: section keys
/// are checked against the library after the start-up ingest (<see cref="Bot.Hosting.SectionKeyStartupCheck"/>).
/// </summary>
internal sealed class BotScheduleOptionsValidator(TargetGrammar grammar) : IValidateOptions<BotScheduleOptions>
{

    public ValidateOptionsResult Validate(string? name, BotScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? string.Empty, out _))
        {
            failures.Add($"Bot:TimeZone: '{options.TimeZone}' is not a time zone; use an IANA name such as Asia/Seoul or Europe/Berlin.");
        }

        ValidateScheduling(options, failures);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Subscriptions.Count; i++)
        {
            var s = options.Subscriptions[i];
            var at = $"Bot:Subscriptions:{i}";
            var label = string.IsNullOrWhiteSpace(s.Name) ? string.Empty : $" ('{s.Name}')";
            if (string.IsNullOrWhiteSpace(s.Name))
            {
                failures.Add($"{at}:Name is empty; give the subscription a unique name such as weekly-news.");
            }
            else if (!names.Add(s.Name.Trim()))
            {
                failures.Add($"{at}:Name: '{s.Name}' is used by another subscription; names must be unique.");
            }

            ValidateTarget(s, at, label, options, failures);
            if (!CronSchedule.TryParse(s.Cron, out _, out var cronError))
            {
                failures.Add($"{at}:Cron{label}: {cronError}.");
            }

            if (!PublishedTrigger.IsValid(s.Trigger))
            {
                failures.Add($"{at}:Trigger{label}: '{s.Trigger}' is not a trigger; use Cron (the default) or Published.");
            }

            var zone = string.IsNullOrWhiteSpace(s.TimeZone) ? options.TimeZone : s.TimeZone;
            if (!string.IsNullOrWhiteSpace(s.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(zone!, out _))
            {
                failures.Add($"{at}:TimeZone{label}: '{s.TimeZone}' is not a time zone; use an IANA name such as Asia/Seoul, or leave it empty for Bot:TimeZone.");
            }

            if (s.EntriesPerSection is < 1 or > 25)
            {
                failures.Add($"{at}:EntriesPerSection{label}: {s.EntriesPerSection} is out of range; use 1 to 25.");
            }

            if (!SectionSpacing.TryParse(s.SectionSpacing, out _))
            {
                failures.Add($"{at}:SectionSpacing{label}: '{s.SectionSpacing}' is not a spacing; write 00:00:00 for back to back, or e.g. 1.00:00:00 for one section a day (at most 7 days).");
            }

            if (s.MentionRoleId is { Length: > 0 } role && !role.All(char.IsAsciiLetterOrDigit))
            {
                failures.Add($"{at}:MentionRoleId{label}: '{role}' is not a role id; use the role's numeric id, or null to mention nobody.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures.Select(f => f.TrimEnd('.')));
    }

    private void ValidateTarget(SubscriptionOptions s, string at, string label, BotScheduleOptions options, List<string> failures)
    {
        if (!grammar.TryParse(s.Target, out var target, out var error))
        {
            failures.Add($"{at}:Target{label}: {error}.");
            return;
        }

        if (target!.Platform == "discord" && target.Kind == "webhook" && !Bot.Discord.Rest.DiscordWebhookUrl.TryParse(target.Value, out _, out var urlError))
        {
            failures.Add($"{at}:Target{label}: the URL {urlError}.");
            return;
        }

        if (target.Platform == "slack" && Bot.Slack.Posting.SlackTargetCheck.Check(target with { Options = SubscriptionMapper.TargetOptions(s) }, s.Thread, hasToken: true) is { } slackProblem)
        {
            failures.Add($"{at}:Target{label}: {slackProblem}.");
        }

        if (target.Kind != "channel" || target.Platform is not ("discord" or "slack"))
        {
            return;
        }

        var (token, setting, variable) = target.Platform == "discord"
            ? (options.Discord.BotToken, "Bot:Discord:BotToken", "Bot__Discord__BotToken")
            : (options.Slack.BotToken, "Bot:Slack:BotToken", "Bot__Slack__BotToken");
        if (string.IsNullOrWhiteSpace(token))
        {
            failures.Add($"{at}:Target{label} posts to a {target.Platform} channel, but {setting} is empty; set the environment variable {variable} "
                + $"(or `dotnet user-secrets set {setting} <token> --project src/Bot`), or use a {target.Platform}:webhook:<url> target.");
        }
    }

    private static bool IsConnectionString(string text)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(new Npgsql.NpgsqlConnectionStringBuilder(text).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void ValidateScheduling(BotScheduleOptions options, List<string> failures)
    {
        var scheduling = options.Scheduling;
        if (!scheduling.Storage.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) && !StateStoreFactory.IsMemory(scheduling) && !StateStoreFactory.IsPostgres(scheduling))
        {
            failures.Add($"Bot:Scheduling:Storage: '{scheduling.Storage}' is not a storage; use Sqlite (the default), Memory or PostgreSql.");
        }
        else if (scheduling.Storage.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(scheduling.ConnectionString))
        {
            failures.Add("Bot:Scheduling:ConnectionString is empty but Bot:Scheduling:Storage is PostgreSql; set Bot__Scheduling__ConnectionString (Host=…;Database=…;Username=…;Password=…).");
        }
        else if (scheduling.Storage.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase) && !IsConnectionString(scheduling.ConnectionString))
        {
            // The value itself is not repeated: it may hold a password.
            failures.Add("Bot:Scheduling:ConnectionString is not a PostgreSQL connection string; write it as Host=…;Port=5432;Database=…;Username=…;Password=….");
        }

        if (scheduling.Workers is < 1 or > 64)
        {
            failures.Add($"Bot:Scheduling:Workers: {scheduling.Workers} is out of range; use 1 to 64 (8 is the default).");
        }

        if (scheduling.CatchUpWindow < TimeSpan.Zero)
        {
            failures.Add($"Bot:Scheduling:CatchUpWindow: {scheduling.CatchUpWindow} is negative; use e.g. 1.00:00:00 (24 hours), or 00:00:00 to never catch up.");
        }

        if (scheduling.PostOnFirstStart is not ("Console" or "All" or "None"))
        {
            failures.Add($"Bot:Scheduling:PostOnFirstStart: '{scheduling.PostOnFirstStart}' is not a choice; use Console (the default), All or None.");
        }

        if (string.IsNullOrEmpty(options.Dashboard.Username) != string.IsNullOrEmpty(options.Dashboard.Password))
        {
            failures.Add("Bot:Dashboard: set both Username and Password (for basic auth on /hangfire), or neither (local requests only).");
        }
    }
}
