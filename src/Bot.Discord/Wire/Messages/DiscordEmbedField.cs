using System.Text.Json.Serialization;

namespace Bot.Discord.Wire.Messages;

/// <summary>An embed field: name at most 256 characters, value at most 1024; neither may be empty.</summary>
public sealed record DiscordEmbedField(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("inline")] bool? Inline = null);
