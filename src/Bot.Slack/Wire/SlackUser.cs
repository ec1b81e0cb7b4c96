using System.Text.Json.Serialization;

namespace Bot.Slack.Wire;

/// <summary>The part of users.info's user this adapter reads.</summary>
public sealed record SlackUser
{
    /// <summary>The user id.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }

    /// <summary>A workspace admin.</summary>
    [JsonPropertyName("is_admin")] public bool IsAdmin { get; init; }

    /// <summary>A workspace owner.</summary>
    [JsonPropertyName("is_owner")] public bool IsOwner { get; init; }
}
