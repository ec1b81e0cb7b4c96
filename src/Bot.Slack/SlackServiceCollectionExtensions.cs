using Bot.Core.Posting;
using Bot.Core.Templates;
using Bot.Slack.Api;
using Bot.Slack.Http;
using Bot.Slack.Posting;
using Bot.Slack.Rendering;
using Bot.Slack.SocketMode;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Slack;

/// <summary>Registers the Slack adapter.</summary>
public static class SlackServiceCollectionExtensions
{
    /// <summary>Binds <c>Bot:Slack</c> and adds the Web API client, the section poster and the endpoint handlers.</summary>
    public static IServiceCollection AddBotSlack(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SlackOptions>()
            .Bind(configuration.GetSection(SlackOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Bot.Core.Posting.ITargetCheck, SlackTargetCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Bot.Core.Posting.ITargetScheme, SlackTargetScheme>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackModeValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SlackApiClient.HttpClientName, client =>
        {
            // Each attempt has its own timeout (Bot:Slack:RequestTimeout); this only bounds a stuck connection.
            client.Timeout = TimeSpan.FromMinutes(2);
            client.DefaultRequestHeaders.UserAgent.ParseAdd("Bot/1.0 (+self-hosted newsletter bot)");
        })
            // The factory's default request logging prints full URIs: webhook and response_url paths are secrets.
            .RemoveAllLoggers()
            .WatchBotToken();
        services.TryAddSingleton(sp => new RejectionLogGate(sp.GetRequiredService<TimeProvider>(), TimeSpan.FromMinutes(1)));
        services.TryAddSingleton<ChannelPacer>();
        services.TryAddSingleton<SlackApiClient>();
        // Appended, not TryAdd: every adapter's dialect is the same type, and the store skips a name it already has.
        services.AddSingleton(SlackMarkup.Dialect);
        services.TryAddSingleton(sp => sp.GetService<TemplateStore>() is { } templates ? new SlackRenderer(templates) : SlackRenderer.CreateDefault());
        services.TryAddSingleton<SlackPayloads>();
        services.TryAddSingleton(sp => new SlackSectionPoster(
            sp.GetRequiredService<SlackApiClient>(),
            sp.GetRequiredService<SlackPayloads>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SlackSectionPoster>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<SlackReplySender>();
        services.TryAddSingleton<SlackAdminCheck>();
        services.TryAddSingleton<SlashCommandHandler>();
        services.TryAddSingleton<SlackInteractionHandler>();
        services.AddSingleton<ISectionPoster>(sp => sp.GetRequiredService<SlackSectionPoster>());
        return services;
    }
}
