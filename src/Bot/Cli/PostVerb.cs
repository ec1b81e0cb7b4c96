using System.CommandLine;
using Bot.Core;
using Bot.Library;
using Bot.Scheduling;
using Microsoft.Extensions.Options;

namespace Bot.Cli;

/// <summary><c>post --subscription NAME [--digest ID] [--dry-run]</c>: sends a subscription now, through the post ledger.</summary>
internal static class PostVerb
{
    private static readonly Option<string> Subscription = new("--subscription") { Description = "Name of the subscription (Bot:Subscriptions or /subscribe)", Required = true };
    private static readonly Option<string?> Digest = new("--digest") { Description = "Digest id (default: the newest not yet posted to it)" };
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Print what would be sent, and send nothing" };

    public static Command Create()
    {
        var command = new Command("post", "Post a subscription now: every section at once, each at most once (the post ledger remembers)");
        command.Options.Add(Subscription);
        command.Options.Add(Digest);
        command.Options.Add(DryRun);
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CancellationToken ct)
    {
        using var host = BotServices.Create(result);
        var services = host.Services;
        _ = services.GetRequiredService<IOptions<BotScheduleOptions>>().Value; // validates, like serve does at start
        await services.GetRequiredService<SubscriptionReconciler>().ReconcileAsync(ct);
        var store = services.GetRequiredService<IStateStore>();
        var name = result.GetValue(Subscription)!;
        var subscription = await store.FindSubscriptionAsync(name, ct);
        if (subscription is null)
        {
            var names = (await store.ListSubscriptionsAsync(ct)).Select(s => s.Name).ToList();
            await Console.Error.WriteLineAsync($"error: there is no subscription '{name}'; known: {(names.Count == 0 ? "none" : string.Join(", ", names))}");
            return 1;
        }

        var digestId = result.GetValue(Digest);
        var catalog = services.GetRequiredService<IDigestCatalog>();
        if (result.GetValue(DryRun))
        {
            return await DryRunAsync(catalog, store, subscription, digestId, ct);
        }

        var time = services.GetRequiredService<TimeProvider>();
        var rows = await services.GetRequiredService<PostPlanner>().PlanAsync(subscription, digestId, time.GetUtcNow(), TimeSpan.Zero, ct);
        if (rows.Count == 0)
        {
            Console.WriteLine(digestId is null
                ? $"Nothing to post for '{subscription.Name}': no digest is stored, or the newest was already posted (see --digest ID)."
                : $"Nothing to post for '{subscription.Name}': digest '{digestId}' is not stored or has none of its sections.");
            return digestId is null ? 0 : 1;
        }

        return await SendAsync(services.GetRequiredService<SectionSender>(), subscription, rows, ct);
    }

    private static async Task<int> SendAsync(SectionSender sender, SubscriptionRecord subscription, IReadOnlyList<LedgerRow> rows, CancellationToken ct)
    {
        var failed = 0;
        foreach (var row in rows)
        {
            var line = $"{row.DigestId} / {(row.IsThreadParent ? "thread parent" : row.SectionKey)}";
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var outcome = await sender.SendAsync(row.Id, ct);
                    var state = outcome.Result switch
                    {
                        SendResult.Sent => $"sent ({outcome.MessageId})",
                        SendResult.AlreadyDone => "already posted before; not sent again",
                        SendResult.Busy => "being sent by another host",
                        SendResult.Skipped => "skipped",
                        _ => "failed for good (see the log)",
                    };
                    failed += outcome.Result == SendResult.Failed ? 1 : 0;
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

        if (failed > 0)
        {
            await Console.Error.WriteLineAsync($"error: {failed} of {rows.Count} posts for '{subscription.Name}' failed");
            return 1;
        }

        return 0;
    }

    private static async Task<int> DryRunAsync(IDigestCatalog catalog, IStateStore store, SubscriptionRecord subscription, string? digestId, CancellationToken ct)
    {
        if (digestId is null)
        {
            var planned = await store.PlannedDigestsAsync(subscription.Id, ct);
            digestId = (await catalog.ListAsync(ct)).FirstOrDefault(d => !planned.Contains(d.Id))?.Id ?? (await catalog.ListAsync(ct)).FirstOrDefault()?.Id;
        }

        var digest = digestId is null ? null : await catalog.GetAsync(digestId, ct);
        if (digest is null)
        {
            await Console.Error.WriteLineAsync(digestId is null ? "error: no digest is stored; run `ingest` first" : $"error: there is no digest '{digestId}'");
            return 1;
        }

        var existing = (await store.GetDigestRowsAsync(subscription.Id, digest.Id, ct)).ToDictionary(r => r.SectionKey);
        var sections = SectionHighlighter.SectionsFor(digest, subscription);
        PostTarget.TryParse(subscription.Target, out var target, out _);
        Console.WriteLine($"Dry run: '{subscription.Name}' would post {sections.Count} sections of {digest.Id} to {target?.ToString() ?? subscription.Target}:");
        Console.WriteLine();
        foreach (var section in sections)
        {
            var highlight = SectionHighlighter.Build(digest, section.Key, subscription, catalog.PublicUrl(digest))!;
            var state = existing.TryGetValue(section.Key, out var row) ? $" [ledger: {row.State.ToString().ToLowerInvariant()}; would not be sent again]" : string.Empty;
            if (state.Length > 0)
            {
                Console.WriteLine(state.Trim());
            }

            Console.Write(ConsoleSectionPoster.Format(new SectionPost($"s{subscription.Id}:{digest.Id}:{section.Key}", highlight, MentionRoleId: subscription.MentionRoleId)));
        }

        return 0;
    }
}
