using System.Security.Cryptography;
using System.Text;

namespace Bot.Discord.Rest;

/// <summary>
/// One REST call: method, path, and its rate-limit identity (template plus major parameter: channel, guild or webhook).
/// </summary>
/// <param name="Path">Relative to the API base URL.</param>
/// <param name="Template">The path with ids replaced, e.g. <c>channels/{channel_id}/messages</c>; safe to log.</param>
/// <param name="MajorParameter">The top-level resource id; a webhook's is a hash that never reveals its token.</param>
/// <param name="UsesBotToken">Sends <c>Authorization: Bot …</c>; never for webhooks, whose URL is the credential.</param>
/// <param name="CountsTowardsGlobal">Interaction responses are exempt from the global limit.</param>
public sealed record DiscordRoute(
    HttpMethod Method,
    string Path,
    string Template,
    string MajorParameter,
    bool UsesBotToken = true,
    bool CountsTowardsGlobal = true)
{
    /// <summary>
    /// True when sending the request again after a lost answer cannot create a second object: every GET, PUT, PATCH and
    /// DELETE, and the POSTs that deduplicate (Create Message with its nonce, a crosspost, a thread from a message).
    /// Execute Webhook and Start Thread in Forum take no nonce: the client never resends them by itself.
    /// </summary>
    public bool ResendIsSafe { get; init; } = Method != HttpMethod.Post;

    /// <summary>The key of the route's bucket until Discord names the bucket.</summary>
    public string RouteKey => $"{Method.Method} {Template} {MajorParameter}";

    /// <summary>What logs may show.</summary>
    public override string ToString() => $"{Method.Method} {Template}";

    /// <summary><c>POST /channels/{id}/messages</c>.</summary>
    public static DiscordRoute CreateMessage(string channelId)
        => new(HttpMethod.Post, $"channels/{Escape(channelId)}/messages", "channels/{channel_id}/messages", channelId) { ResendIsSafe = true };

    /// <summary><c>GET /channels/{id}</c>.</summary>
    public static DiscordRoute GetChannel(string channelId)
        => new(HttpMethod.Get, $"channels/{Escape(channelId)}", "channels/{channel_id}", channelId);

    /// <summary><c>POST /channels/{id}/threads</c>: a new post in a forum channel.</summary>
    public static DiscordRoute StartForumThread(string channelId)
        => new(HttpMethod.Post, $"channels/{Escape(channelId)}/threads", "channels/{channel_id}/threads", channelId);

    /// <summary><c>POST /channels/{id}/messages/{id}/threads</c>: a thread under a message.</summary>
    public static DiscordRoute StartThreadFromMessage(string channelId, string messageId)
        => new(HttpMethod.Post, $"channels/{Escape(channelId)}/messages/{Escape(messageId)}/threads", "channels/{channel_id}/messages/{message_id}/threads", channelId) { ResendIsSafe = true };

    /// <summary>Executes the webhook of <paramref name="webhookUrl"/> (parsed; refused when not a Discord webhook URL).</summary>
    public static DiscordRoute ExecuteWebhook(string webhookUrl, string? threadId = null)
        => ExecuteWebhook(DiscordWebhookUrl.Parse(webhookUrl), threadId);

    /// <summary>
    /// <c>POST /webhooks/{id}/{token}?wait=true</c> on the configured API version (never the pasted URL's unversioned
    /// path), with an optional <c>thread_id</c>.
    /// </summary>
    public static DiscordRoute ExecuteWebhook(DiscordWebhookUrl webhook, string? threadId = null)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var path = $"webhooks/{Escape(webhook.Id)}/{Escape(webhook.Token)}?wait=true";
        if (!string.IsNullOrEmpty(threadId))
        {
            path += $"&thread_id={Uri.EscapeDataString(threadId)}";
        }

        return new(HttpMethod.Post, path, "webhooks/{webhook_id}/{webhook_token}", "webhook:" + webhook.Id, UsesBotToken: false);
    }

    /// <summary><c>GET /webhooks/{id}/{token}</c>.</summary>
    public static DiscordRoute GetWebhook(DiscordWebhookUrl webhook)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return new(HttpMethod.Get, $"webhooks/{Escape(webhook.Id)}/{Escape(webhook.Token)}", "webhooks/{webhook_id}/{webhook_token}", "webhook:" + webhook.Id, UsesBotToken: false);
    }

    /// <summary><c>POST /channels/{id}/messages/{id}/crosspost</c>: its own rate limit (a bucket per channel, learned from the headers).</summary>
    public static DiscordRoute Crosspost(string channelId, string messageId)
        => new(HttpMethod.Post, $"channels/{Escape(channelId)}/messages/{Escape(messageId)}/crosspost", "channels/{channel_id}/messages/{message_id}/crosspost", channelId) { ResendIsSafe = true };

    /// <summary><c>PATCH</c> or <c>DELETE /channels/{id}/messages/{id}</c> (a thread id works as a channel id).</summary>
    public static DiscordRoute ChannelMessage(HttpMethod method, string channelId, string messageId)
        => new(method, $"channels/{Escape(channelId)}/messages/{Escape(messageId)}", "channels/{channel_id}/messages/{message_id}", channelId);

    /// <summary><c>GET /channels/{id}/messages?limit=N</c>: the newest messages, newest first.</summary>
    public static DiscordRoute GetMessages(string channelId, int limit)
        => new(HttpMethod.Get, $"channels/{Escape(channelId)}/messages?limit={limit}", "channels/{channel_id}/messages", channelId);

    /// <summary><c>GET /guilds/{id}/threads/active</c>: every active thread of the guild (forum posts among them).</summary>
    public static DiscordRoute ActiveThreads(string guildId)
        => new(HttpMethod.Get, $"guilds/{Escape(guildId)}/threads/active", "guilds/{guild_id}/threads/active", guildId);

    /// <summary><c>GET /guilds/{id}/members/{user}</c>: a member's roles.</summary>
    public static DiscordRoute GetMember(string guildId, string userId)
        => new(HttpMethod.Get, $"guilds/{Escape(guildId)}/members/{Escape(userId)}", "guilds/{guild_id}/members/{user_id}", guildId);

    /// <summary><c>GET /guilds/{id}/roles</c>: the guild's roles and their permissions.</summary>
    public static DiscordRoute GetRoles(string guildId)
        => new(HttpMethod.Get, $"guilds/{Escape(guildId)}/roles", "guilds/{guild_id}/roles", guildId);

    /// <summary><c>GET /users/@me</c>: the bot's own user.</summary>
    public static DiscordRoute CurrentUser()
        => new(HttpMethod.Get, "users/@me", "users/@me", "users");

    /// <summary>
    /// <c>PATCH</c> or <c>DELETE /webhooks/{id}/{token}/messages/{id}</c>, with <c>thread_id</c> when the message is in a
    /// thread (a forum post): Discord looks for the message in the webhook's channel otherwise.
    /// </summary>
    public static DiscordRoute WebhookMessage(HttpMethod method, DiscordWebhookUrl webhook, string messageId, string? threadId)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var path = $"webhooks/{Escape(webhook.Id)}/{Escape(webhook.Token)}/messages/{Escape(messageId)}";
        if (!string.IsNullOrEmpty(threadId))
        {
            path += $"?thread_id={Uri.EscapeDataString(threadId)}";
        }

        return new(method, path, "webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", "webhook:" + webhook.Id, UsesBotToken: false);
    }

    /// <summary><c>PATCH /webhooks/{app}/{token}/messages/@original</c>: edits a deferred interaction reply.</summary>
    public static DiscordRoute EditOriginalResponse(string applicationId, string interactionToken)
        => Interaction(HttpMethod.Patch, applicationId, interactionToken, "/messages/@original");

    /// <summary><c>DELETE /webhooks/{app}/{token}/messages/@original</c>.</summary>
    public static DiscordRoute DeleteOriginalResponse(string applicationId, string interactionToken)
        => Interaction(HttpMethod.Delete, applicationId, interactionToken, "/messages/@original");

    /// <summary><c>POST /webhooks/{app}/{token}</c>: a follow-up message (may be ephemeral).</summary>
    public static DiscordRoute CreateFollowup(string applicationId, string interactionToken)
        => Interaction(HttpMethod.Post, applicationId, interactionToken, string.Empty);

    /// <summary><c>PUT /applications/{app}/commands</c> or the guild's, when <paramref name="guildId"/> is set.</summary>
    public static DiscordRoute BulkOverwriteCommands(string applicationId, string? guildId)
        => string.IsNullOrEmpty(guildId)
            ? new(HttpMethod.Put, $"applications/{Escape(applicationId)}/commands", "applications/{application_id}/commands", applicationId)
            : new(HttpMethod.Put, $"applications/{Escape(applicationId)}/guilds/{Escape(guildId)}/commands", "applications/{application_id}/guilds/{guild_id}/commands", guildId);

    private static DiscordRoute Interaction(HttpMethod method, string applicationId, string token, string suffix)
        => new(method, $"webhooks/{Escape(applicationId)}/{Escape(token)}{suffix}", "webhooks/{application_id}/{interaction_token}" + suffix, "interaction:" + Hash(token), UsesBotToken: false, CountsTowardsGlobal: false);

    private static string Escape(string id) => Uri.EscapeDataString(id);

    private static string Hash(string secret)
        => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), 0, 8);
}
