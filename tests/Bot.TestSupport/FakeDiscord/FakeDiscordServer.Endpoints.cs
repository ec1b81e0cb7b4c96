using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.TestSupport.FakeDiscord;

/// <summary>The endpoints, each returning (status, JSON). Called outside the lock; they take it themselves.</summary>
public sealed partial class FakeDiscordServer
{
    private (int, string) GetChannel(HttpContext context, string[] s, JsonNode? body)
    {
        lock (_lock)
        {
            return (200, ChannelJson(s[1]).ToJsonString());
        }
    }

    private (int, string) CreateMessage(HttpContext context, string[] s, JsonNode? body)
    {
        if (Invalid(body as JsonObject, webhook: false) is { } invalid)
        {
            return invalid;
        }

        var message = (JsonObject)body!;
        var channel = s[1];
        lock (_lock)
        {
            if (_forums.Contains(channel))
            {
                return Reject(400, 40058, "Cannot send a message in a forum channel", "forum channels take posts (POST /channels/{id}/threads)");
            }

            var nonce = NonceOf(message);
            var enforce = message["enforce_nonce"] is JsonValue e && e.TryGetValue<bool>(out var on) && on;
            var now = Time.GetUtcNow();
            if (nonce is not null && enforce && _nonces.TryGetValue(channel + "|" + nonce, out var seen) && now - seen.At < Options.NonceWindow)
            {
                // Discord returns the message created earlier with this nonce, and creates nothing.
                return (200, MessageJson(seen.Message));
            }

            _threads.TryGetValue(channel, out var parent);
            var stored = Store("channel", channel, parent, null, null, nonce, message);
            if (nonce is not null && enforce)
            {
                _nonces[channel + "|" + nonce] = (stored, now);
            }

            return (200, MessageJson(stored));
        }
    }

    private (int, string) StartForumThread(HttpContext context, string[] s, JsonNode? body)
    {
        var channel = s[1];
        var request = body as JsonObject;
        var name = DiscordLimitsValidator.Text(request, "name");
        if (DiscordLimitsValidator.Length(name) is < 1 or > 100)
        {
            return Reject(400, 50035, "Invalid Form Body", "name: must be 1..100 characters");
        }

        if (Invalid(request?["message"] as JsonObject, webhook: false) is { } invalid)
        {
            return invalid;
        }

        lock (_lock)
        {
            if (!_forums.Contains(channel))
            {
                return Reject(400, 50024, "Cannot execute action on this channel type", "only forum channels take a post with a message");
            }

            if (MissingTag(channel, request) is { } untagged)
            {
                return untagged;
            }

            var threadId = NextId();
            _threads[threadId] = channel;
            NameThread(threadId, name);
            var stored = Store("forum", threadId, channel, null, name, null, (JsonObject)request!["message"]!, threadId);
            var json = new JsonObject
            {
                ["id"] = threadId,
                ["type"] = 11,
                ["parent_id"] = channel,
                ["name"] = name,
                ["message"] = JsonNode.Parse(MessageJson(stored)),
            };
            return (201, json.ToJsonString());
        }
    }

    private (int, string) StartThreadFromMessage(HttpContext context, string[] s, JsonNode? body)
    {
        var (channel, messageId) = (s[1], s[3]);
        var name = DiscordLimitsValidator.Text(body as JsonObject, "name");
        if (DiscordLimitsValidator.Length(name) is < 1 or > 100)
        {
            return Reject(400, 50035, "Invalid Form Body", "name: must be 1..100 characters");
        }

        lock (_lock)
        {
            if (!_messageChannels.TryGetValue(messageId, out var where) || where != channel)
            {
                return Reject(404, 10008, "Unknown Message", $"no message {messageId} in {channel}");
            }

            if (_threads.ContainsKey(messageId))
            {
                return Reject(400, 160004, "A thread has already been created for this message", messageId);
            }

            // A thread started from a message has the message's id.
            _threads[messageId] = channel;
            NameThread(messageId, name);
            return (201, new JsonObject { ["id"] = messageId, ["type"] = 11, ["parent_id"] = channel, ["name"] = name }.ToJsonString());
        }
    }

    private (int, string) ExecuteWebhook(HttpContext context, string[] s, JsonNode? body)
    {
        var (id, token) = (s[1], s[2]);
        if (Invalid(body as JsonObject, webhook: true) is { } invalid)
        {
            return invalid;
        }

        var message = (JsonObject)body!;
        var threadId = context.Request.Query["thread_id"].ToString();
        var wait = context.Request.Query["wait"].ToString() == "true";
        var threadName = DiscordLimitsValidator.Text(message, "thread_name");
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

            var forum = _forums.Contains(webhook.ChannelId);
            string channel;
            string? parent = null;
            if (threadId.Length > 0 && threadName is not null)
            {
                return Reject(400, 220002, "Webhooks posted to forum channels cannot have both a thread_name and thread_id", id);
            }

            if (threadId.Length > 0)
            {
                if (!_threads.TryGetValue(threadId, out var threadParent) || threadParent != webhook.ChannelId)
                {
                    return Reject(400, 10003, "Unknown Channel", $"thread {threadId} is not in the webhook's channel");
                }

                (channel, parent) = (threadId, threadParent);
            }
            else if (threadName is not null)
            {
                if (!forum)
                {
                    return Reject(400, 220003, "Webhooks can only create threads in forum channels", id);
                }

                if (MissingTag(webhook.ChannelId, message) is { } untagged)
                {
                    return untagged;
                }

                channel = NextId();
                parent = webhook.ChannelId;
                _threads[channel] = parent;
                NameThread(channel, threadName);
            }
            else if (forum)
            {
                return Reject(400, 220001, "Webhooks posted to forum channels must have a thread_name or thread_id", id);
            }
            else
            {
                channel = webhook.ChannelId;
            }

            var stored = Store("webhook", channel, parent, id, threadName, null, message);
            return wait ? (200, MessageJson(stored)) : (204, string.Empty);
        }
    }

    private (int, string) Followup(HttpContext context, string[] s, JsonNode? body)
    {
        if (Invalid(body as JsonObject, webhook: true) is { } invalid)
        {
            return invalid;
        }

        lock (_lock)
        {
            return (200, MessageJson(Store("followup", "interaction:" + s[2], null, s[1], null, null, (JsonObject)body!)));
        }
    }

    private (int, string) EditOriginal(HttpContext context, string[] s, JsonNode? body)
    {
        lock (_lock)
        {
            if (context.Request.Method == "DELETE")
            {
                Store("interaction-delete", "interaction:" + s[2], null, s[1], null, null, []);
                return (204, string.Empty);
            }
        }

        if (Invalid(body as JsonObject, webhook: true, edit: true) is { } invalid)
        {
            return invalid;
        }

        lock (_lock)
        {
            return (200, MessageJson(Store("interaction-edit", "interaction:" + s[2], null, s[1], null, null, (JsonObject)body!)));
        }
    }

    private (int, string) RegisterCommands(HttpContext context, string[] s, JsonNode? body)
    {
        var errors = CommandLimitsValidator.Validate(body, guild: s.Length == 5);
        if (errors.Count > 0)
        {
            return Reject(400, 50035, "Invalid Form Body", errors.ToArray());
        }

        lock (_lock)
        {
            var commands = (JsonArray)body!;
            _commandRegistrations.Add((JsonArray)commands.DeepClone());
            var answer = (JsonArray)commands.DeepClone();
            foreach (var command in answer.OfType<JsonObject>())
            {
                command["id"] = NextId();
                command["application_id"] = Options.ApplicationId;
            }

            return (200, answer.ToJsonString());
        }
    }

    private (int, string)? Invalid(JsonObject? message, bool webhook, bool edit = false)
    {
        if (message is null)
        {
            return Reject(400, 50109, "The request body contains invalid JSON.", "body: not a JSON object");
        }

        var errors = DiscordLimitsValidator.ValidateMessage(message, webhook, edit);
        return errors.Count == 0 ? null : Reject(400, 50035, "Invalid Form Body", errors.ToArray());
    }

    private (int, string) Reject(int status, int code, string message, params string[] reasons)
    {
        lock (_lock)
        {
            _rejections.AddRange(reasons.Select(r => $"{code} {message}: {r}"));
        }

        var errors = new JsonObject();
        for (var i = 0; i < reasons.Length; i++)
        {
            errors[i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject { ["_errors"] = new JsonArray(new JsonObject { ["message"] = reasons[i] }) };
        }

        return (status, Error(code, message, errors));
    }

    private FakeDiscordMessage Store(string kind, string channel, string? parent, string? webhookId, string? threadName, string? nonce, JsonObject body, string? id = null)
    {
        var message = new FakeDiscordMessage(id ?? NextId(), kind, channel, parent, webhookId, threadName, nonce, (JsonObject)body.DeepClone(), Time.GetUtcNow());
        _messages.Add(message);
        _messageChannels[message.Id] = channel;
        return message;
    }

    private static string? NonceOf(JsonObject message)
        => message["nonce"] is JsonValue value ? (value.TryGetValue<string>(out var text) ? text : value.ToJsonString()) : null;

    private static string MessageJson(FakeDiscordMessage message)
    {
        var json = new JsonObject { ["id"] = message.Id, ["channel_id"] = message.ChannelId, ["type"] = 0 };
        if (message.Nonce is not null)
        {
            json["nonce"] = message.Nonce;
        }

        if (message.Body["content"] is JsonNode content)
        {
            json["content"] = content.DeepClone();
        }

        return json.ToJsonString();
    }
}
