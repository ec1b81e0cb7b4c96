using System.Text.Json.Serialization;

namespace Bot.Discord.Wire;

/// <summary>One of a forum's <c>available_tags</c>.</summary>
public sealed record DiscordForumTag(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("moderated")] bool Moderated = false);
