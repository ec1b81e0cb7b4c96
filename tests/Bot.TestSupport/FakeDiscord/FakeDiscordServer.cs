using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bot.TestSupport.FakeDiscord;

/// <summary>
/// A fake Discord REST API on 127.0.0.1 (Kestrel, a free port). It checks bodies against Discord's documented limits,
/// enforces global and per-route rate limits with Discord's headers, deduplicates by <c>nonce</c> with
/// <c>enforce_nonce</c>, can inject 5xx, 429 and timeouts, and records every accepted message.
/// </summary>
public sealed partial class FakeDiscordServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FakeRateLimits _limits;
    private readonly Lock _lock = new();
    private readonly List<FakeDiscordMessage> _messages = [];
    private readonly List<FakeDiscordRequest> _requests = [];
    private readonly List<string> _rejections = [];
    private readonly List<JsonArray> _commandRegistrations = [];
    private readonly Queue<FakeFault> _faults = new();
    private readonly Dictionary<string, (string Token, string ChannelId)> _webhooks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _threads = new(StringComparer.Ordinal);
    private readonly HashSet<string> _forums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _deniedChannels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (FakeDiscordMessage Message, DateTimeOffset At)> _nonces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _messageChannels = new(StringComparer.Ordinal);
    private Random _random = new(1);
    private long _nextId = 1_200_000_000_000_000_000;

    private FakeDiscordServer(WebApplication app, FakeDiscordOptions options, TimeProvider time)
    {
        _app = app;
        Options = options;
        Time = time;
        _limits = new FakeRateLimits(options, time);
    }

    /// <summary>The options the fake runs with.</summary>
    public FakeDiscordOptions Options { get; }

    /// <summary>The fake's clock.</summary>
    public TimeProvider Time { get; }

    /// <summary><c>http://127.0.0.1:port</c>.</summary>
    public string Root { get; private set; } = string.Empty;

    /// <summary>The value for <c>Bot:Discord:ApiBaseUrl</c>.</summary>
    public string ApiBaseUrl => Root + "/api/v10";

    /// <summary>Probability (0..1) that a message-sending request fails (a mix of 500, 429 and lost responses).</summary>
    public double FailureRate { get; set; }

    /// <summary>Accepted messages, in order.</summary>
    public IReadOnlyList<FakeDiscordMessage> Messages { get { lock (_lock) { return [.. _messages]; } } }

    /// <summary>Every answered request, in order.</summary>
    public IReadOnlyList<FakeDiscordRequest> Requests { get { lock (_lock) { return [.. _requests]; } } }

    /// <summary>Why bodies were refused (400), for test messages.</summary>
    public IReadOnlyList<string> Rejections { get { lock (_lock) { return [.. _rejections]; } } }

    /// <summary>Bodies of accepted command bulk-overwrites.</summary>
    public IReadOnlyList<JsonArray> CommandRegistrations { get { lock (_lock) { return [.. _commandRegistrations]; } } }

    /// <summary>Starts the fake on 127.0.0.1 with a free port.</summary>
    public static async Task<FakeDiscordServer> StartAsync(FakeDiscordOptions? options = null, TimeProvider? time = null)
    {
        var app = Loopback.CreateBuilder().Build();
        var fake = new FakeDiscordServer(app, options ?? new FakeDiscordOptions(), time ?? TimeProvider.System);
        app.Run(fake.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        fake.Root = Loopback.AddressOf(app);
        return fake;
    }

    /// <summary>
    /// Creates a webhook in <paramref name="channelId"/> (a forum when <paramref name="forum"/>) and returns its URL as
    /// Discord's "Copy Webhook URL" gives it (discord.com, no API version); the client reaches the fake through ApiBaseUrl.
    /// </summary>
    public string CreateWebhook(string channelId, bool forum = false)
    {
        lock (_lock)
        {
            var id = NextId();
            var token = "tok-" + Guid.NewGuid().ToString("N");
            _webhooks[id] = (token, channelId);
            if (forum)
            {
                _forums.Add(channelId);
            }

            return $"https://discord.com/api/webhooks/{id}/{token}";
        }
    }

    /// <summary>Makes <paramref name="channelId"/> a forum channel.</summary>
    public void AddForumChannel(string channelId)
    {
        lock (_lock)
        {
            _forums.Add(channelId);
        }
    }

    /// <summary>Answers every request for <paramref name="channelId"/> with 403 Missing Permissions (or <paramref name="status"/>).</summary>
    public void DenyChannel(string channelId, int status = 403)
    {
        lock (_lock)
        {
            _deniedChannels[channelId] = status;
        }
    }

    /// <summary>Injects failures into the next message-sending requests, in order.</summary>
    public void InjectFaults(params FakeFault[] faults)
    {
        lock (_lock)
        {
            foreach (var fault in faults)
            {
                _faults.Enqueue(fault);
            }
        }
    }

    /// <summary>Seeds the random failures of <see cref="FailureRate"/>.</summary>
    public void SeedFailures(int seed)
    {
        lock (_lock)
        {
            _random = new Random(seed);
        }
    }

    /// <summary>
    /// How long a wait for what a test expects lasts when the test names no timeout: generous, because a wait ends as soon as
    /// its condition holds, and a loaded 2-core CI machine can take many seconds to start a host.
    /// </summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    /// <summary>Waits until <paramref name="condition"/> holds (polling), or fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(Func<FakeDiscordServer, bool> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The fake Discord did not see what the test waited for.");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task WriteJsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json).ConfigureAwait(false);
    }

    private static string Error(int code, string message, JsonObject? errors = null)
    {
        var body = new JsonObject { ["code"] = code, ["message"] = message };
        if (errors is not null)
        {
            body["errors"] = errors;
        }

        return body.ToJsonString();
    }

    private void Record(HttpContext context, string template, string? bucket, int status, bool injected = false)
    {
        lock (_lock)
        {
            _requests.Add(new FakeDiscordRequest(context.Request.Method, template, bucket, status, injected, Time.GetUtcNow(), context.Request.Headers.UserAgent.ToString(), context.Request.Headers.ContainsKey("Authorization"), context.Request.Path.Value));
        }
    }
}
