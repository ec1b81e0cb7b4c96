using System.Text.Json.Serialization;

namespace Bot.Discord.Wire;

/// <summary>A slash command definition, as sent to the bulk-overwrite endpoints.</summary>
/// <param name="DefaultMemberPermissions">A permission bit set as a decimal string, or null for everyone.</param>
/// <param name="Contexts">Interaction contexts (0 guild, 1 bot DM, 2 private channel); global commands only.</param>
/// <param name="IntegrationTypes">Installation contexts (0 guild install, 1 user install); global commands only.</param>
public sealed record ApplicationCommand(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("options")] IReadOnlyList<ApplicationCommandOption>? Options = null,
    [property: JsonPropertyName("default_member_permissions")] string? DefaultMemberPermissions = null,
    [property: JsonPropertyName("contexts")] IReadOnlyList<int>? Contexts = null,
    [property: JsonPropertyName("type")] int Type = 1,
    [property: JsonPropertyName("id")] string? Id = null,
    [property: JsonPropertyName("integration_types")] IReadOnlyList<int>? IntegrationTypes = null,
    [property: JsonPropertyName("name_localizations")] IReadOnlyDictionary<string, string>? NameLocalizations = null,
    [property: JsonPropertyName("description_localizations")] IReadOnlyDictionary<string, string>? DescriptionLocalizations = null);
