using Bot.Core.Posting;
using Bot.Posting;
using Bot.Scheduling;
using Microsoft.Extensions.Options;

namespace Bot.Hosting;

/// <summary>
/// Before <c>serve</c> schedules anything, asks each platform whether every configured target can work (channel type,
/// access, forum tags, webhook channel) and refuses to start, one line per problem naming the setting, when one cannot.
/// </summary>
internal sealed class TargetStartupCheck : IHostedService
{
    private readonly IOptions<BotScheduleOptions> _options;
    private readonly IEnumerable<ITargetCheck> _checks;

    public TargetStartupCheck(IOptions<BotScheduleOptions> options, IEnumerable<ITargetCheck> checks)
    {
        _options = options;
        _checks = checks;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var failures = await CheckAllAsync(_options.Value.Subscriptions, _checks, cancellationToken);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException("Bot:Subscriptions", typeof(BotScheduleOptions), failures);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>One line per subscription whose target cannot work.</summary>
    public static async Task<List<string>> CheckAllAsync(IReadOnlyList<SubscriptionOptions> subscriptions, IEnumerable<ITargetCheck> checks, CancellationToken ct)
    {
        var failures = new List<string>();
        for (var i = 0; i < subscriptions.Count; i++)
        {
            var s = subscriptions[i];
            if (!PostTarget.TryParse(s.Target, out var target, out _) || checks.FirstOrDefault(c => c.Platform == target!.Platform) is not { } check)
            {
                continue;
            }

            target = target! with { Options = SubscriptionMapper.TargetOptions(s) };
            if (await check.CheckAsync(target, s.Thread, ct) is { } problem)
            {
                var label = string.IsNullOrWhiteSpace(s.Name) ? string.Empty : $" ('{s.Name}')";
                failures.Add($"Bot:Subscriptions:{i}:Target{label}: {problem}");
            }
        }

        return failures;
    }
}
