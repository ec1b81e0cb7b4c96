using System.Text.Json.Serialization;
using Bot.Discord.Wire.Messages;

namespace Bot.Discord.Wire;

/// <summary>An embed of a fetched message: its link and footer, where the post's marker sits.</summary>
public sealed record FetchedEmbed(
    [property: JsonPropertyName("url")] string? Url = null,
    [property: JsonPropertyName("footer")] DiscordEmbedFooter? Footer = null);
