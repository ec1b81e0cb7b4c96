using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Discord.Gateway;

/// <summary>Registers the Discord Gateway transport (serve only: CLI verbs never open a gateway).</summary>
public static class DiscordGatewayServiceCollectionExtensions
{
    /// <summary>Adds the gateway service (idle unless the mode is Gateway) and its health check <c>discord-gateway</c>.</summary>
    public static IServiceCollection AddBotDiscordGateway(this IServiceCollection services)
    {
        services.TryAddSingleton<DiscordGatewayStatus>();
        services.TryAddSingleton<DiscordGatewayRest>();
        services.TryAddSingleton<GatewayInteractionDispatcher>();
        services.AddHostedService<DiscordGatewayService>();
        services.AddHealthChecks().AddCheck<DiscordGatewayHealthCheck>("discord-gateway");
        return services;
    }
}
