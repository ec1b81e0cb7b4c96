using System.Collections.Concurrent;
using System.Net;
using Bot.Core.Posting;
using Bot.Discord.Rest;
using Bot.Discord.Wire;
using Bot.Discord.Wire.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Posting;

/// <summary>
/// Refuses Discord targets that can only fail, by asking Discord about them: the channel's type (a forum without thread
/// mode fails with 40058, a forum requiring a tag without <c>AppliedTags</c> with 40067), the bot's access to it, and
/// for a webhook its channel (thread mode outside a forum fails with 220003, a forum without it with 220001).
/// </summary>
public sealed partial class DiscordTargetCheck : ITargetCheck
{
    // A start checks every subscription's channel, most of them in one guild. Discord limits each route (GET users/@me,
    // a guild's roles, a member) to a few requests per window per bot token, so asking per channel made a host with 40
    // channels wait about 40 s before it started, and three hosts sharing the token twice that each. The bot's own user
    // never changes for a token; a guild's roles and the bot's member record are read once per guild per this window, and
    // checks running at once for one guild share the one read.
    private static readonly TimeSpan GuildViewLifetime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, Task<GuildView> View)> _guildViews = new(StringComparer.Ordinal);
    private readonly DiscordRestClient _client;
    private readonly DiscordOptions _options;
    private readonly ILogger<DiscordTargetCheck> _logger;
    private readonly TimeProvider _time;
    private DiscordUser? _me;

    /// <summary>Creates the check.</summary>
    public DiscordTargetCheck(DiscordRestClient client, IOptions<DiscordOptions> options, ILogger<DiscordTargetCheck> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _options = options.Value;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Platform => "discord";

    /// <inheritdoc />
    public async Task<string?> CheckAsync(PostTarget target, bool thread, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var hasToken = !string.IsNullOrWhiteSpace(_options.BotToken);
        try
        {
            return target.Kind switch
            {
                "channel" => await CheckChannelTargetAsync(target, thread, hasToken, ct).ConfigureAwait(false),
                "webhook" => await CheckWebhookTargetAsync(target, thread, hasToken, ct).ConfigureAwait(false),
                _ => $"Discord cannot post to a '{target.Kind}' target; use discord:channel:<id> or discord:webhook:<url>",
            };
        }
        catch (DiscordRestException ex) when (ex.IsTransient || ex.StatusCode is null || (int)ex.StatusCode >= 500)
        {
            // Discord unreachable is not a verdict on the target: posting retries later and reports what fails then.
            LogUnchecked(target.ToString(), ex.Message);
            return null;
        }
    }

    private async Task<string?> CheckChannelTargetAsync(PostTarget target, bool thread, bool hasToken, CancellationToken ct)
    {
        if (!hasToken)
        {
            return "posts to a Discord channel, but Bot:Discord:BotToken is empty; set the environment variable Bot__Discord__BotToken, or use a discord:webhook:<url> target";
        }

        if (target.Options.Username is not null || target.Options.AvatarUrl is not null)
        {
            return "Username and AvatarUrl apply to webhook targets only; remove them, or post through a discord:webhook:<url> target";
        }

        var (channel, problem) = await GetChannelAsync(target.Value, ct).ConfigureAwait(false);
        return problem ?? CheckChannel(channel!, target.Options, thread, webhook: false) ?? await CheckPermissionsAsync(channel!, thread, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The bot's effective permissions in the channel (its roles, then the channel's overwrites, as Discord computes them)
    /// against what posting there takes. A guild that cannot be read is not a verdict.
    /// </summary>
    private async Task<string?> CheckPermissionsAsync(DiscordChannel channel, bool thread, CancellationToken ct)
    {
        if (channel.GuildId is not { } guild)
        {
            return null;
        }

        try
        {
            var (me, member, roles) = await GuildViewAsync(guild, ct).ConfigureAwait(false);

            // A thread has no overwrites of its own: its parent's apply.
            var holder = channel.IsThread && channel.ParentId is { } parent ? await _client.GetChannelAsync(parent, ct).ConfigureAwait(false) : channel;
            var have = DiscordPermissions.Compute(guild, me.Id, roles, member.Roles, holder.PermissionOverwrites);
            var needed = DiscordPermissions.ViewChannel | DiscordPermissions.EmbedLinks
                | (channel.IsThread ? DiscordPermissions.SendMessagesInThreads : DiscordPermissions.SendMessages);
            if (thread)
            {
                needed |= DiscordPermissions.SendMessagesInThreads | (channel.IsForum ? 0 : DiscordPermissions.CreatePublicThreads);
            }

            var missing = DiscordPermissions.Missing(have, needed);
            return missing.Count == 0
                ? null
                : $"the bot lacks {string.Join(", ", missing)} in channel {channel.Id} (its roles and that channel's overwrites, computed as Discord does); allow them for the bot's role in the channel's settings > Permissions";
        }
        catch (DiscordRestException ex) when (ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            LogUnchecked(channel.Id, $"its permissions could not be read: {ex.Message}");
            return null;
        }
    }

    private Task<GuildView> GuildViewAsync(string guild, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        return _guildViews.AddOrUpdate(
            guild,
            _ => (now, LoadGuildViewAsync(guild, ct)),
            (_, held) => now - held.At < GuildViewLifetime && !held.View.IsFaulted && !held.View.IsCanceled ? held : (now, LoadGuildViewAsync(guild, ct))).View;
    }

    private async Task<GuildView> LoadGuildViewAsync(string guild, CancellationToken ct)
    {
        var me = _me ??= await _client.GetCurrentUserAsync(ct).ConfigureAwait(false);
        var member = await _client.GetMemberAsync(guild, me.Id, ct).ConfigureAwait(false);
        var roles = await _client.GetRolesAsync(guild, ct).ConfigureAwait(false);
        return new GuildView(me, member, roles);
    }

    private async Task<string?> CheckWebhookTargetAsync(PostTarget target, bool thread, bool hasToken, CancellationToken ct)
    {
        if (!DiscordWebhookUrl.TryParse(target.Value, out var url, out var urlError))
        {
            return $"the URL {urlError}";
        }

        DiscordWebhook webhook;
        try
        {
            webhook = await _client.GetWebhookAsync(url!, ct).ConfigureAwait(false);
        }
        catch (DiscordRestException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return $"Discord does not know this webhook ({ex.DiscordCode} {ex.DiscordMessage}): it was deleted or its token is wrong; copy the URL again from the channel's Integrations > Webhooks";
        }

        if (target.Options.Crosspost)
        {
            return "Crosspost works on discord:channel:<id> targets (publishing is a bot call on the bot's own message); remove Crosspost, or post to the announcement channel with the bot";
        }

        if (!hasToken)
        {
            // Without a bot token the webhook's channel type cannot be read.
            return null;
        }

        var (channel, _) = await GetChannelAsync(webhook.ChannelId ?? string.Empty, ct).ConfigureAwait(false);
        return channel is null ? null : CheckChannel(channel, target.Options, thread, webhook: true);
    }

    private async Task<(DiscordChannel? Channel, string? Problem)> GetChannelAsync(string channelId, CancellationToken ct)
    {
        try
        {
            return (await _client.GetChannelAsync(channelId, ct).ConfigureAwait(false), null);
        }
        catch (DiscordRestException ex) when (ex.StatusCode is HttpStatusCode.NotFound)
        {
            return (null, $"Discord has no channel {channelId} that the bot can see ({ex.DiscordCode} {ex.DiscordMessage}); check the id (Developer Mode > Copy Channel ID) and that the bot is in that server");
        }
        catch (DiscordRestException ex) when (ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            return (null, $"the bot may not read channel {channelId} ({ex.DiscordCode} {ex.DiscordMessage}); give its role View Channel and Send Messages there (and Send Messages in Threads, Create Public Threads for thread mode)");
        }
    }

    private static string? CheckChannel(DiscordChannel channel, PostTargetOptions options, bool thread, bool webhook)
    {
        var id = channel.Id;
        if (channel.Type == DiscordChannel.GuildCategory)
        {
            return $"channel {id} is a category, which holds channels and takes no messages; use the id of a text, announcement or forum channel";
        }

        if (channel.IsForum && !thread)
        {
            return webhook
                ? $"the webhook posts into forum channel {id}, where every message must open or join a post (220001); set Thread: true"
                : $"channel {id} is a forum, where messages cannot be sent directly (40058); set Thread: true so each digest becomes a forum post";
        }

        if (!channel.IsForum && thread && webhook)
        {
            return $"Thread: true needs a forum channel for a webhook (Discord: webhooks can only create threads in forum channels, 220003), but channel {id} is not one; set Thread: false, or use discord:channel:<id> with a bot token";
        }

        if (thread && channel.IsThread)
        {
            return $"channel {id} is itself a thread and cannot hold threads; set Thread: false, or target its parent channel";
        }

        var available = channel.AvailableTags ?? [];
        if (options.AppliedTags.Count > 0 && !channel.IsForum)
        {
            return $"AppliedTags only apply to forum channels, and channel {id} is not one; remove AppliedTags";
        }

        if (options.AppliedTags.FirstOrDefault(t => available.All(a => a.Id != t)) is { } unknown)
        {
            return $"AppliedTags: '{unknown}' is not a tag of forum {id}; use tag ids from: {Describe(available)}";
        }

        if (channel.IsForum && channel.RequiresTag && options.AppliedTags.Count == 0)
        {
            return $"forum {id} requires a tag on every post (40067); set AppliedTags to one or more of: {Describe(available)}";
        }

        if (options.Crosspost && channel.Type != DiscordChannel.GuildAnnouncement)
        {
            return $"Crosspost: channel {id} is not an announcement channel, so there is nothing to publish to; remove Crosspost or use an announcement channel";
        }

        return null;
    }

    private static string Describe(IReadOnlyList<DiscordForumTag> tags)
        => tags.Count == 0 ? "(the forum has no tags)" : string.Join(", ", tags.Select(t => $"{t.Id} ({t.Name})"));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord: could not check target {Target} now ({Reason}); it will be tried when posting")]
    private partial void LogUnchecked(string target, string reason);

    private sealed record GuildView(DiscordUser Me, GuildMember Member, IReadOnlyList<DiscordRole> Roles);
}
