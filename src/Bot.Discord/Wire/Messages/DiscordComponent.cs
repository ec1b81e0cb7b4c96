using System.Text.Json.Serialization;

namespace Bot.Discord.Wire.Messages;

/// <summary>A message component: an action row (type 1) holding buttons (type 2).</summary>
public sealed record DiscordComponent
{
    /// <summary>Action row.</summary>
    public const int ActionRowType = 1;

    /// <summary>Button.</summary>
    public const int ButtonType = 2;

    /// <summary>1 = action row, 2 = button.</summary>
    [JsonPropertyName("type")]
    public int Type { get; init; }

    /// <summary>Buttons of a row (at most 5).</summary>
    [JsonPropertyName("components")]
    public IReadOnlyList<DiscordComponent>? Components { get; init; }

    /// <summary>Button style: 1 primary, 2 secondary, 5 link.</summary>
    [JsonPropertyName("style")]
    public int? Style { get; init; }

    /// <summary>Button label, at most 80 characters.</summary>
    [JsonPropertyName("label")]
    public string? Label { get; init; }

    /// <summary>Button id sent back on click, at most 100 characters (a paging token).</summary>
    [JsonPropertyName("custom_id")]
    public string? CustomId { get; init; }

    /// <summary>Link buttons: the URL to open.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>Greyed out.</summary>
    [JsonPropertyName("disabled")]
    public bool? Disabled { get; init; }
}
