using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Library.State;


namespace Bot.Core.Commands;

/// <summary><c>/subscribe</c>, <c>/unsubscribe</c>, <c>/subscriptions</c> for a channel, on either platform.</summary>
public sealed class SubscriptionCommands
{
    private readonly IStateStore _store;
    private readonly ISubscriptionScheduler _scheduler;
    private readonly KnownSections _sections;
    private readonly SubscriptionDefaults _defaults;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<ITargetCheck> _targetChecks = [];
    private readonly TargetGrammar? _grammar;

    /// <summary>
    /// Creates the commands, checking each new target as start-up does (<see cref="ITargetCheck"/>) and against the
    /// platforms the adapters registered (<see cref="TargetGrammar"/>).
    /// </summary>
    public SubscriptionCommands(IStateStore store, ISubscriptionScheduler scheduler, KnownSections sections, SubscriptionDefaults defaults, TimeProvider time, IEnumerable<ITargetCheck> targetChecks, TargetGrammar grammar)
        : this(store, scheduler, sections, defaults, time)
    {
        _targetChecks = [.. targetChecks];
        _grammar = grammar;
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

    /// <summary>
    /// Subscribes a channel. <paramref name="platform"/> is the adapter's platform (<c>discord</c>, <c>slack</c>); <paramref name="workspaceId"/> is
    /// the guild or team the command came from (as the platform signed it), which scopes the name and the per-guild limit.
    /// </summary>
    public async Task<Reply> SubscribeAsync(string platform, string? workspaceId, string channelId, SubscribeArguments arguments, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (ChannelTarget(platform, channelId) is not { } target)
        {
            return new ErrorReply($"'{platform}:{channelId}' is not a channel I can post to.", "Run the command in a channel of a platform the bot is set up for.");
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

        // Names are looked up in this guild's scope only: another guild's names can neither block this one nor be probed
        // from here. A row stored before scopes existed (scope '') is still this channel's, and is updated in place.
        var scope = Scope(platform, workspaceId, channelId);
        var all = await _store.ListSubscriptionsAsync(ct);
        var existing = await _store.FindSubscriptionAsync(scope, name, ct)
            ?? all.FirstOrDefault(s => s.Scope.Length == 0 && s.Source != "config" && s.Name == name && s.Target == target.ToString());
        if (existing is not null && existing.Target != target.ToString())
        {
            return new ErrorReply($"The name '{name}' is taken by another subscription in this {Place(platform)}.", "Pick another name with name:<name>.");
        }

        if (existing is null)
        {
            var inChannel = all.Count(s => s.Target == target.ToString());
            if (inChannel >= _defaults.MaxPerChannel)
            {
                return new ErrorReply($"This channel already has {inChannel} subscriptions, the most allowed.", "Remove one with /unsubscribe, or change one by subscribing again with its name.");
            }

            var inScope = all.Count(s => s.Scope == scope);
            if (inScope >= _defaults.MaxPerGuild)
            {
                return new ErrorReply($"This {Place(platform)} already has {inScope} subscriptions, the most allowed.", "Remove one with /unsubscribe in its channel, or ask the bot's operator.");
            }
        }

        // The same checks as start-up: a channel the bot cannot post to is refused now, not failed on every digest.
        if (_targetChecks.FirstOrDefault(c => c.Platform == target.Platform) is { } check && await check.CheckAsync(target, thread: false, ct) is { } problem)
        {
            return new ErrorReply($"I cannot post here: {problem}.", "Ask the operator to fix the bot's setup, then subscribe again.");
        }

        var record = await _store.UpsertSubscriptionAsync(new SubscriptionRecord(
            0, name, platform, target.ToString(), sections, [], [], cron, zoneId, entries, TimeSpan.Zero, false, null) { Scope = existing?.Scope ?? scope }, ct);
        _scheduler.Register(record);
        var next = schedule!.GetNextOccurrence(_time.GetUtcNow(), zone!);
        var when = next is { } n ? TimeZoneInfo.ConvertTime(n, zone!).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + $" ({zoneId})" : "never";
        return new TextReply($"{(existing is null ? "Subscribed" : "Updated")} '{name}': {Describe(record)}. Next post: {when}.");
    }

    /// <summary>Removes the named subscription of a channel (<paramref name="workspaceId"/> as for <see cref="SubscribeAsync"/>).</summary>
    public async Task<Reply> UnsubscribeAsync(string platform, string? workspaceId, string channelId, string name, CancellationToken ct = default)
    {
        if (ChannelTarget(platform, channelId) is not { } target)
        {
            return new ErrorReply($"'{platform}:{channelId}' is not a channel I can post to.", "Run the command in a channel of a platform the bot is set up for.");
        }

        // Only this channel's subscriptions are candidates, this guild's scope first: a name elsewhere is never found from here.
        var scope = Scope(platform, workspaceId, channelId);
        var wanted = name?.Trim() ?? string.Empty;
        var existing = wanted.Length == 0 ? null : (await _store.ListSubscriptionsAsync(ct))
            .Where(s => s.Target == target.ToString() && s.Name == wanted && (s.Scope == scope || s.Scope.Length == 0))
            .OrderBy(s => s.Scope == scope ? 0 : 1).FirstOrDefault();
        if (existing is null)
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
            return new ErrorReply($"'{platform}:{channelId}' is not a channel I can post to.", "Run the command in a channel of a platform the bot is set up for.");
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

    /// <summary>
    /// The scope of a chat-created name: the guild or workspace, as the platform signed it. Without one (a DM), the channel
    /// itself, which no other guild can reach.
    /// </summary>
    public static string Scope(string platform, string? workspaceId, string channelId)
        => string.IsNullOrWhiteSpace(workspaceId) ? $"{platform}:channel-{channelId}" : $"{platform}:{workspaceId.Trim()}";

    private string Place(string platform) => _grammar?.WorkspaceWord(platform) ?? "workspace";

    // The platform is the adapter's that received the command; without a grammar (tests) any platform's channel shape passes.
    private PostTarget? ChannelTarget(string platform, string channelId)
        => (_grammar is { IsEmpty: false } grammar
            ? grammar.TryParse($"{platform}:channel:{channelId}", out var target, out _)
            : PostTarget.TryParse($"{platform}:channel:{channelId}", out target, out _)) ? target : null;

    private static string Describe(SubscriptionRecord s)
        => $"{(s.AllSections ? "all sections" : string.Join(", ", s.Sections))}, {s.EntriesPerSection} entries each, cron '{s.Cron}' in {s.TimeZone}";
}
