using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.TestSupport.FakeDiscord;

/// <summary>
/// The guild as the bot sees it: Get Current User, the guild's roles (the @everyone role has the guild's id), the bot's
/// member object with its role ids, and each channel's <c>permission_overwrites</c> (type 0 role, 1 member; allow and
/// deny as strings of bits). By default @everyone may view, send, embed, read history and use threads.
/// </summary>
public sealed partial class FakeDiscordServer
{
    /// <summary>VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_MESSAGE_HISTORY | CREATE_PUBLIC_THREADS | SEND_MESSAGES_IN_THREADS.</summary>
    public const ulong DefaultEveryonePermissions = (1UL << 10) | (1UL << 11) | (1UL << 14) | (1UL << 16) | (1UL << 35) | (1UL << 38);

    private readonly Dictionary<string, ulong> _roles = new(StringComparer.Ordinal);
    private readonly List<string> _botRoles = [];
    private readonly Dictionary<string, List<JsonObject>> _overwrites = new(StringComparer.Ordinal);

    /// <summary>The bot's user id (Get Current User).</summary>
    public string BotUserId => Options.ApplicationId;

    /// <summary>Sets a role's permissions (the guild id for @everyone).</summary>
    public void SetRole(string roleId, ulong permissions)
    {
        lock (_lock)
        {
            _roles[roleId] = permissions;
        }
    }

    /// <summary>Gives the bot's member these roles.</summary>
    public void SetBotRoles(params string[] roleIds)
    {
        lock (_lock)
        {
            _botRoles.Clear();
            _botRoles.AddRange(roleIds);
        }
    }

    /// <summary>Adds a permission overwrite to a channel: type 0 for a role (the guild id for @everyone), 1 for a member.</summary>
    public void AddOverwrite(string channelId, string id, int type, ulong allow, ulong deny)
    {
        lock (_lock)
        {
            if (!_overwrites.TryGetValue(channelId, out var list))
            {
                _overwrites[channelId] = list = [];
            }

            list.Add(new JsonObject { ["id"] = id, ["type"] = type, ["allow"] = Bits(allow), ["deny"] = Bits(deny) });
        }
    }

    private (int, string) CurrentUser(HttpContext context, string[] s, JsonNode? body)
        => (200, new JsonObject { ["id"] = BotUserId, ["username"] = "digest-bot", ["bot"] = true }.ToJsonString());

    private (int, string) GuildRoles(HttpContext context, string[] s, JsonNode? body)
    {
        lock (_lock)
        {
            if (s[1] != Options.GuildId)
            {
                return Reject(404, 10004, "Unknown Guild", s[1]);
            }

            var roles = new Dictionary<string, ulong>(_roles, StringComparer.Ordinal);
            roles.TryAdd(Options.GuildId, DefaultEveryonePermissions);
            return (200, new JsonArray([.. roles.Select(r => (JsonNode)new JsonObject { ["id"] = r.Key, ["name"] = r.Key == Options.GuildId ? "@everyone" : "role-" + r.Key, ["permissions"] = Bits(r.Value) })]).ToJsonString());
        }
    }

    private (int, string) GuildMember(HttpContext context, string[] s, JsonNode? body)
    {
        lock (_lock)
        {
            if (s[1] != Options.GuildId || s[3] != BotUserId)
            {
                return Reject(404, 10007, "Unknown Member", s[3]);
            }

            return (200, new JsonObject { ["user"] = new JsonObject { ["id"] = BotUserId }, ["roles"] = new JsonArray([.. _botRoles.Select(r => (JsonNode)JsonValue.Create(r))]) }.ToJsonString());
        }
    }

    /// <summary>The channel's overwrites for its JSON (called inside the lock).</summary>
    private JsonArray OverwritesOf(string channelId)
        => new([.. (_overwrites.GetValueOrDefault(channelId) ?? []).Select(o => (JsonNode)o.DeepClone())]);

    private static string Bits(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
