using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Bot.Discord.Interactions;
using Bot.Discord.Wire;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Gateway;

/// <summary>
/// INTERACTION_CREATE from the gateway into the same <see cref="DiscordInteractionHandler"/> as the HTTP endpoint; its
/// answer goes to <c>POST /interactions/{id}/{token}/callback</c>. An interaction seen twice (a replay after a resume that
/// overlapped what was already read) is answered once.
/// </summary>
internal sealed partial class GatewayInteractionDispatcher : IAsyncDisposable
{
    /// <summary>Discord refuses a callback after this long.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    private const int RememberedIds = 10_000;

    private readonly DiscordInteractionHandler _handler;
    private readonly DiscordGatewayRest _rest;
    private readonly TimeProvider _time;
    private readonly ILogger<GatewayInteractionDispatcher> _logger;
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _seenOrder = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public GatewayInteractionDispatcher(DiscordInteractionHandler handler, DiscordGatewayRest rest, TimeProvider time, ILogger<GatewayInteractionDispatcher> logger)
    {
        _handler = handler;
        _rest = rest;
        _time = time;
        _logger = logger;
    }

    /// <summary>Starts answering the interaction in <paramref name="data"/> (the dispatch's <c>d</c>) and returns at once.</summary>
    public void Dispatch(JsonElement data)
    {
        DiscordInteraction? interaction;
        try
        {
            interaction = data.Deserialize(DiscordJsonContext.Default.DiscordInteraction);
        }
        catch (JsonException)
        {
            interaction = null;
        }

        if (interaction?.Id is not { Length: > 0 } id || string.IsNullOrEmpty(interaction.Token))
        {
            LogMalformed();
            return;
        }

        if (!_seen.TryAdd(id, 0))
        {
            LogDuplicate(id);
            return;
        }

        _seenOrder.Enqueue(id);
        while (_seenOrder.Count > RememberedIds && _seenOrder.TryDequeue(out var old))
        {
            _seen.TryRemove(old, out _);
        }

        var received = _time.GetTimestamp();
        var task = Task.Run(() => AnswerAsync(interaction, received));
        _running[task] = 0;
        _ = task.ContinueWith(static (done, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(done, out _), _running, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Lets answers in flight finish (they are due within 3 seconds anyway).</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Task.WhenAll(_running.Keys).WaitAsync(Deadline, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
    }

    private async Task AnswerAsync(DiscordInteraction interaction, long received)
    {
        var name = interaction.Data?.Name ?? interaction.Data?.CustomId ?? "?";
        try
        {
            var body = await _handler.HandleAsync(interaction).ConfigureAwait(false);
            if (body is null)
            {
                LogUnsupported(interaction.Type);
                return;
            }

            // One retry for a lost or failed callback, while the 3 seconds last; the first answer wins on Discord's side.
            for (var attempt = 1; ; attempt++)
            {
                var left = Deadline - _time.GetElapsedTime(received);
                if (left <= TimeSpan.Zero)
                {
                    LogTooLate(name);
                    return;
                }

                using var timeout = new CancellationTokenSource(left, _time);
                HttpStatusCode status;
                try
                {
                    status = await _rest.CallbackAsync(interaction.Id!, interaction.Token!, body, timeout.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (attempt < 2 && ex is HttpRequestException or OperationCanceledException)
                {
                    continue;
                }

                if ((int)status < 300)
                {
                    return;
                }

                if ((int)status >= 500 && attempt < 2)
                {
                    continue;
                }

                LogCallbackRefused(name, (int)status);
                return;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogFailed(ex, name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: an INTERACTION_CREATE without id or token was ignored")]
    private partial void LogMalformed();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord gateway: interaction {Id} arrived again (replay) and was already answered")]
    private partial void LogDuplicate(string id);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord gateway: interaction type {Type} is not handled")]
    private partial void LogUnsupported(int type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: the answer to {Command} missed Discord's 3-second deadline")]
    private partial void LogTooLate(string command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: Discord refused the answer to {Command} with {Status}")]
    private partial void LogCallbackRefused(string command, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord gateway: answering {Command} failed")]
    private partial void LogFailed(Exception ex, string command);
}
