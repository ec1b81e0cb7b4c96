using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.TestSupport.FakeDiscord;

/// <summary>
/// Messages already sent, as Discord's docs describe them: Edit Message (the author's own messages only, 50005 for
/// another's; of the flags only SUPPRESS_EMBEDS), Delete Message, Edit/Delete Webhook Message (the webhook's own
/// messages, <c>thread_id</c> for one inside a thread; 10008 Unknown Message otherwise), Get Channel Messages
/// (newest first, <c>limit</c> 1..100, default 50) and List Active Guild Threads.
/// </summary>
public sealed partial class FakeDiscordServer
{
    private readonly List<(string MessageId, string Template, JsonObject Body)> _edits = [];
    private readonly List<string> _deleted = [];
    private readonly Dictionary<string, string> _threadNames = new(StringComparer.Ordinal);

    /// <summary>Accepted edits (message id, route template, body), in order.</summary>
    public IReadOnlyList<(string MessageId, string Template, JsonObject Body)> Edits { get { lock (_lock) { return [.. _edits]; } } }

    /// <summary>Ids of deleted messages, in order.</summary>
    public IReadOnlyList<string> Deleted { get { lock (_lock) { return [.. _deleted]; } } }

    /// <summary>Stores a message as another user (not the bot, not a webhook) would have sent it, e.g. for 50005.</summary>
    public string AddForeignMessage(string channelId, string content)
    {
        lock (_lock)
        {
            return Store("user", channelId, null, null, null, null, new JsonObject { ["content"] = content }).Id;
        }
    }

    private (int, string) EditChannelMessage(HttpContext context, string[] s, JsonNode? body)
    {
        var (channel, messageId) = (s[1], s[3]);
        lock (_lock)
        {
            if (Find(messageId) is not { } message || message.ChannelId != channel)
            {
                return Reject(404, 10008, "Unknown Message", $"no message {messageId} in {channel}");
            }

            if (context.Request.Method == "DELETE")
            {
                // A bot with Manage Messages may delete others' messages too.
                return Remove(message);
            }

            if (message.Kind is not ("channel" or "forum"))
            {
                return Reject(403, 50005, "Cannot edit a message authored by another user", messageId);
            }

            return Edit(message, "PATCH channels/{channel_id}/messages/{message_id}", body as JsonObject);
        }
    }

    private (int, string) EditWebhookMessage(HttpContext context, string[] s, JsonNode? body)
    {
        var (id, token, messageId) = (s[1], s[2], s[4]);
        var threadId = context.Request.Query["thread_id"].ToString();
        lock (_lock)
        {
            if (!_webhooks.TryGetValue(id, out var webhook))
            {
                return Reject(404, 10015, "Unknown Webhook", id);
            }

            if (webhook.Token != token)
            {
                return Reject(401, 50027, "Invalid Webhook Token", id);
            }

            // Discord looks in the webhook's channel, or in thread_id: a message elsewhere, or not the webhook's, is unknown.
            var where = threadId.Length > 0 ? threadId : webhook.ChannelId;
            if (Find(messageId) is not { } message || message.WebhookId != id || message.ChannelId != where)
            {
                return Reject(404, 10008, "Unknown Message", $"webhook {id} has no message {messageId} in {where}");
            }

            return context.Request.Method == "DELETE"
                ? Remove(message)
                : Edit(message, "PATCH webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", body as JsonObject);
        }
    }

    private (int, string) GetChannelMessages(HttpContext context, string[] s, JsonNode? body)
    {
        var channel = s[1];
        var limitText = context.Request.Query["limit"].ToString();
        var limit = 50;
        if (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            return Reject(400, 50035, "Invalid Form Body", "limit: must be 1..100");
        }

        lock (_lock)
        {
            var page = _messages.Where(m => m.ChannelId == channel).Reverse().Take(limit)
                .Select(m => (JsonNode)FetchedJson(m));
            return (200, new JsonArray([.. page]).ToJsonString());
        }
    }

    private (int, string) ActiveThreads(HttpContext context, string[] s, JsonNode? body)
    {
        lock (_lock)
        {
            if (s[1] != Options.GuildId)
            {
                return Reject(404, 10004, "Unknown Guild", s[1]);
            }

            var threads = _threads.Select(t => (JsonNode)new JsonObject
            {
                ["id"] = t.Key,
                ["type"] = 11,
                ["guild_id"] = Options.GuildId,
                ["parent_id"] = t.Value,
                ["name"] = _threadNames.GetValueOrDefault(t.Key),
            });
            return (200, new JsonObject { ["threads"] = new JsonArray([.. threads]), ["members"] = new JsonArray() }.ToJsonString());
        }
    }

    /// <summary>Remembers a thread's name (called inside the lock where threads are created).</summary>
    private void NameThread(string threadId, string? name)
    {
        if (name is not null)
        {
            _threadNames[threadId] = name;
        }
    }

    private FakeDiscordMessage? Find(string messageId) => _messages.LastOrDefault(m => m.Id == messageId);

    private (int, string) Edit(FakeDiscordMessage message, string template, JsonObject? body)
    {
        if (body is null)
        {
            return Reject(400, 50109, "The request body contains invalid JSON.", "body: not a JSON object");
        }

        var errors = DiscordLimitsValidator.ValidateMessage(body, webhook: false, edit: true).ToList();
        if (DiscordLimitsValidator.Int(body, "flags") is { } flags && (flags & ~SuppressEmbedsFlag) != 0)
        {
            errors.Add($"flags: an edit may only set or unset SUPPRESS_EMBEDS (4), not {flags}");
        }

        if (errors.Count > 0)
        {
            return Reject(400, 50035, "Invalid Form Body", [.. errors]);
        }

        var merged = (JsonObject)message.Body.DeepClone();
        foreach (var (name, value) in body)
        {
            merged[name] = value?.DeepClone();
        }

        _messages[_messages.IndexOf(message)] = message with { Body = merged };
        _edits.Add((message.Id, template, (JsonObject)body.DeepClone()));
        return (200, MessageJson(message with { Body = merged }));
    }

    private (int, string) Remove(FakeDiscordMessage message)
    {
        _messages.Remove(message);
        _deleted.Add(message.Id);
        return (204, string.Empty);
    }

    /// <summary>A message as Get Channel Messages returns it: no nonce (that only comes back on create), embeds as sent.</summary>
    private static JsonObject FetchedJson(FakeDiscordMessage message)
    {
        var json = new JsonObject
        {
            ["id"] = message.Id,
            ["channel_id"] = message.ChannelId,
            ["type"] = 0,
            ["content"] = message.Body["content"]?.DeepClone() ?? string.Empty,
            ["embeds"] = message.Body["embeds"]?.DeepClone() ?? new JsonArray(),
        };
        if (message.WebhookId is not null)
        {
            json["webhook_id"] = message.WebhookId;
        }

        return json;
    }

    private const int SuppressEmbedsFlag = 1 << 2;
}
