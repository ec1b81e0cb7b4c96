using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Slack.Api;
using Bot.Slack.Wire;
using Microsoft.Extensions.Logging;

namespace Bot.Slack.Posting;

/// <summary>
/// Posts section highlights to Slack: a channel through chat.postMessage (paced per channel), or an incoming webhook at
/// exactly its URL. Every channel message carries the ledger key in its metadata, so that after a crash
/// <see cref="FindPostedAsync"/> can tell from the channel's history whether the section already went out.
/// </summary>
public sealed partial class SlackSectionPoster : ISectionPoster, IPostEditor
{
    /// <summary>The metadata event type of a section message.</summary>
    public const string SectionEventType = "bot_section_post";

    /// <summary>The metadata event type of a digest's thread parent.</summary>
    public const string ThreadParentEventType = "bot_digest_thread";

    private readonly SlackApiClient _client;
    private readonly SlackPayloads _payloads;
    private readonly ILogger<SlackSectionPoster> _logger;

    // Parts of a section found in the channel after a crash, so the retry sends only the missing ones.
    private readonly ConcurrentDictionary<string, HashSet<int>> _partsAlreadyPosted = new(StringComparer.Ordinal);

    private readonly TimeProvider _time;

    /// <summary>Creates the poster.</summary>
    internal SlackSectionPoster(SlackApiClient client, SlackPayloads payloads, ILogger<SlackSectionPoster> logger, TimeProvider? time = null)
    {
        _client = client;
        _payloads = payloads;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Platform => "slack";

    /// <inheritdoc />
    public async Task<PostReceipt> PostAsync(PostTarget target, SectionPost post, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(post);
        EnsureSlack(target);
        var messages = _payloads.RenderPost(post);
        try
        {
            if (target.Kind == "webhook")
            {
                foreach (var message in messages)
                {
                    // A webhook is bound to its channel and answers without a ts: no channel, thread or metadata to send.
                    message.Remove("channel");
                    message.Remove("thread_ts");
                    message.Remove("metadata");
                    await SlackMessageSplitter.SendAsync(message, m => _client.PostToUrlAsync(new Uri(target.Value), m, pace: true, ct)).ConfigureAwait(false);
                }

                return new PostReceipt($"webhook:{post.LedgerKey}", post.ThreadParentId);
            }

            var skip = _partsAlreadyPosted.TryRemove(post.LedgerKey, out var found) ? found : [];
            var since = post.AttemptedAt ?? _time.GetUtcNow();
            var sent = new List<string>();
            string? lastTs = null;
            for (var part = 1; part <= messages.Count; part++)
            {
                if (skip.Contains(part))
                {
                    continue;
                }

                var message = messages[part - 1];
                message["channel"] = target.Value;
                if (post.ThreadParentId is not null && !post.ThreadParentId.StartsWith("webhook:", StringComparison.Ordinal))
                {
                    message["thread_ts"] = post.ThreadParentId;
                }
                else
                {
                    message.Remove("thread_ts");
                }

                // The renderer's metadata (ledger key, part, parts) is sent as rendered; added here only when missing.
                if (message["metadata"] is null)
                {
                    message["metadata"] = Metadata(SectionEventType, post.LedgerKey, part, messages.Count);
                }

                var partNumber = part;
                var response = await SlackMessageSplitter.SendAsync(message, m => _client.PostMessageAsync(m, c => FindPartAsync(target, post, partNumber, since, c), ct)).ConfigureAwait(false);
                lastTs = response.Ts;
                if (lastTs is not null)
                {
                    sent.Add(lastTs);
                }
            }

            return new PostReceipt(lastTs ?? $"resumed:{post.LedgerKey}", post.ThreadParentId, sent.Count > 0 ? sent : null);
        }
        catch (SlackApiException ex)
        {
            LogPostFailed(ex, target.ToString(), ex.Error);
            throw new PostException($"Slack post to {target} failed: {ex.Error}", permanent: !ex.IsTransient, ex) { NotDelivered = NotDelivered(ex) };
        }
    }

    /// <summary>
    /// Slack certainly refused the call: an <c>ok: false</c> answer or a 429 (not a timeout, a 5xx or a dropped
    /// connection, after which the message may be there).
    /// </summary>
    private static bool NotDelivered(SlackApiException ex)
        => ex.Error is not ("timeout" or "connection_failed") && !ex.Error.StartsWith("http_5", StringComparison.Ordinal);

    /// <inheritdoc />
    public async Task<PostReceipt?> FindPostedAsync(PostTarget target, SectionPost post, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(post);
        EnsureSlack(target);
        if (target.Kind != "channel")
        {
            // An incoming webhook cannot read its channel back; the ledger's "attempted" state is all there is.
            return null;
        }

        var found = await TryFindAsync(target, post.LedgerKey, post.ThreadParentId, post.AttemptedAt, ct).ConfigureAwait(false);
        if (found.FirstOrDefault(m => m.EventType == ThreadParentEventType) is { } parent)
        {
            // The scheduler asks the same question about a digest's thread parent.
            return new PostReceipt(parent.Ts, parent.Ts);
        }

        var mine = found.Where(m => m.EventType == SectionEventType).ToList();
        if (mine.Count == 0)
        {
            return null;
        }

        var parts = mine.Select(m => m.Part).ToHashSet();
        var expected = mine.Max(m => m.Parts);
        if (parts.Count >= expected)
        {
            var last = mine.OrderBy(m => m.Part).Last();
            return new PostReceipt(last.Ts, post.ThreadParentId);
        }

        // Some parts went out before the crash: the retry will send only the others.
        _partsAlreadyPosted[post.LedgerKey] = parts;
        return null;
    }

    /// <inheritdoc />
    public async Task<PostReceipt> PostThreadParentAsync(PostTarget target, string ledgerKey, SectionHighlight firstSection, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(firstSection);
        EnsureSlack(target);
        var message = _payloads.RenderThreadParent(firstSection);
        try
        {
            if (target.Kind == "webhook")
            {
                // Incoming webhooks cannot thread (start-up refuses the setting); a parent that promises a thread would
                // mislead, so none is posted and the sections follow as plain messages.
                LogWebhookThread(target.ToString());
                return new PostReceipt($"webhook:{ledgerKey}");
            }

            // No history read here: the scheduler looks first only when an earlier attempt may have gone out.
            message["channel"] = target.Value;
            message["metadata"] = Metadata(ThreadParentEventType, ledgerKey, 1, 1);
            var since = _time.GetUtcNow();
            var response = await _client.PostMessageAsync(
                message,
                async c => await FindParentAsync(target, ledgerKey, since, c).ConfigureAwait(false) is { } found
                    ? new SlackApiResponse { Ok = true, Ts = found.Ts, Channel = target.Value }
                    : null,
                ct).ConfigureAwait(false);
            var ts = response.Ts ?? throw new PostException("Slack did not return the thread parent's ts", permanent: false);
            return new PostReceipt(ts, ts);
        }
        catch (SlackApiException ex)
        {
            LogPostFailed(ex, target.ToString(), ex.Error);
            throw new PostException($"Slack thread parent in {target} failed: {ex.Error}", permanent: !ex.IsTransient, ex) { NotDelivered = NotDelivered(ex) };
        }
    }

    private async Task<SlackApiResponse?> FindPartAsync(PostTarget target, SectionPost post, int part, DateTimeOffset since, CancellationToken ct)
    {
        var mine = await TryFindAsync(target, post.LedgerKey, post.ThreadParentId, since, ct).ConfigureAwait(false);
        var match = mine.FirstOrDefault(m => m.EventType == SectionEventType && m.Part == part);
        return match is null ? null : new SlackApiResponse { Ok = true, Ts = match.Ts, Channel = target.Value };
    }

    private async Task<Posted?> FindParentAsync(PostTarget target, string ledgerKey, DateTimeOffset since, CancellationToken ct)
        => (await TryFindAsync(target, ledgerKey, null, since, ct).ConfigureAwait(false)).FirstOrDefault(m => m.EventType == ThreadParentEventType);

    private async Task<IReadOnlyList<Posted>> TryFindAsync(PostTarget target, string ledgerKey, string? threadTs, DateTimeOffset? since, CancellationToken ct)
    {
        IReadOnlyList<SlackHistoryMessage> messages;

        // The doubtful attempt began at `since`: nothing older can be it, so the window starts there (less a margin for
        // the difference between this host's clock and Slack's).
        var oldest = since - ClockMargin;
        try
        {
            messages = threadTs is null || threadTs.StartsWith("webhook:", StringComparison.Ordinal)
                ? await _client.ConversationsHistoryAsync(target.Value, HistoryWindow, oldest, ct).ConfigureAwait(false)
                : await _client.ConversationsRepliesAsync(target.Value, threadTs, HistoryWindow, oldest, ct).ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (!ex.IsTransient)
        {
            // Without channels:history (or when the bot is not in the channel) we cannot look; sending is better than never.
            LogHistoryUnavailable(target.ToString(), ex.Error);
            return [];
        }

        var found = new List<Posted>();
        foreach (var message in messages)
        {
            if (message.Ts is null || message.Metadata?.EventType is not (SectionEventType or ThreadParentEventType)
                || message.Metadata.EventPayload.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var payload = message.Metadata.EventPayload;
            if (payload.TryGetProperty("ledger_key", out var key) && key.ValueKind == JsonValueKind.String && key.GetString() == ledgerKey)
            {
                found.Add(new Posted(message.Metadata.EventType, message.Ts, Number(payload, "part"), Number(payload, "parts")));
            }
        }

        return found;
    }

    // Metadata values may be numbers or strings (Slack keeps what was sent).
    private static int Number(JsonElement payload, string name)
        => payload.TryGetProperty(name, out var value)
           && (value.ValueKind == JsonValueKind.Number ? value.TryGetInt32(out var n)
               : int.TryParse(value.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out n))
           && n > 0
            ? n
            : 1;

    private static JsonObject Metadata(string eventType, string ledgerKey, int part, int parts) => new()
    {
        ["event_type"] = eventType,
        ["event_payload"] = new JsonObject { ["ledger_key"] = ledgerKey, ["part"] = part, ["parts"] = parts },
    };

    private static void EnsureSlack(PostTarget target)
    {
        if (target.Platform != "slack" || target.Kind is not ("channel" or "webhook"))
        {
            throw new PostException($"The Slack poster cannot post to {target}", permanent: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack post to {Target} failed: {Error}")]
    private partial void LogPostFailed(Exception ex, string target, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot read the history of {Target} ({Error}); add the channels:history / groups:history scope so a retried post can check what was already sent")]
    private partial void LogHistoryUnavailable(string target, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Thread mode on {Target}: incoming webhooks cannot reply in threads, so sections follow as separate messages")]
    private partial void LogWebhookThread(string target);

    private sealed record Posted(string EventType, string Ts, int Part, int Parts);
}
