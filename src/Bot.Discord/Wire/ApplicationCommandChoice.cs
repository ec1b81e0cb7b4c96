using System.Text.Json.Serialization;

namespace Bot.Discord.Wire;

/// <summary>A fixed choice of a string option (also the shape of autocomplete results).</summary>
public sealed record ApplicationCommandChoice(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value);
