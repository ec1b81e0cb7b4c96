using System.Text.Json.Serialization;

namespace Bot.Slack.Wire.Messages;

/// <summary><c>context</c>: small text elements, at most 10.</summary>
public sealed record SlackContextBlock([property: JsonPropertyName("elements")] IReadOnlyList<SlackTextObject> Elements) : SlackBlock;
