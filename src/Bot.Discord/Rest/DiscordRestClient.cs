using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Bot.Discord.RateLimits;
using Bot.Discord.Wire;
using Bot.Discord.Wire.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Rest;

/// <summary>
/// The typed Discord REST client: every call goes through the rate limiter, 5xx answers and timeouts are retried with
/// jittered backoff, 429s wait for their <c>retry_after</c>, and anything else becomes a <see cref="DiscordRestException"/>.
/// </summary>
public sealed partial class DiscordRestClient
{
    /// <summary>The <see cref="IHttpClientFactory"/> name of the client.</summary>
    public const string HttpClientName = "Bot.Discord";

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly IHttpClientFactory _httpClients;
    private readonly IDiscordRateLimiter _rateLimiter;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly DiscordOptions _options;
    private readonly Uri _baseUri;

    /// <summary>Creates the client.</summary>
    public DiscordRestClient(IHttpClientFactory httpClients, IDiscordRateLimiter rateLimiter, IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordRestClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClients = httpClients;
        _rateLimiter = rateLimiter;
        _time = time;
        _logger = logger;
        _options = options.Value;
        _baseUri = new Uri(_options.ApiBaseUrl.TrimEnd('/') + "/", UriKind.Absolute);
    }

    /// <summary>The <c>User-Agent</c> Discord asks for: <c>DiscordBot (url, version)</c>.</summary>
    public static string UserAgent(string projectUrl)
    {
        var version = typeof(DiscordRestClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "1.0.0";
        return $"DiscordBot ({projectUrl}, {version})";
    }

    /// <summary>Sends a request with a JSON body and reads a JSON answer.</summary>
    public async Task<TResponse> SendAsync<TRequest, TResponse>(DiscordRoute route, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken ct = default)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, requestType);
        var answer = await SendRawAsync(route, bytes, ct).ConfigureAwait(false);
        return Deserialize(route, answer, responseType);
    }

    /// <summary>Sends a request without a body and reads a JSON answer.</summary>
    public async Task<TResponse> SendAsync<TResponse>(DiscordRoute route, JsonTypeInfo<TResponse> responseType, CancellationToken ct = default)
    {
        var answer = await SendRawAsync(route, null, ct).ConfigureAwait(false);
        return Deserialize(route, answer, responseType);
    }

    /// <summary>Sends <paramref name="body"/> (UTF-8 JSON, or null) and returns the answer's bytes. Retries what can be retried.</summary>
    public async Task<byte[]> SendRawAsync(DiscordRoute route, byte[]? body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (route.UsesBotToken && string.IsNullOrWhiteSpace(_options.BotToken))
        {
            throw new DiscordRestException(
                $"No bot token for {route}; set Bot:Discord:BotToken (environment Bot__Discord__BotToken).",
                statusCode: null,
                discordCode: null,
                discordMessage: null,
                transient: false);
        }

        var client = _httpClients.CreateClient(HttpClientName);
        var failures = 0;
        while (true)
        {
            using var lease = await _rateLimiter.AcquireAsync(route, ct).ConfigureAwait(false);
            using var request = CreateRequest(route, body);
            using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            HttpResponseMessage response;
            byte[] answer;
            try
            {
                response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                answer = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && ex is HttpRequestException or OperationCanceledException or IOException)
            {
                lease.Complete(null);
                var reason = ex is OperationCanceledException ? "timed out" : "failed to connect";
                if (!route.ResendIsSafe && !NeverSent(ex))
                {
                    // Webhooks and forum posts take no nonce: a second send after a lost answer may post twice.
                    LogUncertain(route.ToString(), reason);
                    throw new DiscordRestException($"Discord did not answer {route} ({reason}); it may have been carried out, so it is not sent again blindly.", null, null, null, transient: true, ex) { Uncertain = true };
                }

                if (++failures > _options.MaxRetries)
                {
                    throw new DiscordRestException($"Discord did not answer {route}: the request {reason} {failures} times.", null, null, null, transient: true, ex);
                }

                await BackoffAsync(route, failures, reason, ct).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                lease.Complete(RateLimitObservation.From(response, answer));
                var status = response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    return answer;
                }

                if (!route.ResendIsSafe && status is HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout)
                {
                    // Discord's edge lost the answer; the request may have been carried out behind it.
                    LogUncertain(route.ToString(), $"answered {(int)status}");
                    var lost = Failure(route, status, answer, transient: true);
                    throw new DiscordRestException(lost.Message, status, lost.DiscordCode, lost.DiscordMessage, transient: true) { Uncertain = true };
                }

                if (status == HttpStatusCode.TooManyRequests || (int)status >= 500)
                {
                    if (++failures > _options.MaxRetries)
                    {
                        throw Failure(route, status, answer, transient: true);
                    }

                    if ((int)status >= 500)
                    {
                        await BackoffAsync(route, failures, $"answered {(int)status}", ct).ConfigureAwait(false);
                    }

                    // A 429 waits in the limiter: the bucket (or the global gate) is closed until its retry_after.
                    continue;
                }

                throw Failure(route, status, answer, transient: false);
            }
        }
    }

    /// <summary>True when the request certainly never left: the connection could not be made at all.</summary>
    private static bool NeverSent(Exception ex)
        => ex is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError };

    private HttpRequestMessage CreateRequest(DiscordRoute route, byte[]? body)
    {
        var uri = new Uri(_baseUri, route.Path);
        var request = new HttpRequestMessage(route.Method, uri);
        if (route.UsesBotToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.BotToken);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonMediaType;
        }

        return request;
    }

    private async Task BackoffAsync(DiscordRoute route, int failures, string reason, CancellationToken ct)
    {
        // Exponential with full jitter: 0..(250 ms · 2^n), capped at 10 s, so retries from many posts spread out.
        var ceiling = Math.Min(10_000, 250 * Math.Pow(2, failures - 1));
        var delay = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
        LogRetry(route.ToString(), reason, failures, (int)delay.TotalMilliseconds);
        await Task.Delay(delay, _time, ct).ConfigureAwait(false);
    }

    private static DiscordRestException Failure(DiscordRoute route, HttpStatusCode status, byte[] answer, bool transient)
    {
        DiscordError? error = null;
        try
        {
            error = answer.Length > 0 ? JsonSerializer.Deserialize(answer, DiscordJsonContext.Default.DiscordError) : null;
        }
        catch (JsonException)
        {
            // Not Discord's JSON (a proxy page, say): the status alone explains it.
        }

        var detail = error is null ? string.Empty : $": {error.Code} {error.Message}";
        return new DiscordRestException($"Discord answered {(int)status} {status} to {route}{detail}", status, error?.Code, error?.Message, transient);
    }

    private static T Deserialize<T>(DiscordRoute route, byte[] answer, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(answer, type)
                ?? throw new DiscordRestException($"Discord answered {route} with an empty body.", null, null, null, transient: false);
        }
        catch (JsonException ex)
        {
            throw new DiscordRestException($"Discord's answer to {route} was not the expected JSON.", null, null, null, transient: false, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord: {Route} {Reason}; it cannot be deduplicated, so it is not resent (the caller looks for it first)")]
    private partial void LogUncertain(string route, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord: {Route} {Reason}; retry {Attempt} in {DelayMs} ms")]
    private partial void LogRetry(string route, string reason, int attempt, int delayMs);
}
