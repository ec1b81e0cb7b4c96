using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bot.TestSupport.FakeSlack;

/// <summary>
/// A fake Slack Web API on 127.0.0.1 (Kestrel, port 0): chat.postMessage with Block Kit validation and per-channel pacing
/// (429 + Retry-After), conversations.history/replies with metadata, users.info, incoming webhooks and response_url.
/// Failures can be injected; every accepted message is recorded.
/// </summary>
public sealed partial class FakeSlackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<FakeSlackMessage> _messages = [];
    private readonly List<string> _rejections = [];
    private readonly List<string> _warnings = [];
    private readonly Dictionary<string, long> _lastAccepted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _responseUrlUses = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeSlackFault> _faults = new();
    private readonly Random _random;
    private (int Passes, FakeSlackFault Fault)? _delayedFault;
    private long _tsCounter;
    private int _paced429s;
    private int _responseUrlCounter;

    private FakeSlackServer(WebApplication app, FakeSlackOptions options)
    {
        _app = app;
        Options = options;
        _random = new Random(options.Seed);
    }

    /// <summary>The behaviour settings (admins, unknown channels, failure rate can be changed while running).</summary>
    public FakeSlackOptions Options { get; }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The value for <c>Bot:Slack:ApiBaseUrl</c>.</summary>
    public string ApiBaseUrl => new Uri(BaseUri, "api").ToString();

    /// <summary>Every accepted message, in order of arrival.</summary>
    public IReadOnlyList<FakeSlackMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Messages refused for breaking a limit or a rule, with the reason.</summary>
    public IReadOnlyList<string> Rejections
    {
        get
        {
            lock (_gate)
            {
                return [.. _rejections];
            }
        }
    }

    /// <summary>Warnings Slack would add to a response (e.g. <c>missing_charset</c>).</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (_gate)
            {
                return [.. _warnings];
            }
        }
    }

    /// <summary>How many 429s the pacing (not injected faults) has answered.</summary>
    public int PacingRateLimits => Volatile.Read(ref _paced429s);

    /// <summary>Starts a fake on a free loopback port.</summary>
    public static async Task<FakeSlackServer> StartAsync(FakeSlackOptions? options = null, CancellationToken ct = default)
    {
        var app = Loopback.CreateBuilder().Build();
        var server = new FakeSlackServer(app, options ?? new FakeSlackOptions());
        server.MapRoutes();
        await app.StartAsync(ct).ConfigureAwait(false);
        server.BaseUri = new Uri(Loopback.AddressOf(app) + "/");
        return server;
    }

    /// <summary>An incoming-webhook URL on this fake.</summary>
    public string WebhookUrl(string name = "hook") => new Uri(BaseUri, $"services/T0FAKE/B0FAKE/{name}").ToString();

    /// <summary>A fresh <c>response_url</c> on this fake (usable five times, like Slack's).</summary>
    public string NewResponseUrl() => new Uri(BaseUri, $"commands/T0FAKE/{Interlocked.Increment(ref _responseUrlCounter)}/secret").ToString();

    /// <summary>Lets <paramref name="passes"/> write requests through, then fails the next one this way (a crash mid-post).</summary>
    public void FailAfter(int passes, FakeSlackFault fault)
    {
        lock (_gate)
        {
            _delayedFault = (passes, fault);
        }
    }

    /// <summary>Makes the next write request (postMessage or webhook) fail this way.</summary>
    public void EnqueueFault(FakeSlackFault fault) => _faults.Enqueue(fault);

    /// <summary>Messages accepted in <paramref name="channel"/> (chat.postMessage), oldest first.</summary>
    public IReadOnlyList<FakeSlackMessage> MessagesIn(string channel) => [.. Messages.Where(m => m.Kind == "chat.postMessage" && m.Channel == channel)];

    /// <summary>Messages posted to a webhook or response URL, oldest first.</summary>
    public IReadOnlyList<FakeSlackMessage> MessagesAt(string url)
    {
        var path = new Uri(url).AbsolutePath;
        return [.. Messages.Where(m => m.Kind != "chat.postMessage" && m.Channel == path)];
    }

    /// <summary>
    /// How long a wait for what a test expects lasts when the test names no timeout: generous, because a wait ends as soon as
    /// its condition holds, and a loaded 2-core CI machine can take many seconds to start a host.
    /// </summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    /// <summary>Waits (polling) until <paramref name="predicate"/> holds over the messages, or fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<FakeSlackMessage>> WaitForAsync(Func<IReadOnlyList<FakeSlackMessage>, bool> predicate, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var deadline = Stopwatch.GetTimestamp() + (long)((timeout ?? DefaultWait).TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var snapshot = Messages;
            if (predicate(snapshot))
            {
                return snapshot;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"The fake Slack did not see the expected messages; it has {snapshot.Count}. Rejections: {string.Join("; ", Rejections)}");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private void MapRoutes()
    {
        MapSocketMode();
        _app.MapPost("/api/chat.postMessage", (Delegate)PostMessageAsync);
        _app.MapPost("/api/chat.update", (Delegate)UpdateAsync);
        _app.MapPost("/api/chat.delete", (Delegate)DeleteAsync);
        _app.MapMethods("/api/conversations.history", ["GET", "POST"], (Delegate)HistoryAsync);
        _app.MapMethods("/api/conversations.replies", ["GET", "POST"], (Delegate)RepliesAsync);
        _app.MapMethods("/api/users.info", ["GET", "POST"], (Delegate)UsersInfoAsync);
        _app.MapPost("/services/{**rest}", (Delegate)WebhookAsync);
        _app.MapPost("/commands/{**rest}", (Delegate)ResponseUrlAsync);
        _app.Map("/api/{method}", (string method) => Results.Json(new JsonObject { ["ok"] = false, ["error"] = "unknown_method", ["method"] = method }));
    }

    private static IResult Ok(JsonObject body)
    {
        body["ok"] = true;
        return Results.Content(body.ToJsonString(), "application/json; charset=utf-8");
    }

    private static IResult NotOk(string error, HttpStatusCode status = HttpStatusCode.OK)
        => Results.Content(new JsonObject { ["ok"] = false, ["error"] = error }.ToJsonString(), "application/json; charset=utf-8", statusCode: (int)status);

    private static IResult RateLimited(int seconds)
        => new RateLimitedResult(seconds);

    private string NextTs()
    {
        // Slack's ts is the posting time (seconds.microseconds); the counter keeps two in the same second apart.
        var n = Interlocked.Increment(ref _tsCounter);
        return string.Create(CultureInfo.InvariantCulture, $"{Options.Time.GetUtcNow().ToUnixTimeSeconds()}.{n % 1_000_000:D6}");
    }

    private sealed class RateLimitedResult(int seconds) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            await httpContext.Response.WriteAsync("{\"ok\":false,\"error\":\"ratelimited\"}").ConfigureAwait(false);
        }
    }
}
