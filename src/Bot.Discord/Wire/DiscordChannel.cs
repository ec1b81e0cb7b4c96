using System.Text.Json.Serialization;

namespace Bot.Discord.Wire;

/// <summary>The fields we read from a channel (or a thread just created, with its first message).</summary>
public sealed record DiscordChannel(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("message")] CreatedMessage? Message = null)
{
    /// <summary>GUILD_FORUM.</summary>
    public const int GuildForum = 15;

    /// <summary>GUILD_MEDIA (posts like a forum).</summary>
    public const int GuildMedia = 16;

    /// <summary>True for channels whose messages are posts (threads) with a name.</summary>
    [JsonIgnore]
    public bool IsForum => Type is GuildForum or GuildMedia;
}
