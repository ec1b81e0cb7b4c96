using System.Text.Json.Serialization;

namespace Bot.Discord.Wire;

/// <summary>The fields we read from a channel (or a thread just created, with its first message).</summary>
public sealed record DiscordChannel(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("message")] CreatedMessage? Message = null,
    [property: JsonPropertyName("flags")] int Flags = 0,
    [property: JsonPropertyName("available_tags")] IReadOnlyList<DiscordForumTag>? AvailableTags = null,
    [property: JsonPropertyName("guild_id")] string? GuildId = null,
    [property: JsonPropertyName("parent_id")] string? ParentId = null,
    [property: JsonPropertyName("permission_overwrites")] IReadOnlyList<PermissionOverwrite>? PermissionOverwrites = null)
{
    /// <summary>GUILD_TEXT.</summary>
    public const int GuildText = 0;

    /// <summary>GUILD_CATEGORY: holds channels, takes no messages.</summary>
    public const int GuildCategory = 4;

    /// <summary>GUILD_ANNOUNCEMENT: its messages can be crossposted to followers.</summary>
    public const int GuildAnnouncement = 5;

    /// <summary>Channel flag REQUIRE_TAG: a forum post must carry one of the forum's tags.</summary>
    public const int RequireTagFlag = 1 << 4;

    /// <summary>GUILD_FORUM.</summary>
    public const int GuildForum = 15;

    /// <summary>GUILD_MEDIA (posts like a forum).</summary>
    public const int GuildMedia = 16;

    /// <summary>True for channels whose messages are posts (threads) with a name.</summary>
    [JsonIgnore]
    public bool IsForum => Type is GuildForum or GuildMedia;

    /// <summary>ANNOUNCEMENT_THREAD, PUBLIC_THREAD, PRIVATE_THREAD: a thread cannot hold another thread.</summary>
    [JsonIgnore]
    public bool IsThread => Type is 10 or 11 or 12;

    /// <summary>True when a forum post needs a tag (40067 otherwise).</summary>
    [JsonIgnore]
    public bool RequiresTag => (Flags & RequireTagFlag) != 0;
}
