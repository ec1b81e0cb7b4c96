using System.Text.Json.Serialization;

namespace Bot.Discord.Wire;

/// <summary>The fields read from <c>GET /users/@me</c>.</summary>
public sealed record DiscordUser([property: JsonPropertyName("id")] string Id);
