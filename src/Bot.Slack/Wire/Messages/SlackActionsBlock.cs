using System.Text.Json.Serialization;

namespace Bot.Slack.Wire.Messages;

/// <summary><c>actions</c>: interactive elements (buttons), at most 25.</summary>
public sealed record SlackActionsBlock([property: JsonPropertyName("elements")] IReadOnlyList<SlackButton> Elements) : SlackBlock;
