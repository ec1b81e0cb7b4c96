using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

namespace Bot.Discord.Gateway;

/// <summary>One connection of a shard: HELLO, heartbeats, identify or resume, and the receive loop.</summary>
internal sealed partial class GatewayShard
{
    private const int MaxFrameBytes = 8 * 1024 * 1024;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(20);

    private async Task<(EndKind Kind, string? Reason)> RunSessionAsync(string gatewayUrl, CancellationToken ct)
    {
        var resume = _sessionId is not null;
        if (!resume)
        {
            // Waiting for the identify budget happens before connecting, so no open socket idles through it.
            await _context.Gate.WaitTurnAsync(_id, ct).ConfigureAwait(false);
        }

        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero; // Discord's heartbeats are the liveness check.
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            connect.CancelAfter(ConnectTimeout);
            await socket.ConnectAsync(GatewayPayloads.ConnectUri(resume ? _resumeUrl ?? gatewayUrl : gatewayUrl), connect.Token).ConfigureAwait(false);
        }

        using var session = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var connection = new Connection(socket, new GatewaySendLimiter(_context.Time));
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        Task heartbeat = Task.CompletedTask;

        // Cancelling a receive would abort the socket without a close frame; shutting down closes it properly instead.
        using var stopping = ct.Register(() => _ = StopAsync(connection));
        try
        {
            var helloSeen = false;
            using var helloTimeout = new CancellationTokenSource(HelloTimeout, _context.Time);
            using var helloRegistration = helloTimeout.Token.Register(() => { if (!helloSeen) { socket.Abort(); } });
            while (true)
            {
                if (!await ReceiveAsync(socket, buffer, CancellationToken.None).ConfigureAwait(false))
                {
                    return Closed(socket, connection, ct);
                }

                using var document = JsonDocument.Parse(buffer.WrittenMemory);
                var root = document.RootElement;
                switch (root.GetProperty("op").GetInt32())
                {
                    case GatewayPayloads.Hello:
                        helloSeen = true;
                        var interval = TimeSpan.FromMilliseconds(root.GetProperty("d").GetProperty("heartbeat_interval").GetDouble());
                        heartbeat = HeartbeatAsync(connection, interval, session.Token);
                        var token = _context.Options.BotToken;
                        await SendAsync(connection, resume ? GatewayPayloads.ResumeOf(token, _sessionId!, _sequence) : GatewayPayloads.IdentifyOf(token, _id, _count), session.Token).ConfigureAwait(false);
                        break;
                    case GatewayPayloads.HeartbeatAck:
                        Volatile.Write(ref connection.Acked, true);
                        break;
                    case GatewayPayloads.Heartbeat:
                        await SendAsync(connection, GatewayPayloads.HeartbeatOf(_sequence), session.Token).ConfigureAwait(false);
                        break;
                    case GatewayPayloads.Reconnect:
                        LogServerAsked(_id, "op 7 RECONNECT");
                        await CloseAsync(connection, GatewayCloseCodes.Reconnecting).ConfigureAwait(false);
                        return (EndKind.Resume, null);
                    case GatewayPayloads.InvalidSession:
                        var resumable = root.TryGetProperty("d", out var d) && d.ValueKind == JsonValueKind.True;
                        LogServerAsked(_id, resumable ? "op 9 INVALID SESSION (resumable)" : "op 9 INVALID SESSION");
                        await CloseAsync(connection, GatewayCloseCodes.Reconnecting).ConfigureAwait(false);
                        return (resumable ? EndKind.Resume : EndKind.Invalid, null);
                    case GatewayPayloads.Dispatch:
                        OnDispatch(root);
                        break;
                }
            }
        }
        catch (Exception ex) when (connection.Zombie && !ct.IsCancellationRequested && ex is WebSocketException or OperationCanceledException or IOException)
        {
            return (EndKind.Resume, null);
        }
        catch (Exception ex) when (ct.IsCancellationRequested && ex is WebSocketException or IOException)
        {
            throw new OperationCanceledException(ct);
        }
        finally
        {
            await session.CancelAsync().ConfigureAwait(false);
            try
            {
                await heartbeat.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
            {
            }
        }
    }

    private (EndKind Kind, string? Reason) Closed(ClientWebSocket socket, Connection connection, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            throw new OperationCanceledException(ct);
        }

        if (connection.Zombie)
        {
            return (EndKind.Resume, null);
        }

        var code = (int?)socket.CloseStatus;
        if (code is { } c && GatewayCloseCodes.Fatal(c) is { } reason)
        {
            return (EndKind.Fatal, reason);
        }

        if (code is { } ends && GatewayCloseCodes.EndsSession(ends))
        {
            ClearSession();
        }

        LogDropped(_id, $"closed with {code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no code"} {socket.CloseStatusDescription}".TrimEnd());
        return (EndKind.Dropped, null);
    }

    private async Task HeartbeatAsync(Connection connection, TimeSpan interval, CancellationToken ct)
    {
        // The first beat after interval × jitter, so that shards reconnecting together do not beat together.
        await Task.Delay(interval * _random.NextDouble(), _context.Time, ct).ConfigureAwait(false);
        Volatile.Write(ref connection.Acked, true);
        while (!ct.IsCancellationRequested)
        {
            if (!Volatile.Read(ref connection.Acked))
            {
                LogZombie(_id);
                connection.Zombie = true;
                await CloseAsync(connection, GatewayCloseCodes.Reconnecting).ConfigureAwait(false);
                connection.Socket.Abort();
                return;
            }

            Volatile.Write(ref connection.Acked, false);
            await SendAsync(connection, GatewayPayloads.HeartbeatOf(_sequence), ct).ConfigureAwait(false);
            await Task.Delay(interval, _context.Time, ct).ConfigureAwait(false);
        }
    }

    private static async Task SendAsync(Connection connection, byte[] payload, CancellationToken ct)
    {
        await connection.Limiter.WaitAsync(ct).ConfigureAwait(false);
        await connection.SendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await connection.Socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, ct).ConfigureAwait(false);
        }
        finally
        {
            connection.SendLock.Release();
        }
    }

    /// <summary>Shutting down: a normal close (1000) ends the session, so the bot shows offline at once; abort if the server stays silent.</summary>
    private static async Task StopAsync(Connection connection)
    {
        await CloseAsync(connection, (int)WebSocketCloseStatus.NormalClosure).ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        try
        {
            connection.Socket.Abort();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static async Task CloseAsync(Connection connection, int code)
    {
        if (connection.Socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await connection.SendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                await connection.Socket.CloseOutputAsync((WebSocketCloseStatus)code, "reconnecting", timeout.Token).ConfigureAwait(false);
            }
            finally
            {
                connection.SendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The socket is going anyway.
        }
    }

    /// <summary>Reads one whole message into <paramref name="buffer"/>; false when the server closed.</summary>
    private static async Task<bool> ReceiveAsync(ClientWebSocket socket, ArrayBufferWriter<byte> buffer, CancellationToken ct)
    {
        buffer.ResetWrittenCount();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(8192), ct).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return false;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxFrameBytes)
            {
                throw new WebSocketException("a gateway message exceeded 8 MiB");
            }

            if (result.EndOfMessage)
            {
                return true;
            }
        }
    }

    private sealed class Connection(ClientWebSocket socket, GatewaySendLimiter limiter)
    {
        public bool Acked = true;
        public volatile bool Zombie;

        public ClientWebSocket Socket { get; } = socket;

        public GatewaySendLimiter Limiter { get; } = limiter;

        public SemaphoreSlim SendLock { get; } = new(1, 1);
    }
}
