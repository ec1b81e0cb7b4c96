using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Slack.Wire;

/// <summary>Message metadata: an event type and a free-form payload.</summary>
public sealed record SlackMessageMetadata
{
    /// <summary>E.g. <c>bot_section_post</c>.</summary>
    [JsonPropertyName("event_type")] public string? EventType { get; init; }

    /// <summary>The payload; any shape (other apps' metadata is not ours to type).</summary>
    [JsonPropertyName("event_payload")] public JsonElement EventPayload { get; init; }
}
