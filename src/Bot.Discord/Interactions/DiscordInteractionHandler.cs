using System.Text.Json;
using Bot.Core.Commands;
using Bot.Core.Diagnostics;
using Bot.Core.Replies;
using Bot.Discord.Rendering;
using Bot.Discord.Rest;
using Bot.Discord.Wire;
using Bot.Discord.Wire.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Interactions;

/// <summary>
/// Answers verified interactions: PING with PONG, commands inline (type 4) when ready within
/// <see cref="DiscordOptions.InlineReplyTimeout"/>, else deferred (type 5) and completed by editing <c>@original</c>;
/// paging buttons with an update (type 7); <c>/refs</c> autocomplete with entry titles (type 8).
/// </summary>
public sealed partial class DiscordInteractionHandler : IAsyncDisposable
{
    private const int Pong = 1;
    private const int ChannelMessage = 4;
    private const int DeferredChannelMessage = 5;
    private const int DeferredUpdateMessage = 6;
    private const int UpdateMessage = 7;
    private const int EphemeralFlag = 64;

    private static readonly byte[] PongBody = """{"type":1}"""u8.ToArray();

    private readonly CommandService _commands;
    private readonly DiscordRenderer _renderer;
    private readonly DiscordRestClient _client;
    private readonly SubscriptionCommands? _subscriptions;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordInteractionHandler> _logger;
    private readonly DiscordOptions _options;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Task, byte> _deferred = new();

    /// <summary>Creates the handler; without <paramref name="subscriptions"/> (no scheduling on this host) the subscription commands say so.</summary>
    public DiscordInteractionHandler(
        CommandService commands,
        DiscordRenderer renderer,
        DiscordRestClient client,
        IOptions<DiscordOptions> options,
        TimeProvider time,
        ILogger<DiscordInteractionHandler> logger,
        SubscriptionCommands? subscriptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _commands = commands;
        _renderer = renderer;
        _client = client;
        _subscriptions = subscriptions;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>The response body (JSON), or null for an interaction type the bot does not handle.</summary>
    public async Task<byte[]?> HandleAsync(DiscordInteraction interaction, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        switch (interaction.Type)
        {
            case DiscordInteraction.Ping:
                return PongBody;
            case DiscordInteraction.ApplicationCommand:
                return await RespondAsync(interaction, Safely(interaction, () => Task.Run(() => BotMetrics.TimeInteractionAsync("discord", interaction.Data?.Name ?? "unknown", () => RunCommandAsync(interaction)))), ChannelMessage, DeferredChannelMessage, AnswersEphemerally(interaction.Data?.Name)).ConfigureAwait(false);
            case DiscordInteraction.MessageComponent:
                if (!PagingState.TryParseToken(interaction.Data?.CustomId, out var state, out var page))
                {
                    return InteractionResponses.Message(ChannelMessage, _renderer.RenderReply(new ErrorReply("This button is not mine any more.", "Run the command again.")));
                }

                return await RespondAsync(interaction, Safely(interaction, () => Task.Run(() => _commands.PageAsync(state, page, CancellationToken.None))), UpdateMessage, DeferredUpdateMessage).ConfigureAwait(false);
            case DiscordInteraction.ApplicationCommandAutocomplete:
                return await AutocompleteAsync(interaction, ct).ConfigureAwait(false);
            default:
                return null;
        }
    }

    /// <summary>
    /// Commands whose every answer is private (the subscription commands answer with ephemeral text, and a command
    /// unknown to this version answers with an error): they defer with <c>flags: 64</c>, so nobody else sees "thinking…".
    /// </summary>
    private static bool AnswersEphemerally(string? command)
        => command is not ("papers" or "search" or "refs" or "digest" or "highlights");

    private async Task<byte[]> RespondAsync(DiscordInteraction interaction, Task<Reply> work, int inlineType, int deferredType, bool deferEphemerally = false)
    {
        var budget = _options.InlineReplyTimeout;
        var deferred = deferEphemerally && deferredType == DeferredChannelMessage
            ? new DiscordMessage { Flags = EphemeralFlag }
            : null;
        if (budget <= TimeSpan.Zero)
        {
            // No inline budget: always defer (operators whose searches are slow; tests of the deferred path).
            Track(CompleteDeferredAsync(interaction, work, deferredType, deferred is not null));
            return InteractionResponses.Message(deferredType, deferred);
        }

        if (!work.IsCompleted)
        {
            using var cancel = new CancellationTokenSource();
            await Task.WhenAny(work, Task.Delay(budget, _time, cancel.Token)).ConfigureAwait(false);
            await cancel.CancelAsync().ConfigureAwait(false);
        }

        if (work.IsCompleted)
        {
            var reply = await work.ConfigureAwait(false);
            var message = _renderer.RenderReply(reply);
            // An update cannot make a public message ephemeral: errors on buttons come as a new, private message.
            var type = inlineType == UpdateMessage && IsEphemeral(message) ? ChannelMessage : inlineType;
            return InteractionResponses.Message(type, message);
        }

        Track(CompleteDeferredAsync(interaction, work, deferredType, deferred is not null));
        return InteractionResponses.Message(deferredType, deferred);
    }

    /// <summary>On shutdown, lets deferred replies that are still running finish (for up to 10 seconds).</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Task.WhenAll(_deferred.Keys).WaitAsync(TimeSpan.FromSeconds(10), _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogDeferredAbandoned(_deferred.Count);
        }
    }

    private void Track(Task deferred)
    {
        _deferred[deferred] = 0;
        _ = deferred.ContinueWith(static (done, state) => ((System.Collections.Concurrent.ConcurrentDictionary<Task, byte>)state!).TryRemove(done, out _), _deferred, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task CompleteDeferredAsync(DiscordInteraction interaction, Task<Reply> work, int deferredType, bool deferredEphemerally = false)
    {
        var applicationId = interaction.ApplicationId ?? _options.ApplicationId;
        var token = interaction.Token ?? string.Empty;
        try
        {
            var reply = await work.ConfigureAwait(false);
            var message = _renderer.RenderReply(reply);
            if (IsEphemeral(message) && !deferredEphemerally)
            {
                // The deferred reply is public; an error replaces it with a message only the asker sees.
                if (deferredType == DeferredChannelMessage)
                {
                    await _client.DeleteOriginalResponseAsync(applicationId, token).ConfigureAwait(false);
                }

                await _client.CreateFollowupAsync(applicationId, token, ToJson(message)).ConfigureAwait(false);
                return;
            }

            await _client.EditOriginalResponseAsync(applicationId, token, ToJson(message with { Flags = null })).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogDeferredFailed(ex, interaction.Data?.Name ?? interaction.Data?.CustomId ?? "?");
        }
    }

    private async Task<byte[]> AutocompleteAsync(DiscordInteraction interaction, CancellationToken ct)
    {
        var focused = Flatten(interaction.Data?.Options).FirstOrDefault(o => o.Focused == true);
        IReadOnlyList<string> titles = [];
        if (interaction.Data?.Name == "refs" && focused is not null)
        {
            try
            {
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var suggest = _commands.SuggestAsync(AsString(focused.Value) ?? string.Empty, deadline.Token);
                titles = await AutocompleteDeadline.WithinAsync(suggest, AutocompleteDeadline.Budget, _time).ConfigureAwait(false);
                if (!suggest.IsCompleted)
                {
                    // Too late for Discord: stop the search and observe its end so nothing is left unobserved.
                    await deadline.CancelAsync().ConfigureAwait(false);
                    _ = suggest.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogAutocompleteFailed(ex);
            }
        }

        return InteractionResponses.Choices(titles);
    }

    private Task<Reply> RunCommandAsync(DiscordInteraction interaction)
    {
        var data = interaction.Data;
        var options = Flatten(data?.Options).ToDictionary(o => o.Name, o => o.Value, StringComparer.Ordinal);
        string? Text(string name) => options.TryGetValue(name, out var value) ? AsString(value) : null;
        int? Number(string name) => options.TryGetValue(name, out var value) && value is { ValueKind: JsonValueKind.Number } v && v.TryGetInt32(out var n) ? n : null;
        var none = CancellationToken.None;
        return data?.Name switch
        {
            "papers" => _commands.PapersAsync(Text("query") ?? string.Empty, Number("limit"), 1, none),
            "search" => _commands.SearchAsync(Text("query") ?? string.Empty, Text("section"), 1, none),
            "refs" => _commands.RefsAsync(Text("query") ?? string.Empty, none),
            "digest" => _commands.DigestAsync(Text("date"), none),
            "highlights" => _commands.HighlightsAsync(Text("section") ?? string.Empty, Text("digest"), none),
            "subscribe" or "unsubscribe" or "subscriptions" => RunSubscriptionAsync(data.Name, interaction.GuildId, interaction.ChannelId, Text, Number, interaction.Member),
            _ => Task.FromResult<Reply>(new ErrorReply($"I do not know /{data?.Name}.", "The commands may be out of date: ask the bot's operator to run `commands register`.")),
        };
    }

    private Task<Reply> RunSubscriptionAsync(string command, string? guildId, string? channelId, Func<string, string?> text, Func<string, int?> number, InteractionMember? member)
    {
        if (command is "subscribe" or "unsubscribe"
            && !SubscriptionPermission.Allows(member, _options.SubscriptionManagerRoleIds))
        {
            return Task.FromResult<Reply>(new ErrorReply("Changing this channel's subscriptions needs the Manage Channels permission.", "Ask someone who can manage this channel, or the bot's operator."));
        }

        if (string.IsNullOrEmpty(channelId))
        {
            return Task.FromResult<Reply>(new ErrorReply("Subscriptions belong to a server channel.", $"Run /{command} in the channel that should get the posts."));
        }

        var subscriptions = _subscriptions;
        if (subscriptions is null)
        {
            return Task.FromResult<Reply>(new ErrorReply("Subscriptions are not enabled on this bot.", "Ask the bot's operator to configure scheduling."));
        }

        return command switch
        {
            "subscribe" => subscriptions.SubscribeAsync("discord", guildId, channelId, new SubscribeArguments(text("name"), text("sections"), text("cron"), text("timezone"), number("entries"))),
            "unsubscribe" => subscriptions.UnsubscribeAsync("discord", guildId, channelId, text("name") ?? string.Empty),
            _ => subscriptions.ListAsync("discord", channelId),
        };
    }

    private async Task<Reply> Safely(DiscordInteraction interaction, Func<Task<Reply>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogCommandFailed(ex, interaction.Data?.Name ?? interaction.Data?.CustomId ?? "?");
            return new ErrorReply("Something went wrong while answering.", "Try again in a minute; if it keeps happening, tell the bot's operator.");
        }
    }

    private static IEnumerable<InteractionOption> Flatten(IReadOnlyList<InteractionOption>? options)
        => options is null ? [] : options.Where(o => o is not null).SelectMany(o => o.Options is { Count: > 0 } nested ? Flatten(nested) : [o]);

    private static string? AsString(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } v => v.GetRawText(),
        _ => null,
    };

    private static bool IsEphemeral(DiscordMessage message) => message.Flags is { } flags && (flags & EphemeralFlag) != 0;

    private static System.Text.Json.Nodes.JsonObject ToJson(DiscordMessage message)
        => (System.Text.Json.Nodes.JsonObject)JsonSerializer.SerializeToNode(message, DiscordMessageJsonContext.Default.DiscordMessage)!;

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord: /{Command} failed")]
    private partial void LogCommandFailed(Exception ex, string command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord: could not complete the deferred reply to /{Command}")]
    private partial void LogDeferredFailed(Exception ex, string command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord: stopping with {Count} deferred replies unfinished; those users see \"The application did not respond\"")]
    private partial void LogDeferredAbandoned(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord: autocomplete failed; answering with no suggestions")]
    private partial void LogAutocompleteFailed(Exception ex);
}
