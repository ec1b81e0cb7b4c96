using System.Text.Json.Serialization;
using Bot.Discord.Rendering;

namespace Bot.Discord.Wire.Messages;

/// <summary>A rich embed. Limits: title 256, description 4096, 25 fields, footer 2048 (see <see cref="DiscordLimits"/>).</summary>
public sealed record DiscordEmbed
{
    /// <summary>Title, at most 256 characters.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Where the title links to.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>Description, at most 4096 characters.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Colour of the left bar, as 0xRRGGBB.</summary>
    [JsonPropertyName("color")]
    public int? Color { get; init; }

    /// <summary>At most 25 fields.</summary>
    [JsonPropertyName("fields")]
    public IReadOnlyList<DiscordEmbedField>? Fields { get; init; }

    /// <summary>Footer, text at most 2048 characters.</summary>
    [JsonPropertyName("footer")]
    public DiscordEmbedFooter? Footer { get; init; }

    /// <summary>ISO 8601 timestamp shown in the footer.</summary>
    [JsonPropertyName("timestamp")]
    public string? Timestamp { get; init; }
}
