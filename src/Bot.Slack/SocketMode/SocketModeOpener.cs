using System.Net.Http.Headers;
using System.Text.Json;
using Bot.Slack.Api;
using Microsoft.Extensions.Options;

namespace Bot.Slack.SocketMode;

/// <summary><c>apps.connections.open</c> with the app-level token: a single-use WebSocket URL for one connection.</summary>
internal sealed class SocketModeOpener
{
    private static readonly HashSet<string> Fatal = new(StringComparer.Ordinal)
    {
        "invalid_auth", "not_authed", "not_allowed_token_type", "account_inactive", "token_revoked", "token_expired", "missing_scope",
    };

    private readonly IHttpClientFactory _http;
    private readonly IOptionsMonitor<SlackOptions> _options;

    public SocketModeOpener(IHttpClientFactory http, IOptionsMonitor<SlackOptions> options)
    {
        _http = http;
        _options = options;
    }

    /// <summary>The URL to connect to; a refusal that retrying cannot fix throws <see cref="SocketModeFatalException"/>.</summary>
    public async Task<Uri> OpenAsync(CancellationToken ct)
    {
        var options = _options.CurrentValue;
        using var request = new HttpRequestMessage(HttpMethod.Post, options.ApiBaseUrl.TrimEnd('/') + "/apps.connections.open")
        {
            Content = new FormUrlEncodedContent([]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.AppToken.Trim());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.RequestTimeout);
        using var response = await _http.CreateClient(SlackApiClient.HttpClientName).SendAsync(request, timeout.Token).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false), cancellationToken: timeout.Token).ConfigureAwait(false);
        var root = json.RootElement;
        if (root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True && root.TryGetProperty("url", out var url) && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri))
        {
            return uri;
        }

        var error = root.TryGetProperty("error", out var e) ? e.GetString() ?? "unknown" : "no url";
        if (Fatal.Contains(error))
        {
            throw new SocketModeFatalException($"apps.connections.open refused Bot:Slack:AppToken ({error}): create an app-level token with the connections:write scope (Basic Information > App-Level Tokens) and enable Socket Mode for the app");
        }

        throw new HttpRequestException("apps.connections.open failed: " + error);
    }
}
