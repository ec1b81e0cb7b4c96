namespace Bot.Discord.Interactions;

/// <summary>
/// Discord drops an autocomplete answer that comes later than 3 seconds after the interaction. Suggestions get a budget
/// well inside that; when it runs out the user gets what there is (nothing) instead of an error in the client.
/// </summary>
public static class AutocompleteDeadline
{
    /// <summary>Inside Discord's 3 s, with room for the network and the rest of the request.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(2_500);

    /// <summary>The suggestions if they arrive within <paramref name="budget"/>, else an empty list; a failure also gives an empty list.</summary>
    public static async Task<IReadOnlyList<string>> WithinAsync(Task<IReadOnlyList<string>> suggestions, TimeSpan budget, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        if (!suggestions.IsCompleted)
        {
            using var cancel = new CancellationTokenSource();
            await Task.WhenAny(suggestions, Task.Delay(budget, time, cancel.Token)).ConfigureAwait(false);
            await cancel.CancelAsync().ConfigureAwait(false);
        }

        return suggestions.IsCompletedSuccessfully ? suggestions.Result : [];
    }
}
