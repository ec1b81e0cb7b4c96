using Bot.Core;
using Bot.Discord;
using Bot.Library;
using Bot.Slack;
using Bot.Scheduling;
using Microsoft.Extensions.Configuration;

namespace Bot.Hosting;

/// <summary>Program's table of contents: each layer registers itself.</summary>
public static class BotServiceCollectionExtensions
{
    /// <summary>Registers every layer shared by <c>serve</c> and the CLI verbs.</summary>
    public static IServiceCollection AddBotServices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddBotSecretsAtRest(configuration);
        services.AddBotLibrary(configuration);
        services.AddBotCore(configuration);
        services.AddBotDiscord(configuration);
        services.AddBotSlack(configuration);
        // Each layer adds itself here: AddBotLibrary, AddBotCore, AddBotDiscord, AddBotSlack, AddBotScheduling.
        services.AddBotScheduling(configuration);
        return services;
    }
}
