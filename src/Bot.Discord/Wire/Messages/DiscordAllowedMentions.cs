using System.Text.Json.Serialization;

namespace Bot.Discord.Wire.Messages;

/// <summary><c>allowed_mentions</c>: <c>{"parse": []}</c> pings nobody; <see cref="Roles"/> may list one opted-in role.</summary>
public sealed record DiscordAllowedMentions
{
    /// <summary>Nothing pings.</summary>
    public static readonly DiscordAllowedMentions None = new();

    /// <summary>Mention types parsed from content; always empty here.</summary>
    [JsonPropertyName("parse")]
    public IReadOnlyList<string> Parse { get; init; } = [];

    /// <summary>Role ids that may ping, or null.</summary>
    [JsonPropertyName("roles")]
    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary>User ids that may ping, or null.</summary>
    [JsonPropertyName("users")]
    public IReadOnlyList<string>? Users { get; init; }
}
