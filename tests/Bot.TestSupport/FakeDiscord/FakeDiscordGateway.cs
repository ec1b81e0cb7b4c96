using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;

namespace Bot.TestSupport.FakeDiscord;

/// <summary>
/// A fake Discord Gateway (API v10, JSON) on 127.0.0.1, written from Discord's gateway documentation: HELLO, heartbeat
/// ACKs, IDENTIFY → READY, RESUME with replay of missed dispatches → RESUMED, op 7, op 9, close codes, the session start
/// limit, and 120 events / 60 s per connection. Attached to a <see cref="FakeDiscordServer"/>, which then answers
/// <c>GET /gateway/bot</c> and interaction callbacks. Faults: dropped sockets, withheld ACKs, forced reconnects, invalid
/// sessions, close codes and slow frames.
/// </summary>
public sealed partial class FakeDiscordGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, FakeSession> _sessions = new(StringComparer.Ordinal);
    private readonly List<FakeSocket> _sockets = [];
    private readonly Dictionary<int, List<JsonObject>> _pending = [];
    private readonly Dictionary<string, (string Token, DateTimeOffset Created)> _interactions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _acknowledged = new(StringComparer.Ordinal);
    private readonly List<FakeGatewayCallback> _callbacks = [];
    private readonly List<JsonObject> _identifyPayloads = [];
    private readonly List<int> _closeCodes = [];
    private readonly List<int> _clientCloseCodes = [];
    private readonly Dictionary<int, DateTimeOffset> _lastIdentifyByBucket = [];
    private int _remaining;
    private int _withheldAcks;
    private long _nextId = 1_300_000_000_000_000_000;

    private FakeDiscordGateway(WebApplication app, FakeDiscordServer rest, FakeGatewayOptions options, TimeProvider time)
    {
        _app = app;
        Rest = rest;
        Options = options;
        Time = time;
        _remaining = options.SessionStartRemaining;
    }

    /// <summary>The REST fake this gateway belongs to.</summary>
    public FakeDiscordServer Rest { get; }

    /// <summary>The options.</summary>
    public FakeGatewayOptions Options { get; }

    /// <summary>The fake's clock (deadlines, send window, session start limit).</summary>
    public TimeProvider Time { get; }

    /// <summary><c>ws://127.0.0.1:port</c>: the <c>url</c> of <c>GET /gateway/bot</c> and the <c>resume_gateway_url</c>.</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>Delay before every frame the fake sends ("slow frames").</summary>
    public TimeSpan FrameDelay { get; set; }

    /// <summary>When set, the next IDENTIFY is answered by closing with this code (e.g. 4014 for disallowed intents).</summary>
    public int? CloseOnIdentify { get; set; }

    /// <summary>WebSocket connections accepted.</summary>
    public int Connections { get; private set; }

    /// <summary>IDENTIFY payloads accepted (each started a session and spent one of the session start limit).</summary>
    public int Identifies { get; private set; }

    /// <summary>IDENTIFYs sent when <c>session_start_limit.remaining</c> was 0 (Discord resets the token of such a bot).</summary>
    public int IdentifiesPastLimit { get; private set; }

    /// <summary>IDENTIFYs sent within 5 s of another in the same <c>max_concurrency</c> bucket.</summary>
    public int IdentifiesTooFast { get; private set; }

    /// <summary>Successful RESUMEs.</summary>
    public int Resumes { get; private set; }

    /// <summary>Heartbeats received.</summary>
    public int Heartbeats { get; private set; }

    /// <summary>Connections closed with 4008 for sending more than 120 events in 60 s.</summary>
    public int SendLimitViolations { get; private set; }

    /// <summary>Every IDENTIFY's <c>d</c>.</summary>
    public IReadOnlyList<JsonObject> IdentifyPayloads { get { lock (_lock) { return [.. _identifyPayloads]; } } }

    /// <summary>Close codes the fake sent.</summary>
    public IReadOnlyList<int> CloseCodes { get { lock (_lock) { return [.. _closeCodes]; } } }

    /// <summary>Close codes the bot sent (1000 on shutdown ends the session; 4000 keeps it resumable).</summary>
    public IReadOnlyList<int> ClientCloseCodes { get { lock (_lock) { return [.. _clientCloseCodes]; } } }

    /// <summary>Accepted interaction callbacks, in order.</summary>
    public IReadOnlyList<FakeGatewayCallback> Callbacks { get { lock (_lock) { return [.. _callbacks]; } } }

    /// <summary>Whether a connection of shard <paramref name="shard"/> holds a ready session now.</summary>
    public bool IsLive(int shard = 0)
    {
        lock (_lock)
        {
            return _sessions.Values.Any(s => s.Shard == shard && !s.Invalid && s.Live is { Ready: true });
        }
    }

    /// <summary>Starts the gateway on 127.0.0.1 and attaches it to <paramref name="rest"/>.</summary>
    public static async Task<FakeDiscordGateway> StartAsync(FakeDiscordServer rest, FakeGatewayOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(rest);
        var app = Loopback.CreateBuilder().Build();
        var gateway = new FakeDiscordGateway(app, rest, options ?? new FakeGatewayOptions(), time ?? rest.Time);
        app.UseWebSockets();
        app.Run(gateway.AcceptAsync);
        await app.StartAsync().ConfigureAwait(false);
        gateway.Url = "ws" + Loopback.AddressOf(app)["http".Length..];
        rest.Gateway = gateway;
        return gateway;
    }

    /// <summary>
    /// Creates an interaction on shard <paramref name="shard"/> and dispatches it as INTERACTION_CREATE; fills in id, token and
    /// application id. With no session on the shard it waits for the next one (Discord would not deliver it at all). Returns its id.
    /// </summary>
    public string DispatchInteraction(JsonObject interaction, int shard = 0)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        interaction["id"] = id;
        interaction["token"] = "gtok-" + id + "-" + Guid.NewGuid().ToString("N");
        interaction["application_id"] = Rest.Options.ApplicationId;
        lock (_lock)
        {
            _interactions[id] = (interaction["token"]!.GetValue<string>(), Time.GetUtcNow());
            var session = LatestSession(shard);
            if (session is null)
            {
                if (!_pending.TryGetValue(shard, out var queue))
                {
                    _pending[shard] = queue = [];
                }

                queue.Add(interaction);
                return id;
            }

            DispatchLocked(session, "INTERACTION_CREATE", interaction);
        }

        return id;
    }

    /// <summary>Aborts every socket without a close frame (a dropped connection); sessions stay resumable.</summary>
    public void DropConnections()
    {
        foreach (var socket in LiveSockets())
        {
            socket.Socket.Abort();
        }
    }

    /// <summary>The next <paramref name="count"/> heartbeats get no ACK (a zombie connection, seen from the bot).</summary>
    public void WithholdAcks(int count)
    {
        lock (_lock)
        {
            _withheldAcks += count;
        }
    }

    /// <summary>Sends op 7 RECONNECT on every connection.</summary>
    public void ForceReconnect()
    {
        foreach (var socket in LiveSockets())
        {
            socket.Send("""{"op":7,"d":null}""");
        }
    }

    /// <summary>Sends op 9 INVALID SESSION on every connection; unless <paramref name="resumable"/>, their sessions end.</summary>
    public void InvalidateSessions(bool resumable)
    {
        foreach (var socket in LiveSockets())
        {
            lock (_lock)
            {
                if (!resumable && socket.Session is { } session)
                {
                    session.Invalid = true;
                }
            }

            socket.Send(resumable ? """{"op":9,"d":true}""" : """{"op":9,"d":false}""");
        }
    }

    /// <summary>Closes every connection with <paramref name="code"/>.</summary>
    public void CloseAll(int code)
    {
        lock (_lock)
        {
            foreach (var socket in _sockets)
            {
                CloseLocked(socket, code);
            }
        }
    }

    /// <summary>Waits (polling, real time) until <paramref name="condition"/> holds.</summary>
    public async Task WaitForAsync(Func<FakeDiscordGateway, bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (timeout ?? FakeDiscordServer.DefaultWait);
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The fake gateway did not see {what ?? "what the test waited for"}: {Connections} connections, {Identifies} identifies, {Resumes} resumes, {Callbacks.Count} callbacks.");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the gateway.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var socket in LiveSockets())
        {
            socket.Socket.Abort();
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary><c>GET /gateway/bot</c>'s body.</summary>
    internal string GatewayBotJson()
    {
        lock (_lock)
        {
            return new JsonObject
            {
                ["url"] = Url,
                ["shards"] = Options.RecommendedShards,
                ["session_start_limit"] = new JsonObject
                {
                    ["total"] = Options.SessionStartTotal,
                    ["remaining"] = Math.Max(0, _remaining),
                    ["reset_after"] = (long)Options.SessionStartResetAfter.TotalMilliseconds,
                    ["max_concurrency"] = Options.MaxConcurrency,
                },
            }.ToJsonString();
        }
    }

    private List<FakeSocket> LiveSockets()
    {
        lock (_lock)
        {
            return [.. _sockets];
        }
    }

    private FakeSession? LatestSession(int shard)
        => _sessions.Values.Where(s => s.Shard == shard && !s.Invalid).OrderByDescending(s => s.Started).FirstOrDefault();

    private void DispatchLocked(FakeSession session, string type, JsonNode? data)
    {
        var sequence = ++session.Sequence;
        var frame = new JsonObject { ["op"] = 0, ["t"] = type, ["s"] = sequence, ["d"] = data?.DeepClone() }.ToJsonString();
        session.Events.Add((sequence, frame));
        session.Live?.Send(frame);
    }
}
