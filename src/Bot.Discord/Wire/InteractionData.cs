using System.Text.Json.Serialization;

namespace Bot.Discord.Wire;

/// <summary>The <c>data</c> of a command, autocomplete or component interaction.</summary>
public sealed record InteractionData(
    [property: JsonPropertyName("id")] string? Id = null,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("type")] int? Type = null,
    [property: JsonPropertyName("options")] IReadOnlyList<InteractionOption>? Options = null,
    [property: JsonPropertyName("custom_id")] string? CustomId = null,
    [property: JsonPropertyName("component_type")] int? ComponentType = null);
