using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Gateway;

/// <summary>
/// One gateway shard: connects, identifies or resumes, heartbeats, and reconnects until the host stops or a close code
/// that retrying cannot fix arrives. Keeps <c>session_id</c>, <c>resume_gateway_url</c> and the last sequence across
/// connections, so that a drop, op 7 or a resumable op 9 resumes and Discord replays what was missed.
/// </summary>
internal sealed partial class GatewayShard
{
    private readonly int _id;
    private readonly int _count;
    private readonly GatewayShardContext _context;
    private readonly ILogger _logger;
    private readonly Random _random;
    private string? _sessionId;
    private string? _resumeUrl;
    private long? _sequence;
    private bool _established;
    private int _attempt;

    public GatewayShard(int id, int count, GatewayShardContext context, Random random)
    {
        _id = id;
        _count = count;
        _context = context;
        _logger = context.Logger;
        _random = random;
    }

    private enum EndKind
    {
        /// <summary>The socket dropped or closed with a retryable code: back off, then resume if there is a session.</summary>
        Dropped,

        /// <summary>Op 7, a resumable op 9 or a zombie connection: resume at once.</summary>
        Resume,

        /// <summary>A non-resumable op 9: wait 1–5 s and identify afresh.</summary>
        Invalid,

        /// <summary>A close code that retrying cannot fix.</summary>
        Fatal,
    }

    /// <summary>Runs the shard until <paramref name="ct"/> fires or a fatal close code stops it.</summary>
    public async Task RunAsync(string gatewayUrl, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            (EndKind Kind, string? Reason) end;
            try
            {
                end = await RunSessionAsync(gatewayUrl, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or JsonException or InvalidOperationException or KeyNotFoundException)
            {
                LogDropped(_id, ex.Message);
                end = (EndKind.Dropped, null);
            }

            if (end.Kind == EndKind.Fatal)
            {
                LogFatal(_id, end.Reason!);
                _context.Status.Stop(_id, end.Reason!);
                return;
            }

            _context.Status.Set(_id, "reconnecting");
            TimeSpan wait;
            if (end.Kind == EndKind.Invalid)
            {
                ClearSession();
                wait = TimeSpan.FromMilliseconds(1000 + _random.Next(4001));
            }
            else if (end.Kind == EndKind.Resume && _established)
            {
                wait = TimeSpan.Zero;
            }
            else
            {
                // Also for op 7 / op 9 on a connection that never got READY: a server that keeps asking must not spin us.
                wait = GatewayBackoff.Delay(++_attempt, _random);
            }

            _established = false;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, _context.Time, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void ClearSession()
    {
        _sessionId = null;
        _resumeUrl = null;
        _sequence = null;
    }

    private void OnDispatch(JsonElement root)
    {
        if (root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number)
        {
            _sequence = s.GetInt64();
        }

        var type = root.TryGetProperty("t", out var t) ? t.GetString() : null;
        var data = root.TryGetProperty("d", out var d) ? d : default;
        switch (type)
        {
            case "READY":
                _sessionId = data.GetProperty("session_id").GetString();
                _resumeUrl = data.TryGetProperty("resume_gateway_url", out var url) ? url.GetString() : null;
                Established();
                LogReady(_id, _count);
                break;
            case "RESUMED":
                Established();
                LogResumed(_id);
                break;
            case "INTERACTION_CREATE":
                _context.Dispatcher.Dispatch(data);
                break;
        }
    }

    private void Established()
    {
        _established = true;
        _attempt = 0;
        _context.Status.Set(_id, "connected");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: shard {Shard} of {Count} is ready")]
    private partial void LogReady(int shard, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: shard {Shard} resumed")]
    private partial void LogResumed(int shard);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: shard {Shard} lost its connection ({Reason}); reconnecting")]
    private partial void LogDropped(int shard, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord gateway: shard {Shard} stopped, not retrying: {Reason}")]
    private partial void LogFatal(int shard, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: shard {Shard} got {What}; reconnecting")]
    private partial void LogServerAsked(int shard, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: shard {Shard} got no heartbeat ACK; closing the zombie connection and resuming")]
    private partial void LogZombie(int shard);
}
