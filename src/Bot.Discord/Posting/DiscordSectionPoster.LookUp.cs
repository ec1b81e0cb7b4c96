using System.Collections.Concurrent;
using System.Net;
using Bot.Core.Posting;
using Bot.Discord.Rendering;
using Bot.Discord.Rest;
using Bot.Discord.Wire;
using Bot.Discord.Wire.Messages;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Posting;

/// <summary>
/// Finding a post again after a lost answer or a crash, before anything is sent a second time: the channel's (or the
/// thread's) newest messages matched by the marker each section message carries (<see cref="DiscordRenderer.Marker"/>),
/// and for a digest's forum post the forum's active threads matched by name. A webhook's channel is read with the bot
/// token when one is configured; a webhook alone cannot be searched, so a doubtful attempt there becomes uncertain.
/// </summary>
public sealed partial class DiscordSectionPoster
{
    /// <summary>Messages read per look-up: the doubtful attempt is among the newest, so a short page suffices.</summary>
    public const int LookUpWindow = 50;

    private const string ThreadParentSuffix = ":~thread";

    // Parts of a section found after a crash, so the retry sends only the missing ones (into the thread they are in).
    private readonly ConcurrentDictionary<string, Found> _partsAlreadyPosted = new(StringComparer.Ordinal);

    /// <inheritdoc />
    /// <remarks>A channel, and a webhook when a bot token can read its channel.</remarks>
    public bool CanFindPosted(PostTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Kind == "channel" || (target.Kind == "webhook" && !string.IsNullOrWhiteSpace(_options.BotToken));
    }

    /// <inheritdoc />
    public async Task<PostReceipt?> FindPostedAsync(PostTarget target, SectionPost post, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(post);
        if (!CanFindPosted(target))
        {
            return null;
        }

        try
        {
            var channelId = target.Kind == "webhook"
                ? (await _client.GetWebhookAsync(DiscordWebhookUrl.Parse(target.Value), ct).ConfigureAwait(false)).ChannelId ?? string.Empty
                : target.Value;
            return post.LedgerKey.EndsWith(ThreadParentSuffix, StringComparison.Ordinal)
                ? await FindThreadParentAsync(channelId, ThreadNameOf(post.Highlight), ct).ConfigureAwait(false)
                : await FindSectionAsync(post.ThreadParentId ?? channelId, post, ct).ConfigureAwait(false);
        }
        catch (DiscordRestException ex) when (ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Unauthorized)
        {
            LogLookUpFailed(target.ToString(), ex.Message);
            if (target.Kind == "webhook")
            {
                // Nothing deduplicates a webhook post: sending blind could post twice, so the row waits for the operator.
                throw new PostException($"Discord: cannot read the channel of {target} to look for an earlier attempt ({ex.DiscordCode} {ex.DiscordMessage}); give the bot View Channel and Read Message History there", permanent: true, ex);
            }

            return null; // A channel post carries its nonce: resending within Discord's window returns the earlier message.
        }
        catch (DiscordRestException ex)
        {
            throw new PostException($"Discord: looking for an earlier attempt in {target} failed: {ex.Message}", permanent: false, ex);
        }
    }

    private async Task<PostReceipt?> FindSectionAsync(string channelId, SectionPost post, CancellationToken ct)
    {
        var parts = _renderer.RenderPost(post).Count;
        var messages = await _client.GetMessagesAsync(channelId, LookUpWindow, ct).ConfigureAwait(false);
        var found = new Dictionary<int, string>();
        for (var part = 0; part < parts; part++)
        {
            var marker = DiscordRenderer.Marker(post.LedgerKey, part);
            if (messages.FirstOrDefault(m => Carries(m, marker)) is { } message)
            {
                found[part] = message.Id;
            }
        }

        if (found.Count == 0)
        {
            return null;
        }

        var threadId = post.ThreadParentId;
        if (found.Count == parts)
        {
            IReadOnlyList<string> ids = [.. found.OrderBy(p => p.Key).Select(p => p.Value)];
            return new PostReceipt(ids[^1], threadId, ids);
        }

        // Some parts went out before the answer was lost: the retry sends only the others.
        _partsAlreadyPosted[post.LedgerKey] = new Found(threadId, found);
        return null;
    }

    private async Task<PostReceipt?> FindThreadParentAsync(string channelId, string name, CancellationToken ct)
    {
        var channel = await _client.GetChannelAsync(channelId, ct).ConfigureAwait(false);
        if (channel.GuildId is null)
        {
            return null;
        }

        // A forum post, or a thread started from a text channel's message: both list the channel as parent_id and share
        // their first message's id. In a text channel, a crash between the parent message and its thread is covered only
        // by the parent's nonce (and 160004 once the thread exists): fetched messages carry no marker for a plain header.
        var thread = (await _client.GetActiveThreadsAsync(channel.GuildId, ct).ConfigureAwait(false))
            .LastOrDefault(t => t.ParentId == channelId && string.Equals(t.Name, name, StringComparison.Ordinal));
        return thread is null ? null : new PostReceipt(thread.Id, thread.Id, [thread.Id]);
    }

    private static bool Carries(FetchedMessage message, string marker)
        => message.Embeds?.Any(e => (e.Url?.EndsWith("#" + marker, StringComparison.Ordinal) ?? false)
                                    || (e.Footer?.Text.EndsWith(marker, StringComparison.Ordinal) ?? false)) ?? false;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord: cannot look for an earlier attempt in {Target}: {Reason}")]
    private partial void LogLookUpFailed(string target, string reason);

    private sealed record Found(string? ThreadId, Dictionary<int, string> Parts);
}
