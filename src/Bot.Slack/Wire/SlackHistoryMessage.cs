using System.Text.Json.Serialization;

namespace Bot.Slack.Wire;

/// <summary>A message as returned by conversations.history and conversations.replies.</summary>
public sealed record SlackHistoryMessage
{
    /// <summary>The message timestamp (its id).</summary>
    [JsonPropertyName("ts")] public string? Ts { get; init; }

    /// <summary>The parent's timestamp when the message is in a thread.</summary>
    [JsonPropertyName("thread_ts")] public string? ThreadTs { get; init; }

    /// <summary>Set for messages posted by a bot.</summary>
    [JsonPropertyName("bot_id")] public string? BotId { get; init; }

    /// <summary>The fallback text.</summary>
    [JsonPropertyName("text")] public string? Text { get; init; }

    /// <summary>Message metadata (returned with <c>include_all_metadata</c>).</summary>
    [JsonPropertyName("metadata")] public SlackMessageMetadata? Metadata { get; init; }
}
