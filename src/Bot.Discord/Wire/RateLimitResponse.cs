using System.Text.Json.Serialization;

namespace Bot.Discord.Wire;

/// <summary>The body of a 429: <c>{message, retry_after, global, code}</c>.</summary>
public sealed record RateLimitResponse(
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("retry_after")] double RetryAfter,
    [property: JsonPropertyName("global")] bool Global,
    [property: JsonPropertyName("code")] int? Code = null);
