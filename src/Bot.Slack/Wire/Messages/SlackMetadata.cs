using System.Text.Json.Serialization;

namespace Bot.Slack.Wire.Messages;

/// <summary>Message metadata: scheduled posts use <c>bot_section_post</c> with the ledger key, so a post can be found again.</summary>
public sealed record SlackMetadata(
    [property: JsonPropertyName("event_type")] string EventType,
    [property: JsonPropertyName("event_payload")] IReadOnlyDictionary<string, string> EventPayload);
