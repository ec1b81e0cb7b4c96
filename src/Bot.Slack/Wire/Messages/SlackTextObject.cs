using System.Text.Json.Serialization;

namespace Bot.Slack.Wire.Messages;

/// <summary>A text object: <c>mrkdwn</c> (escaped) or <c>plain_text</c>.</summary>
public sealed record SlackTextObject(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("text")] string Text)
{
    /// <summary>For plain_text: render <c>:emoji:</c> codes.</summary>
    [JsonPropertyName("emoji")]
    public bool? Emoji { get; init; }

    /// <summary>A mrkdwn text object.</summary>
    public static SlackTextObject Mrkdwn(string text) => new("mrkdwn", text);

    /// <summary>A plain_text object with emoji.</summary>
    public static SlackTextObject Plain(string text) => new("plain_text", text) { Emoji = true };
}
