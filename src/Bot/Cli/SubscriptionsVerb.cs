using System.CommandLine;
using Bot.Core.Posting;
using Bot.Library.State;
using Bot.Scheduling;
using Microsoft.Extensions.Options;

namespace Bot.Cli;

/// <summary>
/// <c>subscriptions list</c> and <c>subscriptions remove NAME</c>: the explicit way to remove a subscription (configuration
/// never deletes one). Removal leaves a tombstone: the ledger stays, so re-adding the same name resumes where it was.
/// </summary>
internal static class SubscriptionsVerb
{
    private static readonly Argument<string> Name = new("NAME") { Description = "The subscription's name, or scope/name as `subscriptions list` shows it" };

    public static Command Create()
    {
        var command = new Command("subscriptions", "List stored subscriptions, or remove one (its post ledger is kept)");
        var list = new Command("list", "List stored subscriptions");
        list.SetAction(ListAsync);
        var remove = new Command("remove", "Remove a subscription: it stops posting; its ledger is kept, so re-adding it never re-posts");
        remove.Arguments.Add(Name);
        remove.SetAction(RemoveAsync);
        command.Subcommands.Add(list);
        command.Subcommands.Add(remove);
        return command;
    }

    private static async Task<int> ListAsync(ParseResult result, CancellationToken ct)
    {
        using var host = BotServices.Create(result);
        var store = host.Services.GetRequiredService<IStateStore>();
        foreach (var s in await store.ListSubscriptionsAsync(ct))
        {
            PostTarget.TryParse(s.Target, out var target, out _);
            Console.WriteLine($"{s.Key}\t{s.Source}\t{target?.ToString() ?? "?"}\t{s.Cron} {s.TimeZone}");
        }

        return 0;
    }

    private static async Task<int> RemoveAsync(ParseResult result, CancellationToken ct)
    {
        using var host = BotServices.Create(result);
        var services = host.Services;
        var store = services.GetRequiredService<IStateStore>();
        var name = result.GetValue(Name)!;
        var (subscription, error) = await SubscriptionLookup.FindAsync(store, name, ct);
        if (subscription is null)
        {
            await Console.Error.WriteLineAsync($"error: {error}");
            return 1;
        }

        await store.DeleteSubscriptionAsync(subscription.Id, ct);
        Console.WriteLine($"Removed subscription '{subscription.Key}'; its post ledger is kept, so adding it again resumes where it was.");
        var configured = subscription.Scope.Length == 0
            && services.GetRequiredService<IOptions<BotScheduleOptions>>().Value.Subscriptions.Any(s => s.Name.Trim() == subscription.Name);
        if (configured)
        {
            await Console.Error.WriteLineAsync($"warning: '{name}' is still in Bot:Subscriptions; remove it there too, or the next start adds it back (it resumes, and re-posts nothing)");
        }

        return 0;
    }
}
