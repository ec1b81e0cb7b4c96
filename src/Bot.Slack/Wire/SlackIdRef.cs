using System.Text.Json.Serialization;

namespace Bot.Slack.Wire;

/// <summary>An object Slack refers to by id (user, channel, team).</summary>
public sealed record SlackIdRef
{
    /// <summary>The id.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }
}
