using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bot.TestSupport.FakeSlack;

/// <summary>
/// Socket Mode, from Slack's documentation: <c>apps.connections.open</c> takes an app-level token (<c>xapp-</c>) and returns
/// a single-use WebSocket URL; each connection starts with <c>hello</c>; envelopes must be acknowledged with their
/// <c>envelope_id</c> within 3 seconds, and unacknowledged ones are delivered again with a <c>retry_attempt</c>;
/// <c>disconnect</c> asks the app to reconnect (Slack allows up to 10 connections per app).
/// </summary>
public sealed partial class FakeSlackServer
{
    private const int MaxConnections = 10;
    private readonly object _socketGate = new();
    private readonly Dictionary<string, bool> _tickets = new(StringComparer.Ordinal);
    private readonly List<SocketLink> _links = [];
    private readonly Dictionary<string, EnvelopeState> _envelopes = new(StringComparer.Ordinal);
    private readonly List<string> _envelopeOrder = [];
    private readonly Queue<EnvelopeState> _waiting = new();
    private int _nextEnvelope;
    private int _nextLink;

    /// <summary>The app-level token <c>apps.connections.open</c> accepts.</summary>
    public string AppToken { get; set; } = "xapp-1-A0FAKE-1-fakeapptoken";

    /// <summary>Slack: an envelope must be acknowledged within 3 seconds.</summary>
    public TimeSpan AckDeadline { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a connection stays open after <c>disconnect</c> before the fake closes it.</summary>
    public TimeSpan DisconnectGrace { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Slack retries an unacknowledged envelope up to 3 times.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Socket Mode connections that got <c>hello</c>.</summary>
    public int SocketConnections { get; private set; }

    /// <summary>Connections open now (hello sent, not closed).</summary>
    public int OpenSocketConnections { get { lock (_socketGate) { return _links.Count(l => !l.Closing); } } }

    /// <summary>Acknowledgements for an envelope that was already acknowledged.</summary>
    public int DuplicateAcks { get; private set; }

    /// <summary>Every envelope sent, in order.</summary>
    public IReadOnlyList<FakeSocketEnvelope> Envelopes
    {
        get
        {
            lock (_socketGate)
            {
                return [.. _envelopeOrder.Select(id => _envelopes[id].Snapshot())];
            }
        }
    }

    /// <summary>Sends a <c>slash_commands</c> envelope whose payload carries the fields of an HTTP slash command; returns its <c>response_url</c>.</summary>
    public string SendSlashCommand(string command, string text, string userId = "UUSER", string channelId = "CCHANNEL")
    {
        var responseUrl = NewResponseUrl();
        var number = Interlocked.Increment(ref _nextEnvelope);
        Enqueue("slash_commands", new JsonObject
        {
            ["token"] = "legacy",
            ["team_id"] = "T0FAKE",
            ["team_domain"] = "fake",
            ["channel_id"] = channelId,
            ["channel_name"] = "general",
            ["user_id"] = userId,
            ["user_name"] = "someone",
            ["command"] = "/" + command.TrimStart('/'),
            ["text"] = text,
            ["api_app_id"] = "A0FAKE",
            ["is_enterprise_install"] = "false",
            ["response_url"] = responseUrl,
            ["trigger_id"] = $"{number}.1.fake",
        }, number);
        return responseUrl;
    }

    /// <summary>Sends an <c>interactive</c> envelope (e.g. a <c>block_actions</c> payload); returns its envelope id.</summary>
    public string SendInteractive(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var number = Interlocked.Increment(ref _nextEnvelope);
        payload["trigger_id"] ??= $"{number}.2.fake";
        return Enqueue("interactive", payload, number);
    }

    /// <summary>Sends <c>disconnect</c> with <paramref name="reason"/> (<c>warning</c>, <c>refresh_requested</c>, <c>link_disabled</c>) on every open connection, and closes each after <see cref="DisconnectGrace"/>.</summary>
    public void SendDisconnect(string reason)
    {
        List<SocketLink> links;
        lock (_socketGate)
        {
            links = [.. _links.Where(l => !l.Closing)];
            foreach (var link in links)
            {
                link.Closing = true;
            }
        }

        foreach (var link in links)
        {
            link.Send(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "fake-" + link.Id } }.ToJsonString());
            _ = CloseLaterAsync(link);
        }
    }

    /// <summary>Aborts every Socket Mode connection without a close frame.</summary>
    public void DropSocketConnections()
    {
        List<SocketLink> links;
        lock (_socketGate)
        {
            links = [.. _links];
        }

        foreach (var link in links)
        {
            link.Socket.Abort();
        }
    }

    /// <summary>Waits (polling) until <paramref name="condition"/> holds over the envelopes.</summary>
    public async Task WaitForEnvelopesAsync(Func<IReadOnlyList<FakeSocketEnvelope>, bool> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        while (!condition(Envelopes))
        {
            if (DateTime.UtcNow > deadline)
            {
                var envelopes = Envelopes;
                throw new TimeoutException($"The fake Slack did not see the expected acknowledgements: {envelopes.Count(e => e.AckedAt is not null)} of {envelopes.Count} acknowledged, {OpenSocketConnections} connections open.");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    private void MapSocketMode()
    {
        _app.UseWebSockets();
        _app.MapPost("/api/apps.connections.open", (Func<HttpContext, IResult>)OpenConnection);
        _app.Map("/link", (Func<HttpContext, Task>)AcceptLinkAsync);
    }

    private IResult OpenConnection(HttpContext context)
    {
        var auth = context.Request.Headers.Authorization.ToString();
        if (!auth.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return NotOk("not_authed");
        }

        var token = auth["Bearer ".Length..];
        if (!token.StartsWith("xapp-", StringComparison.Ordinal))
        {
            return NotOk("not_allowed_token_type");
        }

        if (token != AppToken)
        {
            return NotOk("invalid_auth");
        }

        lock (_socketGate)
        {
            if (_links.Count >= MaxConnections)
            {
                return NotOk("too_many_websockets");
            }

            var ticket = Guid.NewGuid().ToString("N");
            _tickets[ticket] = true;
            var url = new Uri(BaseUri, $"link?ticket={ticket}&app_id=A0FAKE").ToString();
            return Ok(new JsonObject { ["url"] = "ws" + url["http".Length..] });
        }
    }
}
