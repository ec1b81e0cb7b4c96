using System.CommandLine;
using Bot.Core.Posting;
using Bot.Library.State;
using Bot.Posting;
using Bot.Scheduling;
using Microsoft.Extensions.Options;

namespace Bot.Cli;

/// <summary>
/// <c>post --subscription NAME [--digest ID] [--dry-run] [--retry-failed] [--retry-uncertain] [--delete]</c>: sends a
/// subscription now, through the post ledger; or sends its failed / uncertain rows again; or removes a digest's posts.
/// </summary>
internal static class PostVerb
{
    private static readonly Option<string> Subscription = new("--subscription") { Description = "Name of the subscription (Bot:Subscriptions or /subscribe)", Required = true };
    private static readonly Option<string?> Digest = new("--digest") { Description = "Digest id (default: the newest not yet posted to it)" };
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Print what would be sent, and send nothing" };
    private static readonly Option<bool> RetryFailed = new("--retry-failed") { Description = "Send the subscription's failed posts again (of --digest, or all)" };
    private static readonly Option<bool> RetryUncertain = new("--retry-uncertain") { Description = "Send its uncertain posts again, after you checked the channel does not show them" };
    private static readonly Option<bool> Delete = new("--delete") { Description = "Delete the posts of --digest from the platform (where it allows deletes)" };

    public static Command Create()
    {
        var command = new Command("post", "Post a subscription now: every section at once, each at most once (the post ledger remembers)");
        command.Options.Add(Subscription);
        command.Options.Add(Digest);
        command.Options.Add(DryRun);
        command.Options.Add(RetryFailed);
        command.Options.Add(RetryUncertain);
        command.Options.Add(Delete);
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CancellationToken ct)
    {
        using var host = BotServices.Create(result);
        var services = host.Services;
        var options = services.GetRequiredService<IOptions<BotScheduleOptions>>().Value; // validates, like serve does at start
        // Section keys are not part of options validation; like serve, check them against the library.
        if (Bot.Hosting.SectionKeyStartupCheck.Failures(options.Subscriptions, await services.GetRequiredService<KnownSections>().GetAsync(ct)) is { Count: > 0 } unknown)
        {
            throw new OptionsValidationException("Bot:Subscriptions", typeof(BotScheduleOptions), unknown);
        }

        await services.GetRequiredService<SubscriptionReconciler>().ReconcileAsync(ct);
        var store = services.GetRequiredService<IStateStore>();
        var name = result.GetValue(Subscription)!;
        var (subscription, error) = await SubscriptionLookup.FindAsync(store, name, ct);
        if (subscription is null)
        {
            await Console.Error.WriteLineAsync($"error: {error}");
            return 1;
        }

        var digestId = result.GetValue(Digest);
        var sender = services.GetRequiredService<SectionSender>();
        if (result.GetValue(RetryFailed) || result.GetValue(RetryUncertain))
        {
            var state = result.GetValue(RetryFailed) ? LedgerState.Failed : LedgerState.Uncertain;
            var reopened = await ActivatorUtilities.CreateInstance<LedgerRetry>(services).ReopenAsync(state, subscription.Id, digestId, ct);
            if (reopened.Count == 0)
            {
                Console.WriteLine($"No {state.ToString().ToLowerInvariant()} posts for '{subscription.Name}'{(digestId is null ? string.Empty : $" in digest {digestId}")}.");
                return 0;
            }

            return await SendAsync(sender, subscription, reopened, ct);
        }

        if (result.GetValue(Delete))
        {
            return await PostDeleteVerb.RunAsync(services, subscription, digestId, result.GetValue(DryRun), ct);
        }

        // The dry run and the real post decide through the same planner; only the writing differs.
        var planner = services.GetRequiredService<PostPlanner>();
        if (result.GetValue(DryRun))
        {
            return await DryRunAsync(services.GetRequiredService<IDigestCatalog>(), await planner.PreviewAsync(subscription, digestId, allowBacklog: true, ct), subscription, digestId);
        }

        var time = services.GetRequiredService<TimeProvider>();
        var rows = await planner.PlanAsync(subscription, digestId, time.GetUtcNow(), TimeSpan.Zero, ct, allowBacklog: true);
        if (rows.Count == 0)
        {
            if (digestId is null)
            {
                Console.WriteLine($"Nothing to post for '{subscription.Name}': no digest is stored, or the newest was already posted (see --digest ID).");
                return 0;
            }

            // A digest the operator named and we cannot post is a failure: one error line on stderr, exit 1.
            await Console.Error.WriteLineAsync($"error: nothing to post for '{subscription.Name}': digest '{digestId}' is not stored or has none of its sections (the ids are in `search --json`, field digestId).");
            return 1;
        }

        return await SendAsync(sender, subscription, rows, ct);
    }

    private static async Task<int> SendAsync(SectionSender sender, SubscriptionRecord subscription, IReadOnlyList<LedgerRow> rows, CancellationToken ct)
    {
        var (failed, uncertain) = (0, 0);
        foreach (var row in rows)
        {
            var line = $"{row.DigestId} / {(row.IsThreadParent ? "thread parent" : row.SectionKey)}";
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var outcome = await sender.SendAsync(row.Id, ct);
                    var state = Describe(outcome, subscription.Name);
                    failed += outcome.Result == SendResult.Failed || outcome.State == LedgerState.Failed ? 1 : 0;
                    uncertain += outcome.Result == SendResult.Uncertain || outcome.State == LedgerState.Uncertain ? 1 : 0;
                    await Console.Error.WriteLineAsync($"{line}: {state}");
                    break;
                }
                catch (PostException ex) when (attempt < 3)
                {
                    await Console.Error.WriteLineAsync($"{line}: {ex.Message}; retrying");
                    await Task.Delay(TimeSpan.FromSeconds(attempt * 2), ct);
                }
                catch (PostException ex)
                {
                    failed++;
                    await Console.Error.WriteLineAsync($"{line}: {ex.Message}; giving up (the scheduler retries it at the next start)");
                    break;
                }
            }
        }

        if (uncertain > 0)
        {
            await Console.Error.WriteLineAsync($"warning: {uncertain} of {rows.Count} posts for '{subscription.Name}' are uncertain: check the channel, then run `post --subscription {subscription.Key} --retry-uncertain` to send them");
        }

        if (failed > 0)
        {
            await Console.Error.WriteLineAsync($"error: {failed} of {rows.Count} posts for '{subscription.Name}' failed; fix the cause, then run `post --subscription {subscription.Key} --retry-failed`");
            return 1;
        }

        return uncertain > 0 ? 1 : 0;
    }

    private static string Describe(SendOutcome outcome, string name) => outcome.Result switch
    {
        SendResult.Sent => $"sent ({outcome.MessageId})",
        SendResult.AlreadyDone => outcome.State switch
        {
            LedgerState.Failed => $"failed earlier and not retried (run `post --subscription {name} --retry-failed`)",
            LedgerState.Uncertain => $"uncertain: an earlier attempt may have been posted (check, then `post --subscription {name} --retry-uncertain`)",
            LedgerState.Skipped => "skipped earlier; not sent",
            _ => "already posted before; not sent again",
        },
        SendResult.Busy => "being sent by another host",
        SendResult.Skipped => "skipped",
        SendResult.Uncertain => $"UNCERTAIN: an earlier attempt may have been posted and this target cannot be searched; not sent again (check, then `post --subscription {name} --retry-uncertain`)",
        _ => "failed for good (see the log)",
    };

    private static async Task<int> DryRunAsync(IDigestCatalog catalog, PostPlan plan, SubscriptionRecord subscription, string? digestId)
    {
        if (plan.Digest is not { } digest)
        {
            Console.WriteLine($"Dry run: nothing to post for '{subscription.Name}': {plan.Reason}.");
            return digestId is null ? 0 : 1;
        }

        var existing = plan.Existing.ToDictionary(r => r.SectionKey);
        PostTarget.TryParse(subscription.Target, out var target, out _);
        Console.WriteLine($"Dry run: '{subscription.Name}' would post {plan.Sections.Count} sections of {digest.Id} to {target?.ToString() ?? subscription.Target}:");
        Console.WriteLine();
        for (var i = 0; i < plan.Sections.Count; i++)
        {
            var section = plan.Sections[i];
            var highlight = SectionHighlighter.Build(digest, section.Key, subscription, catalog.PublicUrl(digest))!;
            if (existing.TryGetValue(section.Key, out var row))
            {
                Console.WriteLine($"[ledger: {row.State.ToString().ToLowerInvariant()}; would not be sent again]");
            }

            Console.Write(ConsoleSectionPoster.Format(new SectionPost($"s{subscription.Id}:{digest.Id}:{section.Key}", highlight, MentionRoleId: i == 0 ? subscription.MentionRoleId : null)));
        }

        return 0;
    }
}
