using Bot.Core.Posting;
using Bot.Library;
using Bot.Posting;
using Bot.Scheduling;
using Microsoft.Extensions.Options;

namespace Bot.Hosting;

/// <summary>
/// Before <c>serve</c> schedules anything, checks every section key a subscription names against the library, after the
/// start-up ingest has stored what the sources hold, and refuses to start with one line per unknown key. Options
/// validation cannot do this: it would have to parse the sources itself, synchronously, before the ingest parses them again.
/// </summary>
internal sealed class SectionKeyStartupCheck : IHostedService
{
    private readonly IOptions<BotScheduleOptions> _options;
    private readonly KnownSections _sections;
    private readonly DigestWatcher _watcher;

    public SectionKeyStartupCheck(IOptions<BotScheduleOptions> options, KnownSections sections, DigestWatcher watcher)
    {
        _options = options;
        _sections = sections;
        _watcher = watcher;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var subscriptions = _options.Value.Subscriptions;
        var known = await _sections.GetAsync(cancellationToken);
        if (Failures(subscriptions, known).Count == 0)
        {
            // Well-known or already stored keys need no wait for the ingest.
            return;
        }

        await _watcher.StartupIngest.WaitAsync(cancellationToken);
        var failures = Failures(subscriptions, await _sections.GetAsync(cancellationToken));
        if (failures.Count > 0)
        {
            throw new OptionsValidationException("Bot:Subscriptions", typeof(BotScheduleOptions), failures);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>One line per section key that is neither well known nor in a stored digest, with the closest known key.</summary>
    public static List<string> Failures(IReadOnlyList<SubscriptionOptions> subscriptions, IReadOnlyList<string> known)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        ArgumentNullException.ThrowIfNull(known);
        var failures = new List<string>();
        for (var i = 0; i < subscriptions.Count; i++)
        {
            var s = subscriptions[i];
            var label = string.IsNullOrWhiteSpace(s.Name) ? string.Empty : $" ('{s.Name}')";
            foreach (var key in s.Sections.Select(k => k.Trim().ToLowerInvariant()).Where(k => k.Length > 0 && k != "*" && !known.Contains(k)))
            {
                var closest = KnownSections.Closest(key, known);
                failures.Add($"Bot:Subscriptions:{i}:Sections{label}: there is no section '{key}'{(closest is null ? string.Empty : $" (did you mean '{closest}'?)")}; known sections are {string.Join(", ", known)}, or use \"*\" for all");
            }
        }

        return failures;
    }
}
