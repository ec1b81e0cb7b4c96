using System.Threading.Channels;
using Bot.Library;
using Bot.Library.Ingestion;
using Bot.Library.State;
using Microsoft.Extensions.Options;

namespace Bot.Posting;

/// <summary>
/// <c>Trigger: Published</c>: when ingestion adds a digest (a new post in a followed feed), plans it at once for every
/// such subscription through <see cref="PostPlanner"/> (section spacing, one ledger row per section, so exactly once)
/// and hands the rows to the dispatcher. Digests dated before the subscription existed are a backlog and are not posted.
/// </summary>
public sealed partial class PublishedTrigger : BackgroundService
{
    private readonly DigestLibrary _library;
    private readonly IOptionsMonitor<PostingOptions> _options;
    private readonly IStateStore _store;
    private readonly PostPlanner _planner;
    private readonly PostDispatcher _dispatcher;
    private readonly TimeProvider _time;
    private readonly ILogger<PublishedTrigger> _logger;
    // About 12 minutes of tries (1 s doubling to 30 s): longer than a database restart or fail-over.
    private const int PlanAttempts = 30;
    private readonly Channel<IngestReport> _reports = Channel.CreateUnbounded<IngestReport>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>
    /// How long a digest may wait in <c>published_unplanned</c> before any host's sweep plans it. The ingesting host's own
    /// trigger plans within seconds, so an older row was left by a host that stopped in between (a crash, a kill, a
    /// deploy), gave up while the database was away, or ingested from the CLI while <c>serve</c> ran elsewhere.
    /// </summary>
    internal static readonly TimeSpan SweepAfter = TimeSpan.FromMinutes(1);

    /// <summary>How often the sweep looks.</summary>
    internal static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    /// <summary>Creates the trigger; it listens to <see cref="DigestLibrary.Ingested"/>.</summary>
    public PublishedTrigger(DigestLibrary library, IOptionsMonitor<PostingOptions> options, IStateStore store, PostPlanner planner, PostDispatcher dispatcher, TimeProvider time, ILogger<PublishedTrigger> logger)
    {
        ArgumentNullException.ThrowIfNull(library);
        _library = library;
        _options = options;
        _store = store;
        _planner = planner;
        _dispatcher = dispatcher;
        _time = time;
        _logger = logger;
        _library.Ingested += OnIngested;
    }

    /// <summary>True for <c>Cron</c>, <c>Published</c> (any case) and an empty value.</summary>
    public static bool IsValid(string? trigger)
        => string.IsNullOrWhiteSpace(trigger) || trigger.Trim().Equals("Cron", StringComparison.OrdinalIgnoreCase) || IsPublished(trigger);

    private static bool IsPublished(string? trigger) => trigger?.Trim().Equals("Published", StringComparison.OrdinalIgnoreCase) == true;

    private void OnIngested(object? sender, IngestReport report) => _reports.Writer.TryWrite(report);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweeping = SweepLoopAsync(stoppingToken);
        try
        {
            await foreach (var report in _reports.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await PlanUntilDoneAsync(report, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping is not a failure: when the host's start fails (a port in use), the host would otherwise report this
            // cancellation as a crashed background service, with a stack trace, after the one-line error.
        }

        await sweeping.ConfigureAwait(false);
    }

    private async Task SweepLoopAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    await SweepAsync(ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
                {
                    LogSweepFailed(ex); // the database is away: the rows wait for the next look
                }

                await Task.Delay(SweepInterval, _time, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Plans the digests left in <c>published_unplanned</c> for longer than <see cref="SweepAfter"/> (a host stopped between
    /// storing a digest and planning it); returns the rows. Planning twice is harmless: one ledger row per section.
    /// </summary>
    internal async Task<IReadOnlyList<LedgerRow>> SweepAsync(CancellationToken ct = default)
    {
        var left = await _store.UnplannedPublishedAsync(_time.GetUtcNow() - SweepAfter, 100, ct).ConfigureAwait(false);
        if (left.Count == 0)
        {
            return [];
        }

        LogSweeping(left.Count, string.Join(", ", left));
        return await PlanDigestsAsync(left, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// <see cref="PlanAsync"/>, tried again while the database is away, so the post is not left to the sweep's next look
    /// (or a cron that may be a week off); planning twice is harmless (one ledger row per section).
    /// </summary>
    internal async Task PlanUntilDoneAsync(IngestReport report, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await PlanAsync(report, ct).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                if (attempt >= PlanAttempts)
                {
                    LogFailed(ex);
                    return;
                }

                var delay = TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(attempt - 1, 5)));
                LogPlanRetry(ex, attempt, delay);
                await Task.Delay(delay, _time, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Plans and dispatches every digest <paramref name="report"/> added, for each published-trigger subscription; returns the rows.</summary>
    public async Task<IReadOnlyList<LedgerRow>> PlanAsync(IngestReport report, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var added = report.Files.Where(f => f.Outcome == IngestOutcome.Added && f.DigestId is not null).Select(f => f.DigestId!).Distinct().ToList();
        return added.Count == 0 ? [] : await PlanDigestsAsync(added, ct).ConfigureAwait(false);
    }

    /// <summary>Plans and dispatches <paramref name="added"/> for each published-trigger subscription, then takes them out of <c>published_unplanned</c>.</summary>
    private async Task<IReadOnlyList<LedgerRow>> PlanDigestsAsync(IReadOnlyList<string> added, CancellationToken ct)
    {
        var all = new List<LedgerRow>();

        // The stored trigger, not only this host's configuration: in a cluster, the host that ingests plans for every
        // published-trigger subscription, including one its own configuration lacks (a rolling deploy of a new list).
        var names = _options.CurrentValue.Subscriptions.Where(s => IsPublished(s.Trigger)).Select(s => s.Name.Trim()).ToHashSet(StringComparer.Ordinal);
        var subscriptions = (await _store.ListSubscriptionsAsync(ct).ConfigureAwait(false))
            .Where(s => s.Published || (s.Scope.Length == 0 && names.Contains(s.Name)));
        foreach (var subscription in subscriptions)
        {
            foreach (var digestId in added)
            {
                var digest = await _library.GetDigestAsync(digestId, ct).ConfigureAwait(false);
                if (digest is null || digest.Entries.FirstOrDefault() is null)
                {
                    continue;
                }

                if (digest.Date is { } date && date.AddDays(1) < DateOnly.FromDateTime(subscription.CreatedAt.UtcDateTime))
                {
                    LogBacklog(subscription.Name, digestId);
                    continue;
                }

                var rows = await _planner.PlanAsync(subscription, digestId, _time.GetUtcNow(), subscription.SectionSpacing, ct).ConfigureAwait(false);
                await _dispatcher.DispatchAsync(rows, ct).ConfigureAwait(false);
                all.AddRange(rows);
            }
        }

        // Only now: a host that stops before this line leaves the digests to the next sweep, which plans them again.
        await _store.ForgetUnplannedAsync(added, ct).ConfigureAwait(false);
        return all;
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _library.Ingested -= OnIngested;
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {Subscription}: digest {DigestId} is dated before the subscription existed, so the published trigger leaves it (backlog)")]
    private partial void LogBacklog(string subscription, string digestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Published trigger could not plan newly ingested digests (attempt {Attempt}); trying again in {Delay}")]
    private partial void LogPlanRetry(Exception ex, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Published trigger: planning {Count} digest(s) stored over a minute ago and never planned (the host that stored them stopped first): {DigestIds}")]
    private partial void LogSweeping(int count, string digestIds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Published trigger could not look for digests left unplanned; looking again in 30 s")]
    private partial void LogSweepFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Published trigger could not plan newly ingested digests after repeated attempts; they stay in published_unplanned and the sweep plans them when the database answers")]
    private partial void LogFailed(Exception ex);
}
