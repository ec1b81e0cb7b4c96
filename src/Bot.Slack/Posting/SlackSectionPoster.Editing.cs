using Bot.Core.Posting;
using Bot.Slack.Api;
using Microsoft.Extensions.Logging;

namespace Bot.Slack.Posting;

/// <summary>
/// Corrections and deletes through chat.update / chat.delete, for messages the bot token posted to a channel. An
/// incoming webhook answers without a ts and Slack offers no way to change what it posted: those posts cannot be edited.
/// </summary>
public sealed partial class SlackSectionPoster
{
    // chat.update's arguments (Slack's method reference) that a rendered post can carry; thread_ts, unfurl_* are for posting.
    private static readonly string[] UpdateFields = ["channel", "ts", "text", "blocks", "attachments", "metadata", "link_names", "parse"];

    /// <inheritdoc />
    public bool CanEdit(PostTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Platform == "slack" && target.Kind == "channel";
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> EditAsync(PostTarget target, SectionPost post, IReadOnlyList<string> messageIds, string? threadId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(messageIds);
        EnsureEditable(target);
        var messages = _payloads.RenderPost(post);
        var edited = new List<string>();
        for (var i = 0; i < Math.Min(messages.Count, messageIds.Count); i++)
        {
            var message = messages[i];
            message["channel"] = target.Value;
            message["ts"] = messageIds[i];
            message["metadata"] ??= Metadata(SectionEventType, post.LedgerKey, i + 1, messages.Count);
            foreach (var name in message.Select(p => p.Key).Where(k => !UpdateFields.Contains(k)).ToList())
            {
                message.Remove(name);
            }

            try
            {
                await _client.UpdateMessageAsync(message, ct).ConfigureAwait(false);
                edited.Add(messageIds[i]);
            }
            catch (SlackApiException ex) when (ex.Error == "message_not_found")
            {
                LogGone(messageIds[i], target.ToString());
            }
            catch (SlackApiException ex)
            {
                // cant_update_message, edit_window_closed (the workspace's edit setting): not something a retry fixes.
                throw new PostException($"Slack could not edit message {messageIds[i]} in {target}: {ex.Error}", permanent: !ex.IsTransient, ex);
            }
        }

        return [.. edited, .. messageIds.Skip(messages.Count)];
    }

    /// <inheritdoc />
    public async Task DeleteAsync(PostTarget target, IReadOnlyList<string> messageIds, string? threadId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(messageIds);
        EnsureEditable(target);
        foreach (var ts in messageIds)
        {
            try
            {
                await _client.DeleteMessageAsync(target.Value, ts, ct).ConfigureAwait(false);
            }
            catch (SlackApiException ex) when (ex.Error == "message_not_found")
            {
                LogGone(ts, target.ToString());
            }
            catch (SlackApiException ex)
            {
                throw new PostException($"Slack could not delete message {ts} in {target}: {ex.Error}", permanent: !ex.IsTransient, ex);
            }
        }
    }

    private void EnsureEditable(PostTarget target)
    {
        if (!CanEdit(target))
        {
            throw new PostException($"Posts to {target} cannot be edited or deleted: an incoming webhook does not say which message it posted, and Slack offers no call to change it", permanent: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack: message {Ts} in {Target} is gone already")]
    private partial void LogGone(string ts, string target);
}
