using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Bot.Discord.Rest;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Gateway;

/// <summary>The two REST calls the gateway needs: <c>GET /gateway/bot</c> and the interaction callback.</summary>
internal sealed class DiscordGatewayRest
{
    private readonly IHttpClientFactory _http;
    private readonly IOptions<DiscordOptions> _options;

    public DiscordGatewayRest(IHttpClientFactory http, IOptions<DiscordOptions> options)
    {
        _http = http;
        _options = options;
    }

    /// <summary>The gateway URL, recommended shards and session start limit; 401 becomes a <see cref="DiscordGatewayFatalException"/>.</summary>
    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken ct)
    {
        var options = _options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Get, options.ApiBaseUrl.TrimEnd('/') + "/gateway/bot");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.BotToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.RequestTimeout);
        using var response = await _http.CreateClient(DiscordRestClient.HttpClientName).SendAsync(request, timeout.Token).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new DiscordGatewayFatalException("GET /gateway/bot answered 401: Bot:Discord:BotToken is wrong or was reset; copy a new token from the developer portal (Bot > Reset Token)");
        }

        response.EnsureSuccessStatusCode();
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false), cancellationToken: timeout.Token).ConfigureAwait(false);
        var root = json.RootElement;
        var limit = root.GetProperty("session_start_limit");
        return new GatewayBotInfo(
            root.GetProperty("url").GetString() ?? throw new JsonException("gateway/bot without url"),
            root.TryGetProperty("shards", out var shards) ? shards.GetInt32() : 1,
            new SessionStartLimit(
                limit.GetProperty("total").GetInt32(),
                limit.GetProperty("remaining").GetInt32(),
                TimeSpan.FromMilliseconds(limit.GetProperty("reset_after").GetDouble()),
                limit.TryGetProperty("max_concurrency", out var concurrency) ? concurrency.GetInt32() : 1));
    }

    /// <summary><c>POST /interactions/{id}/{token}/callback</c> with the response body; the status code Discord answered.</summary>
    public async Task<HttpStatusCode> CallbackAsync(string id, string token, byte[] body, CancellationToken ct)
    {
        var options = _options.Value;
        var url = $"{options.ApiBaseUrl.TrimEnd('/')}/interactions/{Uri.EscapeDataString(id)}/{Uri.EscapeDataString(token)}/callback";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.CreateClient(DiscordRestClient.HttpClientName).SendAsync(request, ct).ConfigureAwait(false);
        return response.StatusCode;
    }
}
