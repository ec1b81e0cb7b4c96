using System.Text.Json.Serialization;

namespace Bot.Discord.Wire;

/// <summary>A channel's permission overwrite for a role (type 0) or a member (type 1); allow and deny are bit sets as strings.</summary>
public sealed record PermissionOverwrite(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("allow")] string Allow,
    [property: JsonPropertyName("deny")] string Deny);
