using System.Text.Json.Serialization;

namespace Bot.Slack.Wire.Messages;

/// <summary>
/// A <c>chat.postMessage</c> body, an incoming-webhook body, or a slash-command / <c>response_url</c> reply.
/// <see cref="Text"/> is always set (the notification fallback). Nulls are left out of the JSON.
/// </summary>
public sealed record SlackMessage
{
    /// <summary>Channel id for <c>chat.postMessage</c>; null for webhooks and replies.</summary>
    [JsonPropertyName("channel")]
    public string? Channel { get; init; }

    /// <summary>Fallback text for notifications and screen readers (escaped mrkdwn).</summary>
    [JsonPropertyName("text")]
    public string Text { get; init; } = string.Empty;

    /// <summary>Block Kit blocks, at most 50.</summary>
    [JsonPropertyName("blocks")]
    public IReadOnlyList<SlackBlock>? Blocks { get; init; }

    /// <summary>Never unfurl links: the blocks already show them.</summary>
    [JsonPropertyName("unfurl_links")]
    public bool? UnfurlLinks { get; init; }

    /// <summary>Never unfurl media.</summary>
    [JsonPropertyName("unfurl_media")]
    public bool? UnfurlMedia { get; init; }

    /// <summary>Thread mode: the parent message's ts.</summary>
    [JsonPropertyName("thread_ts")]
    public string? ThreadTs { get; init; }

    /// <summary>Message metadata; scheduled posts carry their ledger key here.</summary>
    [JsonPropertyName("metadata")]
    public SlackMetadata? Metadata { get; init; }

    /// <summary>Slash replies: <c>ephemeral</c> or <c>in_channel</c>.</summary>
    [JsonPropertyName("response_type")]
    public string? ResponseType { get; init; }

    /// <summary><c>response_url</c> replies: replace the message that held the clicked button.</summary>
    [JsonPropertyName("replace_original")]
    public bool? ReplaceOriginal { get; init; }
}
