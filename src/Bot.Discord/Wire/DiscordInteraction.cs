using System.Text.Json.Serialization;

namespace Bot.Discord.Wire;

/// <summary>An incoming interaction (only the fields the bot reads).</summary>
public sealed record DiscordInteraction(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("application_id")] string? ApplicationId,
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("data")] InteractionData? Data,
    [property: JsonPropertyName("guild_id")] string? GuildId,
    [property: JsonPropertyName("channel_id")] string? ChannelId,
    [property: JsonPropertyName("token")] string? Token,
    [property: JsonPropertyName("version")] int Version = 1,
    [property: JsonPropertyName("member")] InteractionMember? Member = null)
{
    /// <summary>PING, sent when the URL is saved in the portal.</summary>
    public const int Ping = 1;

    /// <summary>A slash command.</summary>
    public const int ApplicationCommand = 2;

    /// <summary>A button press.</summary>
    public const int MessageComponent = 3;

    /// <summary>An autocomplete request.</summary>
    public const int ApplicationCommandAutocomplete = 4;
}
