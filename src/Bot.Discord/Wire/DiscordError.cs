using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Discord.Wire;

/// <summary>Discord's JSON error body: <c>{code, message, errors}</c>.</summary>
public sealed record DiscordError(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("errors")] JsonElement? Errors);
