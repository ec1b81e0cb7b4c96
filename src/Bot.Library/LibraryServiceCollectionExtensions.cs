using Bot.Library.Cluster;
using Bot.Library.Sources;
using Bot.Library.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Library;

/// <summary>Registers the library: options, the SQLite database, <see cref="DigestLibrary"/> and the folder watcher.</summary>
public static class LibraryServiceCollectionExtensions
{
    /// <summary>Binds <c>Bot:DataDirectory</c> and <c>Bot:Digests</c>; registers <see cref="BotDatabase"/>, <see cref="DigestLibrary"/> and <see cref="DigestWatcher"/>.</summary>
    public static IServiceCollection AddBotLibrary(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LibraryOptions>()
            .Bind(configuration.GetSection("Bot"))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "Bot:DataDirectory must name a folder (for example \"data\").")
            .Validate(o => o.Digests.RescanInterval > TimeSpan.Zero, "Bot:Digests:RescanInterval must be positive (for example \"00:05:00\").")
            .Validate(o => o.Digests.WatchDebounce >= TimeSpan.Zero, "Bot:Digests:WatchDebounce must not be negative (for example \"00:00:01\").")
            .Validate(o => string.IsNullOrWhiteSpace(o.Digests.PublicUrl) || Uri.TryCreate(o.Digests.PublicUrl, UriKind.Absolute, out _),
                "Bot:Digests:PublicUrl must be an absolute URL such as \"https://example.blog/posts/{slug}/\".")
            .Validate(o => o.Digests.PollInterval > TimeSpan.Zero && o.Digests.Schedules.All(s => s.PollInterval > TimeSpan.Zero),
                "Bot:Digests:PollInterval and every Bot:Digests:Schedules PollInterval must be positive (for example \"00:30:00\").")
            .Validate(o => o.Digests.MaxSourceBytes > 0, "Bot:Digests:MaxSourceBytes must be positive (for example 4194304).")
            .Validate(o => o.Digests.RequestTimeout > TimeSpan.Zero, "Bot:Digests:RequestTimeout must be positive (for example \"00:00:30\").")
            .Validate(o => o.Digests.MaxRedirects >= 0, "Bot:Digests:MaxRedirects must not be negative (for example 5).")
            .Validate(o => o.Digests.MaxFeedItems > 0, "Bot:Digests:MaxFeedItems must be positive (for example 100).")
            .ValidateOnStart();

        // Our own deadline (RequestTimeout) covers the whole request, body included; redirects are followed by hand.
        services.AddHttpClient(DigestLibrary.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(WebFetcher.CreateHandler);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new BotDatabase(sp.GetRequiredService<IOptions<LibraryOptions>>().Value.DataDirectory));
        services.TryAddSingleton(sp => new DigestLibrary(
            sp.GetRequiredService<BotDatabase>(),
            sp.GetRequiredService<IOptions<LibraryOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DigestLibrary>>(),
            sp.GetService<ISharedDigestStore>()));
        // Also resolvable by itself: the host's start-up checks wait for its first ingest (StartupIngest).
        services.TryAddSingleton<DigestWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<DigestWatcher>());
        return services;
    }
}
