using System.Text.Json.Nodes;
using Bot.Core.Posting;
using Bot.Discord.Rest;
using Bot.Discord.Wire.Messages;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Posting;

/// <summary>
/// Corrections and deletes: <c>PATCH</c>/<c>DELETE /channels/{id}/messages/{id}</c> for the bot's own messages, and
/// <c>/webhooks/{id}/{token}/messages/{id}</c> (with <c>thread_id</c> inside a forum post) for a webhook's.
/// </summary>
public sealed partial class DiscordSectionPoster
{
    private const int UnknownMessage = 10008;
    private const int SuppressEmbeds = 1 << 2;

    /// <summary>Edit Message and Edit Webhook Message take these fields; nonce, thread and identity fields are for creating.</summary>
    private static readonly string[] EditFields = ["content", "embeds", "flags", "allowed_mentions", "components", "attachments"];

    /// <inheritdoc />
    /// <remarks>Both kinds of Discord target can edit their own messages.</remarks>
    public bool CanEdit(PostTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Platform == "discord" && target.Kind is "channel" or "webhook";
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> EditAsync(PostTarget target, SectionPost post, IReadOnlyList<string> messageIds, string? threadId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(messageIds);
        var messages = _renderer.RenderPost(post);
        var edited = new List<string>();
        for (var i = 0; i < Math.Min(messages.Count, messageIds.Count); i++)
        {
            var body = EditBody(Apply(messages[i], target.Options));
            try
            {
                await GuardAsync(target, [], async () =>
                {
                    _ = target.Kind == "webhook"
                        ? await _client.EditWebhookMessageAsync(target.Value, messageIds[i], body, threadId, ct).ConfigureAwait(false)
                        : await _client.EditMessageAsync(threadId ?? target.Value, messageIds[i], body, ct).ConfigureAwait(false);
                    return new PostReceipt(messageIds[i]);
                }).ConfigureAwait(false);
                edited.Add(messageIds[i]);
            }
            catch (PostException ex) when (ex.InnerException is DiscordRestException { DiscordCode: UnknownMessage })
            {
                // Deleted by a moderator meanwhile: nothing left to correct there.
                LogGone(messageIds[i], target.ToString());
            }
        }

        return [.. edited, .. messageIds.Skip(messages.Count)];
    }

    /// <inheritdoc />
    public async Task DeleteAsync(PostTarget target, IReadOnlyList<string> messageIds, string? threadId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(messageIds);
        foreach (var id in messageIds)
        {
            // A forum post's first message lives in the post (whose id it shares), not in the forum: when the parent is
            // not found in the channel, it is deleted where it is.
            if (!await TryDeleteAsync(target, id, threadId, ct).ConfigureAwait(false)
                && (threadId is not null || !await TryDeleteAsync(target, id, id, ct).ConfigureAwait(false)))
            {
                // Already gone counts as deleted.
                LogGone(id, target.ToString());
            }
        }
    }

    /// <summary>Deletes one message; false when Discord does not know it there (10008).</summary>
    private async Task<bool> TryDeleteAsync(PostTarget target, string id, string? threadId, CancellationToken ct)
    {
        try
        {
            await GuardAsync(target, [], async () =>
            {
                if (target.Kind == "webhook")
                {
                    await _client.DeleteWebhookMessageAsync(target.Value, id, threadId, ct).ConfigureAwait(false);
                }
                else
                {
                    await _client.DeleteMessageAsync(threadId ?? target.Value, id, ct).ConfigureAwait(false);
                }

                return new PostReceipt(id);
            }).ConfigureAwait(false);
            return true;
        }
        catch (PostException ex) when (ex.InnerException is DiscordRestException { DiscordCode: UnknownMessage })
        {
            return false;
        }
    }

    /// <summary>
    /// The message as an edit: only the fields Edit Message documents, and of the flags only SUPPRESS_EMBEDS, the one an
    /// edit may set (SUPPRESS_NOTIFICATIONS of a silent post applies when sending).
    /// </summary>
    private static JsonObject EditBody(DiscordMessage message)
    {
        var body = ToJson(message);
        foreach (var name in body.Select(p => p.Key).Where(k => !EditFields.Contains(k)).ToList())
        {
            body.Remove(name);
        }

        var flags = (message.Flags ?? 0) & SuppressEmbeds;
        if (flags == 0)
        {
            body.Remove("flags");
        }
        else
        {
            body["flags"] = flags;
        }

        return body;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord: message {MessageId} in {Target} is gone already")]
    private partial void LogGone(string messageId, string target);
}
