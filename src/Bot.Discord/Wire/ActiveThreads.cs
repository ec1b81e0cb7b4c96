using System.Text.Json.Serialization;

namespace Bot.Discord.Wire;

/// <summary>The answer of <c>GET /guilds/{id}/threads/active</c>: the guild's active threads (forum posts among them).</summary>
public sealed record ActiveThreads([property: JsonPropertyName("threads")] IReadOnlyList<DiscordChannel> Threads);
