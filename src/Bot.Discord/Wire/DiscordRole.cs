using System.Text.Json.Serialization;

namespace Bot.Discord.Wire;

/// <summary>A guild role: its id (the guild's id for @everyone) and its permission bit set as a string.</summary>
public sealed record DiscordRole(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("permissions")] string Permissions);
