using System.Text.Json.Serialization;

namespace Bot.Discord.Wire;

/// <summary>An option of a slash command. Types: 3 string, 4 integer, 5 boolean, 10 number.</summary>
public sealed record ApplicationCommandOption(
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("required")] bool? Required = null,
    [property: JsonPropertyName("choices")] IReadOnlyList<ApplicationCommandChoice>? Choices = null,
    [property: JsonPropertyName("autocomplete")] bool? Autocomplete = null,
    [property: JsonPropertyName("min_value")] int? MinValue = null,
    [property: JsonPropertyName("max_value")] int? MaxValue = null,
    [property: JsonPropertyName("min_length")] int? MinLength = null,
    [property: JsonPropertyName("max_length")] int? MaxLength = null,
    [property: JsonPropertyName("name_localizations")] IReadOnlyDictionary<string, string>? NameLocalizations = null,
    [property: JsonPropertyName("description_localizations")] IReadOnlyDictionary<string, string>? DescriptionLocalizations = null)
{
    /// <summary>STRING.</summary>
    public const int String = 3;

    /// <summary>INTEGER.</summary>
    public const int Integer = 4;
}
