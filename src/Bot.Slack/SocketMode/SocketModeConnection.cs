using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Bot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket: waits for <c>hello</c>, hands envelopes to the handler and sends each acknowledgement back on
/// this socket. <see cref="Ended"/> completes with the reason when Slack asks for a new connection (<c>disconnect</c>) or
/// the socket drops; the socket keeps serving until it is disposed, so the next one can open first.
/// </summary>
internal sealed partial class SocketModeConnection : IAsyncDisposable
{
    /// <summary>How often the client pings; a pong missing for <see cref="KeepAliveTimeout"/> more aborts the socket.</summary>
    public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(5);

    /// <summary>With the interval, the bound on how long a dead socket goes unnoticed (10 s).</summary>
    public static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly SocketModeEnvelopeHandler _handler;
    private readonly SlackSocketModeStatus _status;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private Task _receive = Task.CompletedTask;
    private int _opened;

    private SocketModeConnection(SocketModeEnvelopeHandler handler, SlackSocketModeStatus status, ILogger logger)
    {
        _handler = handler;
        _status = status;
        _logger = logger;
        _socket.Options.KeepAliveInterval = KeepAliveInterval;
        _socket.Options.KeepAliveTimeout = KeepAliveTimeout;
    }

    /// <summary>Completes with why this connection should be replaced.</summary>
    public Task<string> Ended => _ended.Task;

    /// <summary>Connects to <paramref name="url"/> and waits for <c>hello</c>.</summary>
    public static async Task<SocketModeConnection> ConnectAsync(Uri url, SocketModeEnvelopeHandler handler, SlackSocketModeStatus status, ILogger logger, CancellationToken ct)
    {
        var connection = new SocketModeConnection(handler, status, logger);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(HelloTimeout);
            await connection._socket.ConnectAsync(url, timeout.Token).ConfigureAwait(false);
            connection._receive = connection.ReceiveLoopAsync();
            await connection._hello.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes the socket (normal closure) and waits for the receive loop.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            try
            {
                if (_socket.State == WebSocketState.Open)
                {
                    await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
                    try
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "replaced", timeout.Token).ConfigureAwait(false);
                    }
                    finally
                    {
                        _sendLock.Release();
                    }
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
            {
            }
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Abort();
        await _receive.ConfigureAwait(false);
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        var reason = "dropped";
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.GetMemory(8192), _stop.Token).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        reason = $"closed by Slack ({_socket.CloseStatus})";
                        return;
                    }

                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage);

                OnMessage(buffer.WrittenMemory);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or JsonException)
        {
            reason = _stop.IsCancellationRequested ? "closed" : "dropped (" + ex.Message + ")";
        }
        finally
        {
            if (Interlocked.Exchange(ref _opened, 0) == 1)
            {
                _status.Closed();
            }

            _hello.TrySetException(new WebSocketException("the socket closed before hello"));
            _ended.TrySetResult(reason);
        }
    }

    private void OnMessage(ReadOnlyMemory<byte> frame)
    {
        using var document = JsonDocument.Parse(frame);
        var root = document.RootElement;
        var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type == "hello")
        {
            if (Interlocked.Exchange(ref _opened, 1) == 0)
            {
                _status.Opened();
            }

            _hello.TrySetResult();
            return;
        }

        if (type == "disconnect")
        {
            var why = root.TryGetProperty("reason", out var r) ? r.GetString() ?? "unknown" : "unknown";
            LogDisconnect(why);
            _ended.TrySetResult("disconnect: " + why);
            return;
        }

        if (root.TryGetProperty("envelope_id", out _))
        {
            var envelope = root.Clone();
            _ = Task.Run(() => AnswerAsync(envelope));
        }
    }

    private async Task AnswerAsync(JsonElement envelope)
    {
        var ack = await _handler.HandleAsync(envelope).ConfigureAwait(false);
        if (ack is null)
        {
            return;
        }

        try
        {
            await _sendLock.WaitAsync(_stop.Token).ConfigureAwait(false);
            try
            {
                await _socket.SendAsync(ack, WebSocketMessageType.Text, endOfMessage: true, _stop.Token).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Slack redelivers an envelope whose acknowledgement did not arrive; the handler answers it from the same work.
            LogAckLost(ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode: Slack asked to reconnect ({Reason}); opening a new connection before closing this one")]
    private partial void LogDisconnect(string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack Socket Mode: an acknowledgement was not sent ({Reason}); Slack will redeliver")]
    private partial void LogAckLost(string reason);
}
