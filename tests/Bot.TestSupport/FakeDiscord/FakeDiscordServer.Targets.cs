using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.TestSupport.FakeDiscord;

/// <summary>
/// Channel kinds beyond plain text (announcement, forums with tags), the webhook and crosspost endpoints, and the record
/// of every JSON body sent, checked against Discord's documented field sets.
/// </summary>
public sealed partial class FakeDiscordServer
{
    /// <summary>Discord's channel flag REQUIRE_TAG (1 &lt;&lt; 4): a forum post must carry a tag.</summary>
    public const int RequireTagFlag = 1 << 4;

    private readonly Dictionary<string, (bool Required, string[] Tags)> _forumTags = new(StringComparer.Ordinal);
    private readonly HashSet<string> _announcements = new(StringComparer.Ordinal);
    private readonly HashSet<string> _crossposted = new(StringComparer.Ordinal);
    private readonly List<(string Template, JsonNode Body)> _bodies = [];

    /// <summary>Every JSON body the fake received (accepted or not), with its route template, in order.</summary>
    public IReadOnlyList<(string Template, JsonNode Body)> Bodies { get { lock (_lock) { return [.. _bodies]; } } }

    /// <summary>Ids of messages published to followers.</summary>
    public IReadOnlyCollection<string> Crossposted { get { lock (_lock) { return [.. _crossposted]; } } }

    /// <summary>Makes <paramref name="channelId"/> a forum with these tag ids; with <paramref name="requireTag"/>, a post without one is refused (40067).</summary>
    public void AddForumChannel(string channelId, bool requireTag, params string[] tagIds)
    {
        lock (_lock)
        {
            _forums.Add(channelId);
            _forumTags[channelId] = (requireTag, tagIds);
        }
    }

    /// <summary>Makes <paramref name="channelId"/> an announcement channel (type 5), whose messages can be crossposted.</summary>
    public void AddAnnouncementChannel(string channelId)
    {
        lock (_lock)
        {
            _announcements.Add(channelId);
        }
    }

    private (int, string)? InvalidFields(string template, JsonNode? body)
    {
        if (DiscordFieldSets.For(template) is not { } fields || body is not JsonObject json)
        {
            return null;
        }

        lock (_lock)
        {
            _bodies.Add((template, json.DeepClone()));
        }

        var errors = DiscordFieldSets.Check(json, fields, template).ToList();
        if (template == "POST channels/{channel_id}/threads" && json["message"] is JsonObject message)
        {
            errors.AddRange(DiscordFieldSets.Check(message, DiscordFieldSets.ForumThreadMessage, "a forum thread's message"));
        }

        return errors.Count == 0 ? null : Reject(400, 50035, "Invalid Form Body", [.. errors]);
    }

    /// <summary>40067 when the forum requires a tag and <paramref name="body"/> names none of its tags (called inside the lock).</summary>
    private (int, string)? MissingTag(string forumId, JsonObject? body)
    {
        if (!_forumTags.TryGetValue(forumId, out var forum))
        {
            return null;
        }

        var applied = (body?["applied_tags"] as JsonArray)?.Select(t => t?.ToString()).ToList() ?? [];
        if (applied.FirstOrDefault(t => !forum.Tags.Contains(t)) is { } unknown)
        {
            return Reject(400, 50035, "Invalid Form Body", $"applied_tags: {unknown} is not a tag of forum {forumId}");
        }

        return forum.Required && applied.Count == 0
            ? Reject(400, 40067, "A tag is required to create a forum post in this channel", forumId)
            : null;
    }

    private int ChannelType(string channelId)
        => _forums.Contains(channelId) ? 15 : _threads.ContainsKey(channelId) ? 11 : _announcements.Contains(channelId) ? 5 : 0;

    private JsonObject ChannelJson(string channelId)
    {
        var json = new JsonObject { ["id"] = channelId, ["type"] = ChannelType(channelId), ["guild_id"] = Options.GuildId, ["permission_overwrites"] = OverwritesOf(channelId) };
        if (_threads.TryGetValue(channelId, out var parent))
        {
            json["parent_id"] = parent;
        }

        if (_forumTags.TryGetValue(channelId, out var forum))
        {
            json["flags"] = forum.Required ? RequireTagFlag : 0;
            json["available_tags"] = new JsonArray([.. forum.Tags.Select(t => (JsonNode)new JsonObject { ["id"] = t, ["name"] = "tag-" + t, ["moderated"] = false })]);
        }
        else if (_forums.Contains(channelId))
        {
            json["flags"] = 0;
            json["available_tags"] = new JsonArray();
        }

        return json;
    }

    private (int, string) GetWebhook(HttpContext context, string[] s, JsonNode? body)
    {
        lock (_lock)
        {
            if (!_webhooks.TryGetValue(s[1], out var webhook))
            {
                return Reject(404, 10015, "Unknown Webhook", s[1]);
            }

            if (webhook.Token != s[2])
            {
                return Reject(401, 50027, "Invalid Webhook Token", s[1]);
            }

            // Discord's webhook object: type 1 (incoming), its channel and guild; no channel type.
            return (200, new JsonObject { ["id"] = s[1], ["type"] = 1, ["channel_id"] = webhook.ChannelId, ["guild_id"] = Options.GuildId, ["name"] = "hook" }.ToJsonString());
        }
    }

    private (int, string) Crosspost(HttpContext context, string[] s, JsonNode? body)
    {
        var (channel, messageId) = (s[1], s[3]);
        lock (_lock)
        {
            if (!_messageChannels.TryGetValue(messageId, out var where) || where != channel)
            {
                return Reject(404, 10008, "Unknown Message", $"no message {messageId} in {channel}");
            }

            if (!_announcements.Contains(channel))
            {
                return Reject(400, 50024, "Cannot execute action on this channel type", "only announcement channels publish to followers");
            }

            if (!_crossposted.Add(messageId))
            {
                return Reject(400, 40033, "This message has already been crossposted", messageId);
            }

            return (200, new JsonObject { ["id"] = messageId, ["channel_id"] = channel, ["type"] = 0, ["flags"] = 1 }.ToJsonString());
        }
    }
}
