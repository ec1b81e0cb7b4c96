using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Bot.TestSupport.FakeDiscord;

/// <summary>One connection: HELLO, then heartbeats, IDENTIFY and RESUME as the gateway documentation describes them.</summary>
public sealed partial class FakeDiscordGateway
{
    // Discord: GUILD_MEMBERS (1 << 1), GUILD_PRESENCES (1 << 8), MESSAGE_CONTENT (1 << 15) are privileged.
    private const long PrivilegedIntents = (1L << 1) | (1L << 8) | (1L << 15);
    private static readonly TimeSpan IdentifySpacing = TimeSpan.FromSeconds(5);
    private int _sessionCounter;

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        var version = context.Request.Query["v"].ToString();
        var encoding = context.Request.Query["encoding"].ToString();
        using var ws = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var socket = new FakeSocket(ws);
        lock (_lock)
        {
            Connections++;
            _sockets.Add(socket);
        }

        var writer = socket.WriteLoopAsync(this);
        if (version != "10")
        {
            socket.Close(4012);
        }
        else if (encoding != "json")
        {
            socket.Close(4002);
        }
        else
        {
            socket.Send(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = (long)Options.HeartbeatInterval.TotalMilliseconds } }.ToJsonString());
        }

        try
        {
            var buffer = new byte[64 * 1024];
            while (true)
            {
                var (type, count) = await ReceiveAsync(ws, buffer).ConfigureAwait(false);
                if (type == WebSocketMessageType.Close)
                {
                    lock (_lock)
                    {
                        _clientCloseCodes.Add((int?)ws.CloseStatus ?? 1005);
                    }

                    break;
                }

                if (!socket.CountReceived(Time.GetUtcNow(), Options.SendLimit, Options.SendWindow))
                {
                    lock (_lock)
                    {
                        SendLimitViolations++;
                    }

                    socket.Close(4008);
                    continue;
                }

                JsonObject? payload;
                try
                {
                    payload = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, count)) as JsonObject;
                }
                catch (JsonException)
                {
                    payload = null;
                }

                switch (payload?["op"]?.GetValue<int>())
                {
                    case 1:
                        Heartbeat(socket);
                        break;
                    case 2:
                        Identify(socket, payload["d"] as JsonObject);
                        break;
                    case 6:
                        Resume(socket, payload["d"] as JsonObject);
                        break;
                    case null:
                        socket.Close(4002);
                        break;
                    default:
                        socket.Close(4001);
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // A dropped socket.
        }
        finally
        {
            lock (_lock)
            {
                _sockets.Remove(socket);
                if (socket.Session is { } session && ReferenceEquals(session.Live, socket))
                {
                    session.Live = null;
                }
            }

            socket.Complete();
            await writer.ConfigureAwait(false);
        }
    }

    private static async Task<(WebSocketMessageType Type, int Count)> ReceiveAsync(WebSocket ws, byte[] buffer)
    {
        var count = 0;
        while (true)
        {
            var result = await ws.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (WebSocketMessageType.Close, 0);
            }

            count += result.Count;
            if (result.EndOfMessage || count == buffer.Length)
            {
                return (result.MessageType, count);
            }
        }
    }

    private void Heartbeat(FakeSocket socket)
    {
        lock (_lock)
        {
            Heartbeats++;
            if (_withheldAcks > 0)
            {
                _withheldAcks--;
                return;
            }
        }

        socket.Send("""{"op":11}""");
    }

    private void Identify(FakeSocket socket, JsonObject? d)
    {
        lock (_lock)
        {
            if (socket.Session is not null)
            {
                CloseLocked(socket, 4005);
                return;
            }

            _identifyPayloads.Add((JsonObject)(d?.DeepClone() ?? new JsonObject()));
            var shardArray = d?["shard"] as JsonArray;
            var shard = shardArray?.Count == 2 ? shardArray[0]!.GetValue<int>() : 0;
            var count = shardArray?.Count == 2 ? shardArray[1]!.GetValue<int>() : 1;
            long? intents = d?["intents"] is JsonValue i && i.TryGetValue<long>(out var bits) ? bits : null;
            if (d?["token"]?.GetValue<string>() != Rest.Options.BotToken)
            {
                CloseLocked(socket, 4004);
                return;
            }

            if (CloseOnIdentify is { } code)
            {
                CloseLocked(socket, code);
                return;
            }

            if (_remaining <= 0)
            {
                // Discord resets the token of a bot that identifies past its limit.
                IdentifiesPastLimit++;
                CloseLocked(socket, 4004);
                return;
            }

            if (intents is null || intents < 0)
            {
                CloseLocked(socket, 4013);
                return;
            }

            if ((intents & PrivilegedIntents) != 0 && !Options.PrivilegedIntentsEnabled)
            {
                CloseLocked(socket, 4014);
                return;
            }

            if (shard < 0 || count < 1 || shard >= count)
            {
                CloseLocked(socket, 4010);
                return;
            }

            if (count < Options.RecommendedShards && Options.RecommendedShards > 2500)
            {
                CloseLocked(socket, 4011);
                return;
            }

            var now = Time.GetUtcNow();
            var bucket = shard % Math.Max(1, Options.MaxConcurrency);
            if (_lastIdentifyByBucket.TryGetValue(bucket, out var last) && now - last < IdentifySpacing)
            {
                IdentifiesTooFast++;
            }

            _lastIdentifyByBucket[bucket] = now;
            _remaining--;
            Identifies++;
            var session = new FakeSession(Guid.NewGuid().ToString("N"), shard, count, ++_sessionCounter);
            _sessions[session.Id] = session;
            socket.Session = session;
            session.Live = socket;
            socket.Ready = true;
            DispatchLocked(session, "READY", new JsonObject
            {
                ["v"] = 10,
                ["user"] = new JsonObject { ["id"] = Rest.Options.ApplicationId, ["username"] = "fake-bot", ["bot"] = true },
                ["guilds"] = new JsonArray(),
                ["session_id"] = session.Id,
                ["resume_gateway_url"] = Url,
                ["shard"] = new JsonArray(shard, count),
                ["application"] = new JsonObject { ["id"] = Rest.Options.ApplicationId, ["flags"] = 0 },
            });
            FlushPendingLocked(session);
        }
    }

    private void Resume(FakeSocket socket, JsonObject? d)
    {
        lock (_lock)
        {
            if (d?["token"]?.GetValue<string>() != Rest.Options.BotToken)
            {
                CloseLocked(socket, 4004);
                return;
            }

            var id = d["session_id"]?.GetValue<string>();
            if (id is null || !_sessions.TryGetValue(id, out var session) || session.Invalid)
            {
                socket.Send("""{"op":9,"d":false}""");
                return;
            }

            if (session.Live is { } old && !ReferenceEquals(old, socket))
            {
                old.Socket.Abort();
            }

            session.Live = socket;
            socket.Session = session;
            socket.Ready = true;
            Resumes++;
            var from = d["seq"] is JsonValue s && s.TryGetValue<long>(out var seq) ? seq : 0;
            foreach (var (sequence, frame) in session.Events)
            {
                if (sequence > from)
                {
                    socket.Send(frame);
                }
            }

            DispatchLocked(session, "RESUMED", null);
            FlushPendingLocked(session);
        }
    }

    private void FlushPendingLocked(FakeSession session)
    {
        if (!_pending.Remove(session.Shard, out var queue))
        {
            return;
        }

        foreach (var interaction in queue)
        {
            // Held while the shard had no session: it counts as created now.
            var id = interaction["id"]!.GetValue<string>();
            _interactions[id] = (_interactions[id].Token, Time.GetUtcNow());
            DispatchLocked(session, "INTERACTION_CREATE", interaction);
        }
    }

    private void CloseLocked(FakeSocket socket, int code)
    {
        _closeCodes.Add(code);
        socket.Close(code);
    }

    private sealed class FakeSession(string id, int shard, int count, int started)
    {
        public string Id { get; } = id;

        public int Shard { get; } = shard;

        public int Count { get; } = count;

        public int Started { get; } = started;

        public long Sequence { get; set; }

        public bool Invalid { get; set; }

        public FakeSocket? Live { get; set; }

        public List<(long Sequence, string Frame)> Events { get; } = [];
    }

    private sealed class FakeSocket(WebSocket socket)
    {
        private readonly Channel<(string? Frame, int? Close)> _outbox = Channel.CreateUnbounded<(string?, int?)>(new UnboundedChannelOptions { SingleReader = true });
        private readonly Queue<DateTimeOffset> _received = new();

        public WebSocket Socket { get; } = socket;

        public FakeSession? Session { get; set; }

        public bool Ready { get; set; }

        public void Send(string frame) => _outbox.Writer.TryWrite((frame, null));

        public void Close(int code) => _outbox.Writer.TryWrite((null, code));

        public void Complete() => _outbox.Writer.TryComplete();

        public bool CountReceived(DateTimeOffset now, int limit, TimeSpan window)
        {
            while (_received.Count > 0 && now - _received.Peek() >= window)
            {
                _received.Dequeue();
            }

            _received.Enqueue(now);
            return _received.Count <= limit;
        }

        public async Task WriteLoopAsync(FakeDiscordGateway gateway)
        {
            try
            {
                await foreach (var (frame, close) in _outbox.Reader.ReadAllAsync().ConfigureAwait(false))
                {
                    if (gateway.FrameDelay > TimeSpan.Zero)
                    {
                        await Task.Delay(gateway.FrameDelay).ConfigureAwait(false);
                    }

                    if (close is { } code)
                    {
                        await Socket.CloseOutputAsync((WebSocketCloseStatus)code, "fake gateway", CancellationToken.None).ConfigureAwait(false);
                        return;
                    }

                    await Socket.SendAsync(Encoding.UTF8.GetBytes(frame!), WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
            {
                // The socket died; what it missed is replayed on RESUME.
            }
        }
    }
}
