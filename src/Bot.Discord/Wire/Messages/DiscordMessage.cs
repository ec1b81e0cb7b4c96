using System.Text.Json.Serialization;

namespace Bot.Discord.Wire.Messages;

/// <summary>
/// The body of a create-message, execute-webhook or interaction-response message (Discord API v10).
/// Nulls are left out of the JSON.
/// </summary>
public sealed record DiscordMessage
{
    /// <summary>Message text, at most 2000 characters.</summary>
    [JsonPropertyName("content")]
    public string? Content { get; init; }

    /// <summary>At most 10 embeds, 6000 characters in total.</summary>
    [JsonPropertyName("embeds")]
    public IReadOnlyList<DiscordEmbed>? Embeds { get; init; }

    /// <summary>Always set: nothing pings unless listed.</summary>
    [JsonPropertyName("allowed_mentions")]
    public DiscordAllowedMentions AllowedMentions { get; init; } = DiscordAllowedMentions.None;

    /// <summary>Action rows of buttons.</summary>
    [JsonPropertyName("components")]
    public IReadOnlyList<DiscordComponent>? Components { get; init; }

    /// <summary>Up to 25 characters; with <see cref="EnforceNonce"/>, a retried post is not duplicated.</summary>
    [JsonPropertyName("nonce")]
    public string? Nonce { get; init; }

    /// <summary>True when <see cref="Nonce"/> must deduplicate.</summary>
    [JsonPropertyName("enforce_nonce")]
    public bool? EnforceNonce { get; init; }

    /// <summary>For a webhook into a forum channel: the name of the post (thread) to create.</summary>
    [JsonPropertyName("thread_name")]
    public string? ThreadName { get; init; }

    /// <summary>Message flags: 64 = ephemeral (interaction responses only), 4 = suppress embeds.</summary>
    [JsonPropertyName("flags")]
    public int? Flags { get; init; }
}
