using System.Text.Json.Serialization;

namespace Bot.Discord.Wire;

/// <summary>The fields the look-up reads from a fetched message: where it is, and the markers of its embeds.</summary>
public sealed record FetchedMessage(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("channel_id")] string? ChannelId = null,
    [property: JsonPropertyName("embeds")] IReadOnlyList<FetchedEmbed>? Embeds = null);
