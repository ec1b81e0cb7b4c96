using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Slack.SocketMode;

/// <summary>Registers the Slack Socket Mode transport (serve only: CLI verbs never open a socket).</summary>
public static class SlackSocketModeServiceCollectionExtensions
{
    /// <summary>Adds the Socket Mode service (idle unless the mode is Socket) and its health check <c>slack-socket-mode</c>.</summary>
    public static IServiceCollection AddBotSlackSocketMode(this IServiceCollection services)
    {
        services.TryAddSingleton<SlackSocketModeStatus>();
        services.TryAddSingleton<SocketModeOpener>();
        services.TryAddSingleton<SocketModeEnvelopeHandler>();
        services.AddHostedService<SlackSocketModeService>();
        services.AddHealthChecks().AddCheck<SlackSocketModeHealthCheck>("slack-socket-mode");
        return services;
    }
}
