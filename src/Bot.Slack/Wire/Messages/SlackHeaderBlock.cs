using System.Text.Json.Serialization;

namespace Bot.Slack.Wire.Messages;

/// <summary><c>header</c>: plain text, at most 150 characters.</summary>
public sealed record SlackHeaderBlock([property: JsonPropertyName("text")] SlackTextObject Text) : SlackBlock;
