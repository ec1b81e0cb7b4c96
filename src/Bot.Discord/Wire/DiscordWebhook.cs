using System.Text.Json.Serialization;

namespace Bot.Discord.Wire;

/// <summary>The fields we read from <c>GET /webhooks/{id}/{token}</c>.</summary>
public sealed record DiscordWebhook(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("channel_id")] string? ChannelId,
    [property: JsonPropertyName("guild_id")] string? GuildId = null,
    [property: JsonPropertyName("type")] int Type = 1);
