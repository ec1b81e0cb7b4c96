using System.Text.Json.Nodes;

namespace Bot.TestSupport.FakeDiscord;

/// <summary>
/// The JSON fields each endpoint takes, as Discord's developer documentation lists them (Channel: Create Message,
/// Start Thread in Forum or Media Channel, Start Thread from Message, Edit Message; Webhook: Execute Webhook, Edit Webhook Message;
/// Interactions: Create Followup Message). A field outside its endpoint's set is refused, as the official typings
/// refuse it: in particular <c>nonce</c>/<c>enforce_nonce</c> exist on Create Message only.
/// </summary>
public static class DiscordFieldSets
{
    /// <summary>Message flags a bot may set when sending: SUPPRESS_EMBEDS, EPHEMERAL (interactions), SUPPRESS_NOTIFICATIONS, IS_VOICE_MESSAGE, IS_COMPONENTS_V2.</summary>
    public const int SendableFlags = 4 | 64 | 4096 | 8192 | 32768;

    /// <summary><c>POST /channels/{id}/messages</c>.</summary>
    public static readonly IReadOnlySet<string> CreateMessage = Set("content", "nonce", "tts", "embeds", "allowed_mentions", "message_reference", "components", "sticker_ids", "files", "payload_json", "attachments", "flags", "enforce_nonce", "poll");

    /// <summary><c>POST /webhooks/{id}/{token}</c>.</summary>
    public static readonly IReadOnlySet<string> ExecuteWebhook = Set("content", "username", "avatar_url", "tts", "embeds", "allowed_mentions", "components", "files", "payload_json", "attachments", "flags", "thread_name", "applied_tags", "poll");

    /// <summary><c>POST /webhooks/{application_id}/{interaction_token}</c>: Execute Webhook's fields, without the thread and identity ones that only real webhooks use.</summary>
    public static readonly IReadOnlySet<string> CreateFollowup = Set("content", "username", "avatar_url", "tts", "embeds", "allowed_mentions", "components", "files", "payload_json", "attachments", "flags", "poll");

    /// <summary><c>PATCH /webhooks/{id}/{token}/messages/{id or @original}</c>.</summary>
    public static readonly IReadOnlySet<string> EditWebhookMessage = Set("content", "embeds", "flags", "allowed_mentions", "components", "files", "payload_json", "attachments", "poll");

    /// <summary><c>PATCH /channels/{id}/messages/{id}</c> (Edit Message).</summary>
    public static readonly IReadOnlySet<string> EditMessage = Set("content", "embeds", "flags", "allowed_mentions", "components", "files", "payload_json", "attachments");

    /// <summary><c>POST /channels/{id}/threads</c> on a forum or media channel (the outer body).</summary>
    public static readonly IReadOnlySet<string> StartForumThread = Set("name", "auto_archive_duration", "rate_limit_per_user", "message", "applied_tags", "files", "payload_json");

    /// <summary>The <c>message</c> of a forum thread (Forum and Media Thread Message Params).</summary>
    public static readonly IReadOnlySet<string> ForumThreadMessage = Set("content", "embeds", "allowed_mentions", "components", "sticker_ids", "attachments", "flags");

    /// <summary><c>POST /channels/{id}/messages/{id}/threads</c>.</summary>
    public static readonly IReadOnlySet<string> StartThreadFromMessage = Set("name", "auto_archive_duration", "rate_limit_per_user");

    /// <summary>The fields of <paramref name="body"/> that <paramref name="allowed"/> does not list, one line each; and flags a bot may not set.</summary>
    public static IReadOnlyList<string> Check(JsonObject? body, IReadOnlySet<string> allowed, string endpoint)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var errors = new List<string>();
        if (body is null)
        {
            return errors;
        }

        foreach (var (name, _) in body)
        {
            if (!allowed.Contains(name))
            {
                errors.Add($"{name}: not a field of {endpoint}");
            }
        }

        if (DiscordLimitsValidator.Int(body, "flags") is { } flags && (flags & ~SendableFlags) != 0)
        {
            errors.Add($"flags: {flags} sets bits a bot cannot send ({flags & ~SendableFlags})");
        }

        return errors;
    }

    /// <summary>The field set of the request the fake recorded under <paramref name="template"/>, or null for bodiless routes.</summary>
    public static IReadOnlySet<string>? For(string template) => template switch
    {
        "POST channels/{channel_id}/messages" => CreateMessage,
        "POST webhooks/{webhook_id}/{webhook_token}" => ExecuteWebhook,
        "POST webhooks/{application_id}/{interaction_token}" => CreateFollowup,
        "PATCH webhooks/{application_id}/{interaction_token}/messages/@original" => EditWebhookMessage,
        "POST channels/{channel_id}/threads" => StartForumThread,
        "PATCH channels/{channel_id}/messages/{message_id}" => EditMessage,
        "PATCH webhooks/{webhook_id}/{webhook_token}/messages/{message_id}" => EditWebhookMessage,
        "POST channels/{channel_id}/messages/{message_id}/threads" => StartThreadFromMessage,
        _ => null,
    };

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}
