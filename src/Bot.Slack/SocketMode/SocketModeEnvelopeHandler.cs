using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using Bot.Slack.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Bot.Slack.SocketMode;

/// <summary>
/// Socket Mode envelopes into the same handlers as the HTTP endpoints: <c>slash_commands</c> to
/// <see cref="SlashCommandHandler"/>, <c>interactive</c> to <see cref="SlackInteractionHandler"/>. The handler's inline answer
/// rides in the acknowledgement's <c>payload</c>; a slower one goes to <c>response_url</c> as over HTTP. A redelivery (same
/// <c>envelope_id</c>, or the same <c>trigger_id</c> with a <c>retry_attempt</c>) joins the first delivery's work, so the
/// command runs and answers once.
/// </summary>
internal sealed partial class SocketModeEnvelopeHandler
{
    private const int Remembered = 4096;

    private readonly SlashCommandHandler _commands;
    private readonly SlackInteractionHandler _interactions;
    private readonly ILogger<SocketModeEnvelopeHandler> _logger;
    private readonly ConcurrentDictionary<string, Lazy<Task<string?>>> _work = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public SocketModeEnvelopeHandler(SlashCommandHandler commands, SlackInteractionHandler interactions, ILogger<SocketModeEnvelopeHandler> logger)
    {
        _commands = commands;
        _interactions = interactions;
        _logger = logger;
    }

    /// <summary>Runs (or joins) the work of one envelope and returns the acknowledgement to send, or null for a non-envelope.</summary>
    public async Task<byte[]?> HandleAsync(JsonElement envelope)
    {
        if (!envelope.TryGetProperty("envelope_id", out var idElement) || idElement.GetString() is not { Length: > 0 } envelopeId)
        {
            return null;
        }

        var type = envelope.TryGetProperty("type", out var t) ? t.GetString() ?? string.Empty : string.Empty;
        var payload = envelope.TryGetProperty("payload", out var p) ? p.Clone() : default;
        var retry = envelope.TryGetProperty("retry_attempt", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetInt32() : 0;
        var trigger = payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("trigger_id", out var tr) ? tr.GetString() : null;
        var key = type + ":" + (trigger ?? envelopeId);
        var fresh = new Lazy<Task<string?>>(() => RunAsync(type, payload));
        var work = _work.GetOrAdd(key, fresh);
        if (!ReferenceEquals(work, fresh) || retry > 0)
        {
            LogRedelivery(type, retry);
        }

        if (ReferenceEquals(work, fresh))
        {
            _order.Enqueue(key);
            while (_order.Count > Remembered && _order.TryDequeue(out var old))
            {
                _work.TryRemove(old, out _);
            }
        }

        string? answer;
        try
        {
            answer = await work.Value.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed command still gets its acknowledgement, so Slack does not retry it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(ex, type);
            answer = null;
        }

        return Ack(envelopeId, answer);
    }

    private async Task<string?> RunAsync(string type, JsonElement payload)
    {
        IResult result;
        switch (type)
        {
            case "slash_commands" when payload.ValueKind == JsonValueKind.Object:
                var form = new Dictionary<string, StringValues>(StringComparer.Ordinal);
                foreach (var property in payload.EnumerateObject())
                {
                    form[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                }

                result = await _commands.HandleAsync(form).ConfigureAwait(false);
                break;
            case "interactive" when payload.ValueKind == JsonValueKind.Object:
                result = await _interactions.HandleAsync(new Dictionary<string, StringValues>(StringComparer.Ordinal) { ["payload"] = payload.GetRawText() }).ConfigureAwait(false);
                break;
            default:
                // Events and anything newer: acknowledged so Slack does not retry; nothing here acts on them.
                return null;
        }

        return result is ContentHttpResult { ResponseContent: { Length: > 0 } content } ? content : null;
    }

    private static byte[] Ack(string envelopeId, string? payload)
    {
        var buffer = new ArrayBufferWriter<byte>(payload is null ? 96 : payload.Length + 96);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("envelope_id", envelopeId);
            if (payload is not null)
            {
                writer.WritePropertyName("payload");
                writer.WriteRawValue(payload);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack Socket Mode: {Type} redelivered (retry {Retry}); answering it once")]
    private partial void LogRedelivery(string type, int retry);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack Socket Mode: handling a {Type} envelope failed")]
    private partial void LogFailed(Exception ex, string type);
}
