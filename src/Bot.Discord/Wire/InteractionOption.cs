using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Discord.Wire;

/// <summary>One option value of a command interaction; <see cref="Focused"/> marks the one being autocompleted.</summary>
public sealed record InteractionOption(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("value")] JsonElement? Value = null,
    [property: JsonPropertyName("options")] IReadOnlyList<InteractionOption>? Options = null,
    [property: JsonPropertyName("focused")] bool? Focused = null);
