using Bot.Core.Commands;
using Bot.Core.Posting;
using Bot.Discord.Commands;
using Bot.Discord.Gateway;
using Bot.Discord.Interactions;
using Bot.Discord.Posting;
using Bot.Discord.RateLimits;
using Bot.Discord.Rendering;
using Bot.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Discord;

/// <summary>Registers the Discord adapter.</summary>
public static class DiscordServiceCollectionExtensions
{
    /// <summary>Binds <c>Bot:Discord</c> and adds the REST client, its rate limiter, the poster and the interaction handler.</summary>
    public static IServiceCollection AddBotDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DiscordOptions>()
            .Bind(configuration.GetSection(DiscordOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", "Bot:Discord:ApiBaseUrl must be an absolute http(s) URL such as https://discord.com/api/v10")
            .Validate(o => string.IsNullOrEmpty(o.PublicKey) || (o.PublicKey.Trim().Length == 64 && o.PublicKey.Trim().All(char.IsAsciiHexDigit)), "Bot:Discord:PublicKey must be the application's public key: 64 hex characters from the Discord developer portal (General Information)")
            .Validate(o => string.IsNullOrEmpty(o.ApplicationId) || (o.ApplicationId.Length <= 20 && o.ApplicationId.All(char.IsAsciiDigit)), "Bot:Discord:ApplicationId must be the numeric Application ID from the Discord developer portal (General Information)")
            .Validate(o => o.InlineReplyTimeout < TimeSpan.FromSeconds(3), "Bot:Discord:InlineReplyTimeout must be under 3 seconds (Discord's limit for the first answer), for example 00:00:02")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordModeValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(DiscordRestClient.HttpClientName, (provider, client) =>
        {
            var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
            client.Timeout = Timeout.InfiniteTimeSpan; // the client applies RequestTimeout itself, per attempt
            client.DefaultRequestHeaders.UserAgent.ParseAdd(DiscordRestClient.UserAgent(options.ProjectUrl));
        })
            // The factory's loggers print request URIs, and a webhook's or an interaction's token is in the path.
            // The client logs retries and failures itself, by route template only.
            .RemoveAllLoggers()
            .WatchBotToken();
        services.TryAddSingleton<IDiscordRateLimiter, DiscordRateLimiter>();
        services.TryAddSingleton<DiscordRestClient>();
        // Appended, not TryAdd: every adapter's dialect is the same type, and the store skips a name it already has.
        services.AddSingleton(DiscordMarkup.Dialect);
        services.TryAddSingleton<DiscordRenderer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISectionPoster, DiscordSectionPoster>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITargetCheck, DiscordTargetCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITargetScheme, DiscordTargetScheme>());
        services.TryAddSingleton<InteractionSignatureVerifier>();
        services.TryAddSingleton<DiscordInteractionHandler>();
        services.TryAddSingleton<SectionKeyCatalog>();
        services.TryAddSingleton<DiscordCommandRegistrar>();
        return services;
    }
}
