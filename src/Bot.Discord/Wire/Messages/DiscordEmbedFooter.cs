using System.Text.Json.Serialization;

namespace Bot.Discord.Wire.Messages;

/// <summary>An embed footer: plain text (no Markdown), at most 2048 characters.</summary>
public sealed record DiscordEmbedFooter([property: JsonPropertyName("text")] string Text);
