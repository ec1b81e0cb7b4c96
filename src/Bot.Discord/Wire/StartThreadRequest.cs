using System.Text.Json.Serialization;

namespace Bot.Discord.Wire;

/// <summary>Body of <c>POST /channels/{id}/messages/{id}/threads</c>: a thread from an existing message.</summary>
public sealed record StartThreadRequest(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("auto_archive_duration")] int? AutoArchiveDuration = null);
