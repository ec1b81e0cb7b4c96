using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Core.Posting;
using Bot.Core.Replies;
using Bot.Core.Text;
using Bot.Discord.Rendering;
using Bot.Discord.Rest;
using Bot.Discord.Wire;
using Bot.Discord.Wire.Messages;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Posting;

/// <summary>
/// Posts section highlights to Discord: a channel (bot token), a webhook URL (exactly as given, <c>wait=true</c>), a
/// thread (<see cref="SectionPost.ThreadParentId"/>) or a forum channel (a new post per digest named by
/// <see cref="SectionPost.ThreadName"/>). Channel messages carry a nonce with <c>enforce_nonce</c>, so a retry never duplicates.
/// </summary>
public sealed partial class DiscordSectionPoster : ISectionPoster, IPostEditor
{
    private const int ThreadAlreadyCreated = 160004;
    private const int AlreadyCrossposted = 40033;
    private const int SuppressNotifications = 1 << 12;

    private readonly DiscordRestClient _client;
    private readonly DiscordRenderer _renderer;
    private readonly DiscordOptions _options;
    private readonly ILogger<DiscordSectionPoster> _logger;

    /// <summary>Creates the poster.</summary>
    public DiscordSectionPoster(DiscordRestClient client, DiscordRenderer renderer, Microsoft.Extensions.Options.IOptions<DiscordOptions> options, ILogger<DiscordSectionPoster> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _renderer = renderer;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    public string Platform => "discord";

    /// <inheritdoc />
    public async Task<PostReceipt> PostAsync(PostTarget target, SectionPost post, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(post);
        var messages = _renderer.RenderPost(post);
        if (messages.Count == 0)
        {
            throw new PostException($"Section {post.Highlight.SectionKey} of {post.Highlight.DigestId} rendered no message.", permanent: true);
        }

        var skip = _partsAlreadyPosted.TryRemove(post.LedgerKey, out var found) ? found : null;
        var sent = new List<string>();
        var receipt = await GuardAsync(target, sent, () => target.Kind switch
        {
            "webhook" => PostToWebhookAsync(target.Value, [.. messages.Select(m => Apply(m, target.Options))], post.ThreadParentId, target.Options, skip, sent, ct),
            "channel" => PostToChannelAsync(target.Value, [.. messages.Select(m => Apply(m, target.Options))], post, target.Options, skip, sent, ct),
            _ => throw new PostException($"Discord cannot post to a '{target.Kind}' target; use discord:channel:<id> or discord:webhook:<url>.", permanent: true),
        }).ConfigureAwait(false);
        LogPosted(post.Highlight.SectionKey, post.Highlight.DigestId, target.ToString(), messages.Count);
        return receipt;
    }

    /// <inheritdoc />
    public Task<PostReceipt> PostThreadParentAsync(PostTarget target, string ledgerKey, SectionHighlight firstSection, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(firstSection);
        var name = ThreadNameOf(firstSection);
        var header = ToJson(Apply(_renderer.RenderReply(new TextReply(name, IsEphemeral: false)) with
        {
            Nonce = DiscordRenderer.Nonce(ledgerKey, -1),
            EnforceNonce = true,
        }, target.Options));
        return GuardAsync(target, [], async () =>
        {
            if (target.Kind == "webhook")
            {
                // Only a forum channel's webhook can open a thread (thread_name); webhooks take no nonce.
                StripNonce(header);
                header["thread_name"] = name;
                AddIdentityAndTags(header, target.Options, opensThread: true);
                var created = await _client.ExecuteWebhookAsync(target.Value, header, ct: ct).ConfigureAwait(false);
                return new PostReceipt(created.Id, created.ChannelId);
            }

            var channel = await _client.GetChannelAsync(target.Value, ct).ConfigureAwait(false);
            if (channel.IsForum)
            {
                StripNonce(header);
                var post = await _client.StartForumThreadAsync(target.Value, name, header, target.Options.AppliedTags, ct).ConfigureAwait(false);
                return new PostReceipt(post.Message?.Id ?? post.Id, post.Id);
            }

            var message = await _client.CreateMessageAsync(target.Value, header, ct).ConfigureAwait(false);
            try
            {
                var thread = await _client.StartThreadFromMessageAsync(target.Value, message.Id, name, ct).ConfigureAwait(false);
                return new PostReceipt(message.Id, thread.Id);
            }
            catch (DiscordRestException ex) when (ex.DiscordCode == ThreadAlreadyCreated)
            {
                // A retry after a crash: the nonce returned the same parent, whose thread exists and shares its id.
                return new PostReceipt(message.Id, message.Id);
            }
        });
    }

    private async Task<PostReceipt> PostToChannelAsync(string channelId, IReadOnlyList<DiscordMessage> messages, SectionPost post, PostTargetOptions options, Found? skip, List<string> sent, CancellationToken ct)
    {
        var channel = skip?.ThreadId ?? post.ThreadParentId ?? channelId;
        string? threadId = skip?.ThreadId ?? post.ThreadParentId;
        var ids = new string?[messages.Count];
        var start = 0;
        if (threadId is null && !string.IsNullOrWhiteSpace(post.ThreadName))
        {
            // A forum channel: the first message opens this digest's post; the rest go into it.
            var first = ToJson(messages[0]);
            var name = first["thread_name"]?.GetValue<string>() ?? post.ThreadName;
            StripForChannel(first);
            StripNonce(first);
            var forumPost = await _client.StartForumThreadAsync(channelId, name, first, options.AppliedTags, ct).ConfigureAwait(false);
            threadId = channel = forumPost.Id;
            ids[0] = forumPost.Message?.Id ?? forumPost.Id;
            sent.Add(ids[0]!);
            start = 1;
        }

        for (var i = start; i < messages.Count; i++)
        {
            if (skip?.Parts.TryGetValue(i, out var earlier) == true)
            {
                ids[i] = earlier;
                continue;
            }

            var body = ToJson(messages[i]);
            StripForChannel(body);
            var id = (await _client.CreateMessageAsync(channel, body, ct).ConfigureAwait(false)).Id;
            ids[i] = id;
            sent.Add(id);
            if (options.Crosspost && threadId is null)
            {
                // Publishing is a separate call with its own rate limit; a retry of an already published message
                // answers 40033, which means done.
                await CrosspostAsync(channel, id, ct).ConfigureAwait(false);
            }
        }

        return Receipt(ids, threadId);
    }

    private async Task<PostReceipt> PostToWebhookAsync(string url, IReadOnlyList<DiscordMessage> messages, string? threadId, PostTargetOptions options, Found? skip, List<string> sent, CancellationToken ct)
    {
        threadId = skip?.ThreadId ?? threadId;
        var ids = new string?[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            if (skip?.Parts.TryGetValue(i, out var earlier) == true)
            {
                ids[i] = earlier;
                continue;
            }

            var message = messages[i];
            var body = ToJson(message);
            StripNonce(body);
            if (threadId is not null)
            {
                body.Remove("thread_name");
            }

            AddIdentityAndTags(body, options, opensThread: threadId is null && message.ThreadName is not null);

            var created = await _client.ExecuteWebhookAsync(url, body, threadId, ct).ConfigureAwait(false);
            if (threadId is null && message.ThreadName is not null)
            {
                // The forum post just opened: later messages of this section go into it.
                threadId = created.ChannelId;
            }

            ids[i] = created.Id;
            sent.Add(created.Id);
        }

        return Receipt(ids, threadId);
    }

    private static PostReceipt Receipt(string?[] ids, string? threadId)
    {
        IReadOnlyList<string> all = [.. ids.Where(id => id is not null)!];
        return new PostReceipt(all[^1], threadId, all);
    }

    private async Task<PostReceipt> GuardAsync(PostTarget target, List<string> sent, Func<Task<PostReceipt>> post)
    {
        try
        {
            return await post().ConfigureAwait(false);
        }
        catch (DiscordRestException ex)
        {
            LogFailed(ex, target.ToString(), ex.IsTransient);

            // Only a post of which nothing went out and that Discord refused outright (a 4xx) is certainly not there;
            // a lost answer, a 5xx or an earlier message of the same post leaves it in doubt, so the retry looks first.
            throw new PostException($"Discord post to {target} failed: {ex.Message}", permanent: !ex.IsTransient, ex)
            {
                NotDelivered = sent.Count == 0 && !ex.Uncertain && (ex.Rejected || ex.StatusCode is null && !ex.IsTransient && ex.InnerException is null),
            };
        }
    }

    private static void StripForChannel(JsonObject body) => body.Remove("thread_name");

    /// <summary>Silent posts carry SUPPRESS_NOTIFICATIONS (1 &lt;&lt; 12) beside whatever flags the renderer set.</summary>
    private static DiscordMessage Apply(DiscordMessage message, PostTargetOptions options)
        => options.Silent ? message with { Flags = (message.Flags ?? 0) | SuppressNotifications } : message;

    /// <summary>Execute Webhook's <c>username</c>/<c>avatar_url</c>, and <c>applied_tags</c> on the message that opens a forum post.</summary>
    private static void AddIdentityAndTags(JsonObject body, PostTargetOptions options, bool opensThread)
    {
        if (options.Username is { } username)
        {
            body["username"] = username;
        }

        if (options.AvatarUrl is { } avatar)
        {
            body["avatar_url"] = avatar;
        }

        if (opensThread && options.AppliedTags.Count > 0)
        {
            body["applied_tags"] = new JsonArray([.. options.AppliedTags.Select(t => (JsonNode)JsonValue.Create(t))]);
        }
    }

    private async Task CrosspostAsync(string channelId, string messageId, CancellationToken ct)
    {
        try
        {
            await _client.CrosspostAsync(channelId, messageId, ct).ConfigureAwait(false);
        }
        catch (DiscordRestException ex) when (ex.DiscordCode == AlreadyCrossposted)
        {
            // Published by an earlier attempt.
        }
    }

    /// <summary>
    /// <c>nonce</c>/<c>enforce_nonce</c> exist on Create Message only: Execute Webhook and Start Thread in Forum do not
    /// list them (the official typings refuse such a body), so they are never sent there.
    /// </summary>
    private static void StripNonce(JsonObject body)
    {
        body.Remove("nonce");
        body.Remove("enforce_nonce");
    }

    private static JsonObject ToJson(DiscordMessage message)
        => (JsonObject)JsonSerializer.SerializeToNode(message, DiscordMessageJsonContext.Default.DiscordMessage)!;

    private static string ThreadNameOf(SectionHighlight highlight)
    {
        var name = highlight.DigestDate is { } date ? $"{highlight.DigestTitle} ({date:yyyy-MM-dd})" : highlight.DigestTitle;
        return TextTruncator.Truncate(name.ReplaceLineEndings(" ").Trim(), 100);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord: posted section {Section} of {Digest} to {Target} in {Count} message(s)")]
    private partial void LogPosted(string section, string digest, string target, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord: post to {Target} failed (transient: {Transient})")]
    private partial void LogFailed(Exception ex, string target, bool transient);
}
