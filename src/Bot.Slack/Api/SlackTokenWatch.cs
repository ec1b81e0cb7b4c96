using System.Text.Json;
using Bot.Core.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Bot.Slack.Api;

/// <summary>
/// The bot token's last-known state and its health check. Slack refuses a token with HTTP 200 and <c>ok: false</c>; the
/// errors below are the ones its Web API documents for a bad token on every method.
/// </summary>
internal static class SlackTokenWatch
{
    private const string Key = "slack";
    private static readonly HashSet<string> TokenErrors = new(StringComparer.Ordinal)
    {
        "not_authed", "invalid_auth", "account_inactive", "token_revoked", "token_expired",
    };

    public static IHttpClientBuilder WatchBotToken(this IHttpClientBuilder client)
    {
        client.Services.AddKeyedSingleton(Key, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<SlackOptions>>();
            return new PlatformTokenStatus("Slack", "Bot:Slack:BotToken", () => !string.IsNullOrWhiteSpace(options.CurrentValue.BotToken));
        });
        client.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "slack-token", sp => new PlatformTokenHealthCheck(sp.GetRequiredKeyedService<PlatformTokenStatus>(Key)), failureStatus: null, tags: null));
        return client.AddHttpMessageHandler(sp =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<SlackOptions>>();
            return new TokenWatchHandler(
                sp.GetRequiredKeyedService<PlatformTokenStatus>(Key),
                // Only the bot token: Socket Mode's app token has its own health check, and webhooks carry no token.
                request => request.Headers.Authorization is { Scheme: "Bearer", Parameter: { Length: > 0 } token } && token == options.CurrentValue.BotToken,
                JudgeAsync,
                sp.GetRequiredService<TimeProvider>());
        });
    }

    private static async Task<TokenVerdict> JudgeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode || response.Content is null)
        {
            return TokenVerdict.Unknown;
        }

        // Buffered, so the client still reads the whole body after this look.
        await response.Content.LoadIntoBufferAsync(ct).ConfigureAwait(false);
        try
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false));
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                return TokenVerdict.Unknown;
            }

            if (body.RootElement.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
            {
                return TokenVerdict.Ok;
            }

            return body.RootElement.TryGetProperty("error", out var error) && error.GetString() is { } code && TokenErrors.Contains(code)
                ? TokenVerdict.No(code)
                : TokenVerdict.Unknown;
        }
        catch (JsonException)
        {
            return TokenVerdict.Unknown; // Not Slack's JSON: the client reports it.
        }
    }
}
