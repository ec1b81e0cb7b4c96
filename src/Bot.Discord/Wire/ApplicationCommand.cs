using System.Text.Json.Serialization;

namespace Bot.Discord.Wire;

/// <summary>A slash command definition, as sent to the bulk-overwrite endpoints.</summary>
/// <param name="DefaultMemberPermissions">A permission bit set as a decimal string, or null for everyone.</param>
/// <param name="Contexts">Interaction contexts: 0 guild, 1 bot DM, 2 private channel.</param>
public sealed record ApplicationCommand(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("options")] IReadOnlyList<ApplicationCommandOption>? Options = null,
    [property: JsonPropertyName("default_member_permissions")] string? DefaultMemberPermissions = null,
    [property: JsonPropertyName("contexts")] IReadOnlyList<int>? Contexts = null,
    [property: JsonPropertyName("type")] int Type = 1,
    [property: JsonPropertyName("id")] string? Id = null);
