using System.Text.Json.Serialization;

namespace Bot.Discord.Wire;

/// <summary>The invoking guild member of an interaction: its roles and its permissions in the channel, overwrites applied.</summary>
/// <param name="Permissions">The member's total permissions in the channel as a decimal bit set string.</param>
public sealed record InteractionMember(
    [property: JsonPropertyName("permissions")] string? Permissions,
    [property: JsonPropertyName("roles")] IReadOnlyList<string>? Roles);
