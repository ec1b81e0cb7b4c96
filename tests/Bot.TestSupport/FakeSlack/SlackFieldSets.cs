using System.Text.Json.Nodes;

namespace Bot.TestSupport.FakeSlack;

/// <summary>
/// The arguments each Slack call takes, typed in from Slack's method reference (chat.postMessage, chat.update,
/// chat.delete, conversations.history, conversations.replies), the incoming-webhook page (a webhook's channel, name and
/// icon are fixed at install: a body cannot choose them) and the interactivity page (response_url messages). The token
/// travels in the Authorization header, so it is not a body field here. An argument outside its set fails the check.
/// </summary>
public static class SlackFieldSets
{
    /// <summary>chat.postMessage.</summary>
    public static readonly IReadOnlySet<string> PostMessage = Set("channel", "text", "blocks", "attachments", "as_user", "icon_emoji", "icon_url", "link_names", "markdown_text", "metadata", "mrkdwn", "parse", "reply_broadcast", "thread_ts", "unfurl_links", "unfurl_media", "username", "current_draft_last_updated_ts");

    /// <summary>chat.update: no thread_ts, unfurl_* or identity; <c>ts</c> names the message.</summary>
    public static readonly IReadOnlySet<string> Update = Set("channel", "ts", "text", "blocks", "attachments", "as_user", "file_ids", "link_names", "markdown_text", "metadata", "parse", "reply_broadcast");

    /// <summary>chat.delete.</summary>
    public static readonly IReadOnlySet<string> Delete = Set("channel", "ts", "as_user");

    /// <summary>conversations.history (query arguments).</summary>
    public static readonly IReadOnlySet<string> History = Set("channel", "cursor", "include_all_metadata", "inclusive", "latest", "limit", "oldest");

    /// <summary>conversations.replies (query arguments).</summary>
    public static readonly IReadOnlySet<string> Replies = Set("channel", "ts", "cursor", "include_all_metadata", "inclusive", "latest", "limit", "oldest");

    /// <summary>An incoming webhook's JSON payload.</summary>
    public static readonly IReadOnlySet<string> Webhook = Set("text", "blocks", "attachments", "mrkdwn", "unfurl_links", "unfurl_media");

    /// <summary>A message posted to a <c>response_url</c>.</summary>
    public static readonly IReadOnlySet<string> ResponseUrl = Set("text", "blocks", "attachments", "mrkdwn", "unfurl_links", "unfurl_media", "thread_ts", "response_type", "replace_original", "delete_original");

    /// <summary>Arguments a call cannot go without.</summary>
    public static IReadOnlyList<string> Required(string method) => method switch
    {
        "chat.postMessage" => ["channel"],
        "chat.update" or "chat.delete" => ["channel", "ts"],
        "conversations.history" => ["channel"],
        "conversations.replies" => ["channel", "ts"],
        _ => [],
    };

    /// <summary>The field set of <paramref name="method"/> as the fake records it (null when the fake does not check it).</summary>
    public static IReadOnlySet<string>? For(string method) => method switch
    {
        "chat.postMessage" => PostMessage,
        "chat.update" => Update,
        "chat.delete" => Delete,
        "conversations.history" => History,
        "conversations.replies" => Replies,
        "webhook" => Webhook,
        "response_url" => ResponseUrl,
        _ => null,
    };

    /// <summary>One line per field outside the set, per missing required argument, and for a history limit above 15.</summary>
    public static IReadOnlyList<string> Check(string method, JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var allowed = For(method) ?? throw new ArgumentException($"no field set for {method}", nameof(method));
        var errors = body.Where(p => !allowed.Contains(p.Key)).Select(p => $"{method}: {p.Key} is not an argument of {method}").ToList();
        errors.AddRange(Required(method).Where(r => body[r] is null).Select(r => $"{method}: {r} is required"));
        if (method.StartsWith("conversations.", StringComparison.Ordinal) && int.TryParse(body["limit"]?.ToString(), out var limit) && limit > 15)
        {
            errors.Add($"{method}: limit {limit} is above the 15 Slack allows apps outside its directory");
        }

        return errors;
    }

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}
