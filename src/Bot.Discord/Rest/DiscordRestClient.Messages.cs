using System.Text.Json.Nodes;
using Bot.Discord.Wire;

namespace Bot.Discord.Rest;

/// <summary>Endpoints on messages already sent: edit, delete, and the reads that find a post again after a lost answer.</summary>
public sealed partial class DiscordRestClient
{
    /// <summary><c>PATCH /channels/{id}/messages/{id}</c>: only the bot's own messages (50005 otherwise).</summary>
    public Task<CreatedMessage> EditMessageAsync(string channelId, string messageId, JsonObject message, CancellationToken ct = default)
        => SendJsonAsync(DiscordRoute.ChannelMessage(HttpMethod.Patch, channelId, messageId), message, DiscordJsonContext.Default.CreatedMessage, ct);

    /// <summary><c>DELETE /channels/{id}/messages/{id}</c>.</summary>
    public Task DeleteMessageAsync(string channelId, string messageId, CancellationToken ct = default)
        => SendRawAsync(DiscordRoute.ChannelMessage(HttpMethod.Delete, channelId, messageId), null, ct);

    /// <summary><c>PATCH /webhooks/{id}/{token}/messages/{id}</c> (<c>thread_id</c> for a message in a forum post).</summary>
    public Task<CreatedMessage> EditWebhookMessageAsync(string webhookUrl, string messageId, JsonObject message, string? threadId = null, CancellationToken ct = default)
        => SendJsonAsync(DiscordRoute.WebhookMessage(HttpMethod.Patch, DiscordWebhookUrl.Parse(webhookUrl), messageId, threadId), message, DiscordJsonContext.Default.CreatedMessage, ct);

    /// <summary><c>DELETE /webhooks/{id}/{token}/messages/{id}</c>.</summary>
    public Task DeleteWebhookMessageAsync(string webhookUrl, string messageId, string? threadId = null, CancellationToken ct = default)
        => SendRawAsync(DiscordRoute.WebhookMessage(HttpMethod.Delete, DiscordWebhookUrl.Parse(webhookUrl), messageId, threadId), null, ct);

    /// <summary><c>GET /channels/{id}/messages?limit=N</c> (1..100): the newest messages, newest first.</summary>
    public async Task<IReadOnlyList<FetchedMessage>> GetMessagesAsync(string channelId, int limit, CancellationToken ct = default)
        => await SendAsync(DiscordRoute.GetMessages(channelId, Math.Clamp(limit, 1, 100)), DiscordJsonContext.Default.ListFetchedMessage, ct).ConfigureAwait(false);

    /// <summary><c>GET /guilds/{id}/threads/active</c>.</summary>
    public async Task<IReadOnlyList<DiscordChannel>> GetActiveThreadsAsync(string guildId, CancellationToken ct = default)
        => (await SendAsync(DiscordRoute.ActiveThreads(guildId), DiscordJsonContext.Default.ActiveThreads, ct).ConfigureAwait(false)).Threads ?? [];

    /// <summary><c>GET /guilds/{id}/roles</c>.</summary>
    public async Task<IReadOnlyList<DiscordRole>> GetRolesAsync(string guildId, CancellationToken ct = default)
        => await SendAsync(DiscordRoute.GetRoles(guildId), DiscordJsonContext.Default.ListDiscordRole, ct).ConfigureAwait(false);

    /// <summary><c>GET /guilds/{id}/members/{user}</c>.</summary>
    public Task<GuildMember> GetMemberAsync(string guildId, string userId, CancellationToken ct = default)
        => SendAsync(DiscordRoute.GetMember(guildId, userId), DiscordJsonContext.Default.GuildMember, ct);

    /// <summary><c>GET /users/@me</c>.</summary>
    public Task<DiscordUser> GetCurrentUserAsync(CancellationToken ct = default)
        => SendAsync(DiscordRoute.CurrentUser(), DiscordJsonContext.Default.DiscordUser, ct);
}
