using System.Text.Json.Serialization;

namespace Bot.Slack.Wire;

/// <summary>One clicked element of a <c>block_actions</c> payload.</summary>
public sealed record SlackAction
{
    /// <summary>The element's action id.</summary>
    [JsonPropertyName("action_id")] public string? ActionId { get; init; }

    /// <summary>The button's value.</summary>
    [JsonPropertyName("value")] public string? Value { get; init; }

    /// <summary>The block the element is in.</summary>
    [JsonPropertyName("block_id")] public string? BlockId { get; init; }
}
