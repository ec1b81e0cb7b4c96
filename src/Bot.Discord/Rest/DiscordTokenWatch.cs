using Bot.Core.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Rest;

/// <summary>The bot token's last-known state (a 401 on a <c>Bot</c>-authorized call refuses it), and its health check.</summary>
internal static class DiscordTokenWatch
{
    private const string Key = "discord";

    public static IHttpClientBuilder WatchBotToken(this IHttpClientBuilder client)
    {
        client.Services.AddKeyedSingleton(Key, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<DiscordOptions>>();
            return new PlatformTokenStatus("Discord", "Bot:Discord:BotToken", () => !string.IsNullOrWhiteSpace(options.CurrentValue.BotToken));
        });
        client.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "discord-token", sp => new PlatformTokenHealthCheck(sp.GetRequiredKeyedService<PlatformTokenStatus>(Key)), failureStatus: null, tags: null));
        return client.AddHttpMessageHandler(sp => new TokenWatchHandler(
            sp.GetRequiredKeyedService<PlatformTokenStatus>(Key),
            request => request.Headers.Authorization?.Scheme == "Bot",
            Judge,
            sp.GetRequiredService<TimeProvider>()));
    }

    // Discord answers 401 Unauthorized to a missing or invalid token; 403 and 404 are about the resource, not the token.
    private static Task<TokenVerdict> Judge(HttpResponseMessage response, CancellationToken ct)
        => Task.FromResult(
            response.StatusCode == System.Net.HttpStatusCode.Unauthorized ? TokenVerdict.No("401 Unauthorized")
            : response.IsSuccessStatusCode ? TokenVerdict.Ok
            : TokenVerdict.Unknown);
}
