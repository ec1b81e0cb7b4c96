using System.Text.Json.Serialization;

namespace Bot.Slack.Wire.Messages;

/// <summary>A <c>button</c> element: label at most 75 characters, <c>action_id</c> 255, <c>value</c> 2000.</summary>
public sealed record SlackButton(
    [property: JsonPropertyName("text")] SlackTextObject Text,
    [property: JsonPropertyName("action_id")] string ActionId)
{
    /// <summary>Always <c>button</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "button";

    /// <summary>Sent back in <c>block_actions</c> (a paging token).</summary>
    [JsonPropertyName("value")]
    public string? Value { get; init; }

    /// <summary>Link buttons: the URL to open.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary><c>primary</c> or <c>danger</c>; null for the default.</summary>
    [JsonPropertyName("style")]
    public string? Style { get; init; }
}
