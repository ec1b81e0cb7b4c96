using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Bot.TestSupport.FakeSlack;

/// <summary>Socket Mode connections, delivery, acknowledgements and redelivery.</summary>
public sealed partial class FakeSlackServer
{
    private async Task AcceptLinkAsync(HttpContext context)
    {
        var ticket = context.Request.Query["ticket"].ToString();
        lock (_socketGate)
        {
            // A URL from apps.connections.open is good for one connection.
            if (!context.WebSockets.IsWebSocketRequest || !_tickets.Remove(ticket))
            {
                context.Response.StatusCode = 401;
                return;
            }
        }

        using var ws = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var link = new SocketLink(ws, Interlocked.Increment(ref _nextLink));
        var writer = link.WriteLoopAsync();
        lock (_socketGate)
        {
            _links.Add(link);
            SocketConnections++;
            link.Send(new JsonObject
            {
                ["type"] = "hello",
                ["num_connections"] = _links.Count,
                ["debug_info"] = new JsonObject { ["host"] = "fake-" + link.Id, ["build_number"] = 1, ["approximate_connection_time"] = 18060 },
                ["connection_info"] = new JsonObject { ["app_id"] = "A0FAKE" },
            }.ToJsonString());
            while (_waiting.Count > 0)
            {
                DeliverLocked(_waiting.Dequeue(), link);
            }
        }

        try
        {
            var buffer = new byte[256 * 1024];
            while (true)
            {
                var count = 0;
                WebSocketReceiveResult result;
                do
                {
                    result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer, count, buffer.Length - count), CancellationToken.None).ConfigureAwait(false);
                    count += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close && count < buffer.Length);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                OnAck(Encoding.UTF8.GetString(buffer, 0, count));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
        }
        finally
        {
            List<EnvelopeState> orphans;
            lock (_socketGate)
            {
                _links.Remove(link);
                orphans = [.. _envelopes.Values.Where(e => e.AckedAt is null && ReferenceEquals(e.DeliveredOn, link))];
                foreach (var envelope in orphans)
                {
                    // The socket died with the envelope unacknowledged: deliver it again on an open connection.
                    Redeliver(envelope);
                }
            }

            link.Complete();
            await writer.ConfigureAwait(false);
        }
    }

    private string Enqueue(string type, JsonObject payload, int number)
    {
        var id = $"env-{number:D6}-{Guid.NewGuid():N}";
        var state = new EnvelopeState(id, type, payload, payload["response_url"]?.GetValue<string>());
        lock (_socketGate)
        {
            _envelopes[id] = state;
            _envelopeOrder.Add(id);
            var link = PickLocked();
            if (link is null)
            {
                _waiting.Enqueue(state);
            }
            else
            {
                DeliverLocked(state, link);
            }
        }

        return id;
    }

    private SocketLink? PickLocked()
    {
        var open = _links.Where(l => !l.Closing).ToList();
        return open.Count == 0 ? null : open[_nextEnvelope % open.Count];
    }

    private void DeliverLocked(EnvelopeState state, SocketLink link)
    {
        state.Deliveries++;
        state.FirstDelivered ??= DateTimeOffset.UtcNow;
        state.DeliveredOn = link;
        var attempt = state.Deliveries - 1;
        link.Send(new JsonObject
        {
            ["envelope_id"] = state.Id,
            ["payload"] = state.Payload.DeepClone(),
            ["type"] = state.Type,
            ["accepts_response_payload"] = state.Type is "slash_commands" or "interactive",
            ["retry_attempt"] = attempt,
            ["retry_reason"] = attempt == 0 ? string.Empty : "timeout",
        }.ToJsonString());
        var delivery = state.Deliveries;
        _ = WatchAsync(state, delivery);
    }

    private async Task WatchAsync(EnvelopeState state, int delivery)
    {
        await Task.Delay(AckDeadline).ConfigureAwait(false);
        lock (_socketGate)
        {
            if (state.AckedAt is null && state.Deliveries == delivery && state.Deliveries <= MaxRetries)
            {
                Redeliver(state);
            }
        }
    }

    private void Redeliver(EnvelopeState state)
    {
        var link = PickLocked();
        if (link is null)
        {
            _waiting.Enqueue(state);
        }
        else
        {
            DeliverLocked(state, link);
        }
    }

    private void OnAck(string text)
    {
        JsonObject? ack;
        try
        {
            ack = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            ack = null;
        }

        var id = ack?["envelope_id"]?.GetValue<string>();
        lock (_socketGate)
        {
            if (id is null || !_envelopes.TryGetValue(id, out var state))
            {
                lock (_gate)
                {
                    _rejections.Add("socket mode: a message that acknowledges no known envelope: " + text);
                }

                return;
            }

            state.Acks++;
            if (state.AckedAt is not null)
            {
                DuplicateAcks++;
                return;
            }

            state.AckedAt = DateTimeOffset.UtcNow;
            if (ack!["payload"] is JsonObject payload)
            {
                state.AckPayload = (JsonObject)payload.DeepClone();
                var problems = FakeSlackValidator.Validate(payload);
                if (problems.Count > 0)
                {
                    lock (_gate)
                    {
                        _rejections.Add("socket mode ack payload: " + string.Join("; ", problems));
                    }
                }
            }
        }
    }

    private async Task CloseLaterAsync(SocketLink link)
    {
        await Task.Delay(DisconnectGrace).ConfigureAwait(false);
        link.Close();
    }

    private sealed class EnvelopeState(string id, string type, JsonObject payload, string? responseUrl)
    {
        public string Id { get; } = id;

        public string Type { get; } = type;

        public JsonObject Payload { get; } = payload;

        public string? ResponseUrl { get; } = responseUrl;

        public int Deliveries { get; set; }

        public DateTimeOffset? FirstDelivered { get; set; }

        public DateTimeOffset? AckedAt { get; set; }

        public int Acks { get; set; }

        public JsonObject? AckPayload { get; set; }

        public SocketLink? DeliveredOn { get; set; }

        public FakeSocketEnvelope Snapshot() => new(Id, Type, ResponseUrl, Deliveries, FirstDelivered, AckedAt, Acks, AckPayload);
    }

    private sealed class SocketLink(WebSocket socket, int id)
    {
        private readonly Channel<string?> _outbox = Channel.CreateUnbounded<string?>(new UnboundedChannelOptions { SingleReader = true });

        public WebSocket Socket { get; } = socket;

        public int Id { get; } = id;

        public bool Closing { get; set; }

        public void Send(string frame) => _outbox.Writer.TryWrite(frame);

        public void Close() => _outbox.Writer.TryWrite(null);

        public void Complete() => _outbox.Writer.TryComplete();

        public async Task WriteLoopAsync()
        {
            try
            {
                await foreach (var frame in _outbox.Reader.ReadAllAsync().ConfigureAwait(false))
                {
                    if (frame is null)
                    {
                        await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "disconnect", CancellationToken.None).ConfigureAwait(false);
                        return;
                    }

                    await Socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
            {
            }
        }
    }
}
