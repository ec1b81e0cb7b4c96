using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Slack.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Slack.Api;

/// <summary>
/// The Slack Web API client: bearer token, UTF-8 JSON bodies, <c>ok</c> checked on every answer, 429s honoured through
/// Retry-After, 5xx and timeouts retried with jittered backoff, and chat.postMessage paced per channel.
/// </summary>
public sealed partial class SlackApiClient
{
    /// <summary>The name of the <see cref="HttpClient"/> registered for Slack.</summary>
    public const string HttpClientName = "Bot.Slack";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptionsMonitor<SlackOptions> _options;
    private readonly ChannelPacer _pacer;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackApiClient> _logger;

    /// <summary>Creates the client.</summary>
    public SlackApiClient(IHttpClientFactory httpClientFactory, IOptionsMonitor<SlackOptions> options, ChannelPacer pacer, TimeProvider time, ILogger<SlackApiClient> logger)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _pacer = pacer;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// chat.postMessage, paced per channel. <paramref name="findExisting"/> is asked before retrying a call whose outcome is
    /// unknown (timeout, 5xx), so that a message Slack did accept is not sent twice.
    /// </summary>
    public Task<SlackApiResponse> PostMessageAsync(JsonObject message, Func<CancellationToken, Task<SlackApiResponse?>>? findExisting = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var channel = message["channel"]?.GetValue<string>();
        if (string.IsNullOrEmpty(channel))
        {
            throw new ArgumentException("The message has no channel.", nameof(message));
        }

        var json = message.ToJsonString();
        return CallAsync(
            new Call("chat.postMessage", channel, () => JsonRequest(HttpMethod.Post, ApiUri("chat.postMessage"), json, withToken: true), ResponseKind.Api, findExisting),
            ct);
    }

    /// <summary>
    /// conversations.history with metadata: the channel's newest messages since <paramref name="oldest"/> (when given),
    /// newest first. At most <see cref="MaxHistoryLimit"/> messages, one call per <see cref="SlackOptions.HistoryInterval"/>.
    /// </summary>
    public async Task<IReadOnlyList<SlackHistoryMessage>> ConversationsHistoryAsync(string channel, int limit = MaxHistoryLimit, DateTimeOffset? oldest = null, CancellationToken ct = default)
    {
        var uri = ApiUri($"conversations.history?channel={Uri.EscapeDataString(channel)}&limit={Math.Clamp(limit, 1, MaxHistoryLimit)}{Oldest(oldest)}&include_all_metadata=true");
        var response = await CallAsync(new Call("conversations.history", HistoryLane("conversations.history"), () => GetRequest(uri), ResponseKind.Api, null), ct).ConfigureAwait(false);
        return response.Messages ?? [];
    }

    /// <summary>conversations.replies with metadata: the thread under <paramref name="threadTs"/> (parent first); paced like history.</summary>
    public async Task<IReadOnlyList<SlackHistoryMessage>> ConversationsRepliesAsync(string channel, string threadTs, int limit = MaxHistoryLimit, DateTimeOffset? oldest = null, CancellationToken ct = default)
    {
        var uri = ApiUri($"conversations.replies?channel={Uri.EscapeDataString(channel)}&ts={Uri.EscapeDataString(threadTs)}&limit={Math.Clamp(limit, 1, MaxHistoryLimit)}{Oldest(oldest)}&include_all_metadata=true");
        var response = await CallAsync(new Call("conversations.replies", HistoryLane("conversations.replies"), () => GetRequest(uri), ResponseKind.Api, null), ct).ConfigureAwait(false);
        return response.Messages ?? [];
    }

    /// <summary>chat.update: replaces a message the bot posted (<c>channel</c>, <c>ts</c>, and the new text/blocks/metadata).</summary>
    public Task<SlackApiResponse> UpdateMessageAsync(JsonObject message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var channel = message["channel"]?.GetValue<string>() ?? throw new ArgumentException("The message has no channel.", nameof(message));
        var json = message.ToJsonString();
        return CallAsync(new Call("chat.update", channel, () => JsonRequest(HttpMethod.Post, ApiUri("chat.update"), json, withToken: true), ResponseKind.Api, null), ct);
    }

    /// <summary>chat.delete: removes a message the bot posted.</summary>
    public Task<SlackApiResponse> DeleteMessageAsync(string channel, string ts, CancellationToken ct = default)
    {
        var json = new JsonObject { ["channel"] = channel, ["ts"] = ts }.ToJsonString();
        return CallAsync(new Call("chat.delete", channel, () => JsonRequest(HttpMethod.Post, ApiUri("chat.delete"), json, withToken: true), ResponseKind.Api, null), ct);
    }

    /// <summary>users.info: the user, to tell workspace admins and owners.</summary>
    public async Task<SlackUser?> UsersInfoAsync(string userId, CancellationToken ct = default)
    {
        var uri = ApiUri($"users.info?user={Uri.EscapeDataString(userId)}");
        var response = await CallAsync(new Call("users.info", null, () => GetRequest(uri), ResponseKind.Api, null), ct).ConfigureAwait(false);
        return response.User;
    }

    /// <summary>
    /// Posts a message at exactly <paramref name="url"/>: an incoming webhook (paced like a channel) or a <c>response_url</c>.
    /// No token is sent; the URL is the credential.
    /// </summary>
    public Task PostToUrlAsync(Uri url, JsonObject message, bool pace, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(message);
        var json = message.ToJsonString();
        return CallAsync(
            new Call(pace ? "webhook" : "response_url", pace ? url.AbsoluteUri : null, () => JsonRequest(HttpMethod.Post, url, json, withToken: false), ResponseKind.Url, null),
            ct);
    }

    /// <summary>The most messages one history call may ask for (Slack's limit for apps outside its directory).</summary>
    public const int MaxHistoryLimit = 15;

    // A pacer lane per history method (not per channel): Slack counts these calls per method and workspace.
    private static string HistoryLane(string method) => "method:" + method;

    // Slack's ts is seconds.microseconds since the epoch.
    private static string Oldest(DateTimeOffset? oldest)
        => oldest is { } at ? "&oldest=" + (at.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture) : string.Empty;

    private async Task<SlackApiResponse> CallAsync(Call call, CancellationToken ct)
    {
        var options = _options.CurrentValue;
        var client = _httpClientFactory.CreateClient(HttpClientName);
        var failures = 0;
        var rateLimits = 0;
        while (true)
        {
            if (call.PaceKey is not null)
            {
                var interval = call.PaceKey.StartsWith("method:", StringComparison.Ordinal) ? options.HistoryInterval : options.PostInterval;
                await _pacer.WaitTurnAsync(call.PaceKey, interval, ct).ConfigureAwait(false);
            }

            Outcome outcome;
            using (var request = call.CreateRequest())
            {
                outcome = await SendOnceAsync(client, request, call, options.RequestTimeout, ct).ConfigureAwait(false);
            }

            if (outcome.Response is { } done)
            {
                return done;
            }

            if (outcome.RetryAfter is { } retryAfter)
            {
                if (++rateLimits >= options.MaxAttempts * 2)
                {
                    throw new SlackApiException(call.Method, "ratelimited", HttpStatusCode.TooManyRequests);
                }

                LogRateLimited(call.Method, retryAfter.TotalSeconds);
                Bot.Core.Diagnostics.BotMetrics.RateLimitHit("slack");
                if (call.PaceKey is not null)
                {
                    _pacer.Defer(call.PaceKey, retryAfter);
                }
                else
                {
                    await Task.Delay(retryAfter, _time, ct).ConfigureAwait(false);
                    Bot.Core.Diagnostics.BotMetrics.RateLimitWaited("slack", retryAfter);
                }

                continue;
            }

            var failure = outcome.Failure!;
            if (++failures >= options.MaxAttempts || (call.Method == "webhook" && failure.Error is "timeout" || call.Method == "webhook" && failure.Error.StartsWith("http_5", StringComparison.Ordinal)))
            {
                // An incoming webhook answers without a ts and its channel cannot be read: after a lost answer, sending
                // again may post twice, so the caller records the attempt as uncertain instead.
                throw failure;
            }

            var delay = Backoff(options.RetryBaseDelay, failures);
            LogRetrying(call.Method, failure.Error, failures, delay.TotalMilliseconds);
            await Task.Delay(delay, _time, ct).ConfigureAwait(false);
            if (call.FindExisting is not null)
            {
                // The failed attempt may have been accepted; look before sending again.
                var existing = await TryFindExistingAsync(call, ct).ConfigureAwait(false);
                if (existing is not null)
                {
                    return existing;
                }
            }
        }
    }

    private async Task<Outcome> SendOnceAsync(HttpClient client, HttpRequestMessage request, Call call, TimeSpan timeout, CancellationToken ct)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutSource.Token);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return new Outcome(null, RetryAfterOf(response), null);
            }

            if ((int)response.StatusCode >= 500)
            {
                return new Outcome(null, null, new SlackApiException(call.Method, $"http_{(int)response.StatusCode}", response.StatusCode));
            }

            var parsed = SlackResponses.Parse(call.Kind == ResponseKind.Url, response.StatusCode, body);
            if (parsed.Ok)
            {
                return new Outcome(parsed, null, null);
            }

            var error = new SlackApiException(call.Method, parsed.Error ?? "unknown_error", response.StatusCode);
            return error.IsTransient ? new Outcome(null, null, error) : throw error;
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            return new Outcome(null, null, new SlackApiException(call.Method, "timeout", HttpStatusCode.RequestTimeout, ex));
        }
        catch (HttpRequestException ex)
        {
            return new Outcome(null, null, new SlackApiException(call.Method, "connection_failed", HttpStatusCode.ServiceUnavailable, ex));
        }
    }

    private async Task<SlackApiResponse?> TryFindExistingAsync(Call call, CancellationToken ct)
    {
        try
        {
            return await call.FindExisting!(ct).ConfigureAwait(false);
        }
        catch (SlackApiException ex)
        {
            LogLookupFailed(call.Method, ex.Error);
            return null;
        }
    }

    private TimeSpan RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return TimeSpan.FromSeconds(1);
    }

    private static TimeSpan Backoff(TimeSpan baseDelay, int failures)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 6));
        var jittered = exponential * (0.5 + (Random.Shared.NextDouble() / 2));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, 30_000));
    }

    private Uri ApiUri(string methodAndQuery) => new($"{_options.CurrentValue.ApiBaseUrl.TrimEnd('/')}/{methodAndQuery}");

    private HttpRequestMessage GetRequest(Uri uri)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.CurrentValue.BotToken);
        return request;
    }

    private HttpRequestMessage JsonRequest(HttpMethod method, Uri uri, string json, bool withToken)
    {
        var request = new HttpRequestMessage(method, uri)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (withToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.CurrentValue.BotToken);
        }

        return request;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} rate limited; retrying after {Seconds} s")]
    private partial void LogRateLimited(string method, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} failed with {Error} (attempt {Attempt}); retrying in {DelayMs} ms")]
    private partial void LogRetrying(string method, string error, int attempt, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method}: could not check for an already accepted message ({Error}); sending again")]
    private partial void LogLookupFailed(string method, string error);

    private enum ResponseKind
    {
        Api,
        Url,
    }

    private sealed record Call(string Method, string? PaceKey, Func<HttpRequestMessage> CreateRequest, ResponseKind Kind, Func<CancellationToken, Task<SlackApiResponse?>>? FindExisting);

    private sealed record Outcome(SlackApiResponse? Response, TimeSpan? RetryAfter, SlackApiException? Failure);
}
