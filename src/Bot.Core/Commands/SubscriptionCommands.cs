using Bot.Library;

namespace Bot.Core;

/// <summary><c>/subscribe</c>, <c>/unsubscribe</c>, <c>/subscriptions</c> for a channel, on either platform.</summary>
public sealed class SubscriptionCommands
{
    private readonly IStateStore _store;
    private readonly ISubscriptionScheduler _scheduler;
    private readonly KnownSections _sections;
    private readonly SubscriptionDefaults _defaults;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<ITargetCheck> _targetChecks = [];

    /// <summary>Creates the commands, checking each new target as start-up does (<see cref="ITargetCheck"/>).</summary>
    public SubscriptionCommands(IStateStore store, ISubscriptionScheduler scheduler, KnownSections sections, SubscriptionDefaults defaults, TimeProvider time, IEnumerable<ITargetCheck> targetChecks)
        : this(store, scheduler, sections, defaults, time)
    {
        _targetChecks = [.. targetChecks];
    }

    /// <summary>Creates the commands over the state store and the scheduler.</summary>
    public SubscriptionCommands(IStateStore store, ISubscriptionScheduler scheduler, KnownSections sections, SubscriptionDefaults defaults, TimeProvider time)
    {
        _store = store;
        _scheduler = scheduler;
        _sections = sections;
        _defaults = defaults;
        _time = time;
    }

    /// <summary>Subscribes a channel. <paramref name="platform"/> is <c>discord</c> or <c>slack</c>.</summary>
    public async Task<Reply> SubscribeAsync(string platform, string channelId, SubscribeArguments arguments, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (ChannelTarget(platform, channelId) is not { } target)
        {
            return new ErrorReply($"'{platform}:{channelId}' is not a channel I can post to.", "Run the command in a Discord or Slack channel.");
        }

        var name = string.IsNullOrWhiteSpace(arguments.Name) ? $"{platform}-{channelId}".ToLowerInvariant() : arguments.Name.Trim();
        if (name.Length > 64 || !name.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return new ErrorReply($"'{name}' is not a subscription name.", "Use up to 64 letters, digits, '-', '_' or '.'.");
        }

        var sections = (arguments.Sections ?? "*").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToLowerInvariant()).Distinct().ToList();
        if (sections.Count == 0 || sections.Contains("*"))
        {
            sections = ["*"];
        }
        else
        {
            var known = await _sections.GetAsync(ct);
            if (sections.FirstOrDefault(s => !known.Contains(s)) is { } unknown)
            {
                var closest = KnownSections.Closest(unknown, known);
                return new ErrorReply($"There is no section '{unknown}'.", closest is null ? $"Known sections: {string.Join(", ", known)}; or leave it out for all." : $"Did you mean '{closest}'?");
            }
        }

        var cron = string.IsNullOrWhiteSpace(arguments.Cron) ? _defaults.Cron : arguments.Cron.Trim();
        if (!CronSchedule.TryParse(cron, out var schedule, out var cronError))
        {
            return new ErrorReply(cronError!, "For every Monday at 09:00 write '0 9 * * MON'.");
        }

        if (ShortestGap(schedule!) is { } gap && gap < _defaults.MinCronInterval)
        {
            return new ErrorReply($"'{cron}' posts every {gap.TotalMinutes:0} minutes; chat subscriptions post at most once every {_defaults.MinCronInterval.TotalMinutes:0} minutes.", "For every Monday at 09:00 write '0 9 * * MON'.");
        }

        var zoneId = string.IsNullOrWhiteSpace(arguments.TimeZone) ? _defaults.TimeZone : arguments.TimeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            return new ErrorReply($"'{zoneId}' is not a time zone I know.", "Use an IANA name such as Asia/Seoul, Europe/Berlin or America/New_York.");
        }

        var entries = arguments.EntriesPerSection ?? _defaults.EntriesPerSection;
        if (entries < 1 || entries > _defaults.MaxEntriesPerSection)
        {
            return new ErrorReply($"{entries} entries per section is out of range.", $"Pick 1 to {_defaults.MaxEntriesPerSection}.");
        }

        var existing = await _store.FindSubscriptionAsync(name, ct);
        if (existing is not null && (existing.Source == "config" || existing.Target != target.ToString()))
        {
            return new ErrorReply($"The name '{name}' is taken by another subscription.", "Pick another name with name:<name>.");
        }

        if (existing is null)
        {
            var inChannel = (await _store.ListSubscriptionsAsync(ct)).Count(s => s.Target == target.ToString());
            if (inChannel >= _defaults.MaxPerChannel)
            {
                return new ErrorReply($"This channel already has {inChannel} subscriptions, the most allowed.", "Remove one with /unsubscribe, or change one by subscribing again with its name.");
            }
        }

        // The same checks as start-up: a channel the bot cannot post to is refused now, not failed on every digest.
        if (_targetChecks.FirstOrDefault(c => c.Platform == target.Platform) is { } check && await check.CheckAsync(target, thread: false, ct) is { } problem)
        {
            return new ErrorReply($"I cannot post here: {problem}.", "Ask the operator to fix the bot's setup, then subscribe again.");
        }

        var record = await _store.UpsertSubscriptionAsync(new SubscriptionRecord(
            0, name, platform, target.ToString(), sections, [], [], cron, zoneId, entries, TimeSpan.Zero, false, null), ct);
        _scheduler.Register(record);
        var next = schedule!.GetNextOccurrence(_time.GetUtcNow(), zone!);
        var when = next is { } n ? TimeZoneInfo.ConvertTime(n, zone!).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + $" ({zoneId})" : "never";
        return new TextReply($"{(existing is null ? "Subscribed" : "Updated")} '{name}': {Describe(record)}. Next post: {when}.");
    }

    /// <summary>Removes the named subscription of a channel.</summary>
    public async Task<Reply> UnsubscribeAsync(string platform, string channelId, string name, CancellationToken ct = default)
    {
        if (ChannelTarget(platform, channelId) is not { } target)
        {
            return new ErrorReply($"'{platform}:{channelId}' is not a channel I can post to.", "Run the command in a Discord or Slack channel.");
        }

        var existing = string.IsNullOrWhiteSpace(name) ? null : await _store.FindSubscriptionAsync(name.Trim(), ct);
        if (existing is null || existing.Target != target.ToString())
        {
            return new ErrorReply($"This channel has no subscription named '{name}'.", "See this channel's subscriptions with /subscriptions.");
        }

        if (existing.Source == "config")
        {
            return new ErrorReply($"'{existing.Name}' comes from the host's configuration.", "Ask the operator to remove it from appsettings.json (Bot:Subscriptions).");
        }

        await _store.DeleteSubscriptionAsync(existing.Id, ct);
        _scheduler.Remove(existing);
        return new TextReply($"Unsubscribed '{existing.Name}'. Nothing more will be posted for it.");
    }

    /// <summary>Lists the channel's subscriptions.</summary>
    public async Task<Reply> ListAsync(string platform, string channelId, CancellationToken ct = default)
    {
        if (ChannelTarget(platform, channelId) is not { } target)
        {
            return new ErrorReply($"'{platform}:{channelId}' is not a channel I can post to.", "Run the command in a Discord or Slack channel.");
        }

        var mine = (await _store.ListSubscriptionsAsync(ct)).Where(s => s.Target == target.ToString()).ToList();
        if (mine.Count == 0)
        {
            return new TextReply("This channel has no subscriptions. Add one with /subscribe.");
        }

        return new TextReply(string.Join('\n', mine.Select(s => $"• {s.Name}: {Describe(s)}")));
    }

    // The smallest gap between consecutive occurrences over the next few weeks, in UTC: enough to catch a minutely or
    // hourly pattern hidden in any field.
    private TimeSpan? ShortestGap(CronSchedule schedule)
    {
        TimeSpan? shortest = null;
        var previous = schedule.GetNextOccurrence(_time.GetUtcNow(), TimeZoneInfo.Utc);
        for (var i = 0; i < 200 && previous is { } from; i++)
        {
            var next = schedule.GetNextOccurrence(from, TimeZoneInfo.Utc);
            if (next is not { } to)
            {
                break;
            }

            shortest = shortest is { } s && s <= to - from ? s : to - from;
            previous = to;
        }

        return shortest;
    }

    private static PostTarget? ChannelTarget(string platform, string channelId)
        => platform is "discord" or "slack" && PostTarget.TryParse($"{platform}:channel:{channelId}", out var target, out _) ? target : null;

    private static string Describe(SubscriptionRecord s)
        => $"{(s.AllSections ? "all sections" : string.Join(", ", s.Sections))}, {s.EntriesPerSection} entries each, cron '{s.Cron}' in {s.TimeZone}";
}
