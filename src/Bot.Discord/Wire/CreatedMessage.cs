using System.Text.Json.Serialization;

namespace Bot.Discord.Wire;

/// <summary>The fields we read back from a created message.</summary>
public sealed record CreatedMessage(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("channel_id")] string? ChannelId,
    [property: JsonPropertyName("nonce")] string? Nonce = null);
