using System.Text.Json.Serialization;

namespace Bot.Slack.Wire;

/// <summary>The envelope every Web API method answers with (only the fields this adapter reads).</summary>
public sealed record SlackApiResponse
{
    /// <summary>False when the call failed, even with HTTP 200.</summary>
    [JsonPropertyName("ok")] public bool Ok { get; init; }

    /// <summary>Slack's error string when <see cref="Ok"/> is false.</summary>
    [JsonPropertyName("error")] public string? Error { get; init; }

    /// <summary>chat.postMessage: the channel posted to.</summary>
    [JsonPropertyName("channel")] public string? Channel { get; init; }

    /// <summary>chat.postMessage: the new message's timestamp (its id).</summary>
    [JsonPropertyName("ts")] public string? Ts { get; init; }

    /// <summary>conversations.history / replies: messages, newest first.</summary>
    [JsonPropertyName("messages")] public IReadOnlyList<SlackHistoryMessage>? Messages { get; init; }

    /// <summary>users.info: the user.</summary>
    [JsonPropertyName("user")] public SlackUser? User { get; init; }
}
