using Bot.Core.Posting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Posting;

/// <summary>Registers the posting rules. The host adds what runs them: the job queue, the subscription scheduler and the options.</summary>
public static class PostingServiceCollectionExtensions
{
    /// <summary>
    /// The posting rules as singletons: planner, dispatcher, sender, catch-up, reconciler, corrector, retry and the posters'
    /// registry over the library. They need an <see cref="ISectionJobQueue"/>, an <see cref="ISubscriptionScheduler"/>, the
    /// state store and <see cref="PostingOptions"/> from the host.
    /// </summary>
    public static IServiceCollection AddBotPosting(this IServiceCollection services)
    {
        services.TryAddSingleton<PosterRegistry>();
        services.TryAddSingleton<IDigestCatalog, LibraryDigestCatalog>();
        services.TryAddSingleton<PostDispatcher>();
        services.TryAddSingleton<PostPlanner>();
        services.TryAddSingleton<SectionSender>();
        services.TryAddSingleton<SubscriptionReconciler>();
        services.TryAddSingleton<CatchUpPlanner>();
        services.TryAddSingleton<PostCorrector>();
        services.TryAddSingleton<LedgerRetry>();
        return services;
    }
}
