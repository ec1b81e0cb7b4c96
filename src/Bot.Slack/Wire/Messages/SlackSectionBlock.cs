using System.Text.Json.Serialization;

namespace Bot.Slack.Wire.Messages;

/// <summary><c>section</c>: mrkdwn text of at most 3000 characters, optional fields and accessory.</summary>
public sealed record SlackSectionBlock([property: JsonPropertyName("text")] SlackTextObject Text) : SlackBlock
{
    /// <summary>Up to 10 fields of at most 2000 characters.</summary>
    [JsonPropertyName("fields")]
    public IReadOnlyList<SlackTextObject>? Fields { get; init; }

    /// <summary>A button beside the text.</summary>
    [JsonPropertyName("accessory")]
    public SlackButton? Accessory { get; init; }
}
