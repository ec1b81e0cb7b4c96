using System.Text.Json.Serialization;

namespace Bot.Slack.Wire;

/// <summary>The JSON in the <c>payload</c> form field of an interaction request (the fields this adapter reads).</summary>
public sealed record BlockActionsPayload
{
    /// <summary><c>block_actions</c> for button clicks.</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }

    /// <summary>Who clicked.</summary>
    [JsonPropertyName("user")] public SlackIdRef? User { get; init; }

    /// <summary>Where the message is.</summary>
    [JsonPropertyName("channel")] public SlackIdRef? Channel { get; init; }

    /// <summary>Where to send the replacement message.</summary>
    [JsonPropertyName("response_url")] public string? ResponseUrl { get; init; }

    /// <summary>The clicked elements.</summary>
    [JsonPropertyName("actions")] public IReadOnlyList<SlackAction>? Actions { get; init; }
}
