using System.Text.Json.Serialization;

namespace Bot.Discord.Wire;

/// <summary>The fields read from <c>GET /guilds/{id}/members/{user}</c>: the member's role ids.</summary>
public sealed record GuildMember([property: JsonPropertyName("roles")] IReadOnlyList<string> Roles);
