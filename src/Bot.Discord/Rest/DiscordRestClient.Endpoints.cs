using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Discord.Wire;

namespace Bot.Discord.Rest;

/// <summary>The endpoints the bot uses.</summary>
public sealed partial class DiscordRestClient
{
    /// <summary><c>POST /channels/{id}/messages</c> (a thread id works as a channel id).</summary>
    public Task<CreatedMessage> CreateMessageAsync(string channelId, JsonObject message, CancellationToken ct = default)
        => SendJsonAsync(DiscordRoute.CreateMessage(channelId), message, DiscordJsonContext.Default.CreatedMessage, ct);

    /// <summary>Executes a webhook (<c>/webhooks/{id}/{token}</c> on the configured API version) with <c>wait=true</c>, into <paramref name="threadId"/> when given.</summary>
    public Task<CreatedMessage> ExecuteWebhookAsync(string webhookUrl, JsonObject message, string? threadId = null, CancellationToken ct = default)
        => SendJsonAsync(DiscordRoute.ExecuteWebhook(webhookUrl, threadId), message, DiscordJsonContext.Default.CreatedMessage, ct);

    /// <summary><c>GET /channels/{id}</c>.</summary>
    public Task<DiscordChannel> GetChannelAsync(string channelId, CancellationToken ct = default)
        => SendAsync(DiscordRoute.GetChannel(channelId), DiscordJsonContext.Default.DiscordChannel, ct);

    /// <summary><c>POST /channels/{id}/threads</c>: a new forum post named <paramref name="name"/> whose first message is <paramref name="message"/>.</summary>
    public Task<DiscordChannel> StartForumThreadAsync(string channelId, string name, JsonObject message, IReadOnlyList<string>? appliedTags = null, CancellationToken ct = default)
    {
        var body = new JsonObject { ["name"] = name, ["message"] = message };
        if (appliedTags is { Count: > 0 })
        {
            body["applied_tags"] = new JsonArray([.. appliedTags.Select(t => (JsonNode)JsonValue.Create(t))]);
        }

        return SendJsonAsync(DiscordRoute.StartForumThread(channelId), body, DiscordJsonContext.Default.DiscordChannel, ct);
    }

    /// <summary><c>GET /webhooks/{id}/{token}</c>: the webhook's channel and guild (no bot token needed).</summary>
    public Task<DiscordWebhook> GetWebhookAsync(DiscordWebhookUrl webhook, CancellationToken ct = default)
        => SendAsync(DiscordRoute.GetWebhook(webhook), DiscordJsonContext.Default.DiscordWebhook, ct);

    /// <summary><c>POST /channels/{id}/messages/{id}/crosspost</c>: publishes an announcement channel's message to its followers.</summary>
    public Task<CreatedMessage> CrosspostAsync(string channelId, string messageId, CancellationToken ct = default)
        => SendAsync(DiscordRoute.Crosspost(channelId, messageId), DiscordJsonContext.Default.CreatedMessage, ct);

    /// <summary><c>POST /channels/{id}/messages/{id}/threads</c>: a thread under a message.</summary>
    public Task<DiscordChannel> StartThreadFromMessageAsync(string channelId, string messageId, string name, CancellationToken ct = default)
        => SendAsync(DiscordRoute.StartThreadFromMessage(channelId, messageId), new StartThreadRequest(name, 10080), DiscordJsonContext.Default.StartThreadRequest, DiscordJsonContext.Default.DiscordChannel, ct);

    /// <summary>Edits the reply of a deferred interaction.</summary>
    public Task<CreatedMessage> EditOriginalResponseAsync(string applicationId, string interactionToken, JsonObject message, CancellationToken ct = default)
        => SendJsonAsync(DiscordRoute.EditOriginalResponse(applicationId, interactionToken), message, DiscordJsonContext.Default.CreatedMessage, ct);

    /// <summary>Deletes the reply of a deferred interaction (before an ephemeral follow-up replaces it).</summary>
    public Task DeleteOriginalResponseAsync(string applicationId, string interactionToken, CancellationToken ct = default)
        => SendRawAsync(DiscordRoute.DeleteOriginalResponse(applicationId, interactionToken), null, ct);

    /// <summary>Sends a follow-up message to an interaction.</summary>
    public Task<CreatedMessage> CreateFollowupAsync(string applicationId, string interactionToken, JsonObject message, CancellationToken ct = default)
        => SendJsonAsync(DiscordRoute.CreateFollowup(applicationId, interactionToken), message, DiscordJsonContext.Default.CreatedMessage, ct);

    /// <summary>Replaces every slash command (globally, or in one guild) with <paramref name="commands"/>.</summary>
    public Task<List<ApplicationCommand>> BulkOverwriteCommandsAsync(string applicationId, string? guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken ct = default)
        => SendAsync(DiscordRoute.BulkOverwriteCommands(applicationId, guildId), commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommand, DiscordJsonContext.Default.ListApplicationCommand, ct);

    private async Task<T> SendJsonAsync<T>(DiscordRoute route, JsonObject body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> responseType, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, DiscordJsonContext.Default.JsonObject);
        var answer = await SendRawAsync(route, bytes, ct).ConfigureAwait(false);
        return Deserialize(route, answer, responseType);
    }
}
