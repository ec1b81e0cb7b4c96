using Bot.Library.State;
using Bot.Posting;
using Bot.Scheduling;

namespace Bot.Cli;

/// <summary><c>post --subscription NAME --digest ID --delete</c>: removes a digest's posts from the platform.</summary>
internal static class PostDeleteVerb
{
    public static async Task<int> RunAsync(IServiceProvider services, SubscriptionRecord subscription, string? digestId, bool dryRun, CancellationToken ct)
    {
        if (digestId is null)
        {
            await Console.Error.WriteLineAsync("error: --delete needs --digest ID (the digest whose posts to remove)");
            return 2;
        }

        var store = services.GetRequiredService<IStateStore>();
        var sent = (await store.GetDigestRowsAsync(subscription.Id, digestId, ct)).Count(r => r.State == LedgerState.Sent);
        if (dryRun || sent == 0)
        {
            Console.WriteLine($"{(dryRun ? "Dry run: would delete" : "Nothing to delete:")} {sent} posts of {digestId} for '{subscription.Name}'.");
            return 0;
        }

        var (deleted, error) = await ActivatorUtilities.CreateInstance<PostCorrector>(services).DeleteAsync(subscription, digestId, ct);
        if (error is not null)
        {
            await Console.Error.WriteLineAsync($"error: {error}");
            return 1;
        }

        Console.WriteLine($"Deleted {deleted} posts of {digestId} for '{subscription.Name}'; the ledger keeps them, so they are never posted again.");
        return 0;
    }
}
