using Bot.Library.State;


namespace Bot.Cli;

/// <summary>
/// Finds the subscription an operator names on the command line: its key (<c>NAME</c> for a configured one,
/// <c>discord:GUILD/NAME</c> or <c>slack:TEAM/NAME</c> for a chat-created one), or a bare name that only one scope holds.
/// </summary>
internal static class SubscriptionLookup
{
    public static async Task<(SubscriptionRecord? Found, string? Error)> FindAsync(IStateStore store, string key, CancellationToken ct)
    {
        if (await store.FindSubscriptionAsync(key, ct) is { } found)
        {
            return (found, null);
        }

        var all = await store.ListSubscriptionsAsync(ct);
        var named = all.Where(s => s.Name == key).ToList();
        return named.Count switch
        {
            1 => (named[0], null),
            > 1 => (null, $"'{key}' names {named.Count} subscriptions in different servers or workspaces; give one of: {string.Join(", ", named.Select(s => s.Key))}"),
            _ => (null, $"there is no subscription '{key}'; known: {(all.Count == 0 ? "none" : string.Join(", ", all.Select(s => s.Key)))}"),
        };
    }
}
