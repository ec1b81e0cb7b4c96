using Bot.Posting;
using Hangfire;

namespace Bot.Scheduling;

/// <summary>
/// Hosted service of <c>serve</c>: reconciles subscriptions and registers their recurring jobs before the host
/// reports started, then catches up in the background and makes the first-start posts once digests are stored.
/// </summary>
internal sealed partial class SchedulerStartup : BackgroundService
{
    private static readonly TimeSpan FirstStartWait = TimeSpan.FromMinutes(2);
    private readonly SubscriptionReconciler _reconciler;
    private readonly CatchUpPlanner _catchUp;
    private readonly IDigestCatalog _catalog;
    private readonly TimeProvider _time;
    private readonly ILogger<SchedulerStartup> _logger;
    private readonly Hangfire.IRecurringJobManager _recurring;

    public SchedulerStartup(SubscriptionReconciler reconciler, CatchUpPlanner catchUp, IDigestCatalog catalog, TimeProvider time, ILogger<SchedulerStartup> logger, Hangfire.IRecurringJobManager recurring)
    {
        _recurring = recurring;
        _catalog = catalog;
        _reconciler = reconciler;
        _catchUp = catchUp;
        _time = time;
        _logger = logger;
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var subscriptions = await _reconciler.ReconcileAsync(cancellationToken);

        // On the dashboard's Recurring jobs page, "Trigger now" sends every failed post again; it never runs by itself.
        _recurring.AddOrUpdate<RetryFailedPostsJob>(LedgerRetry.JobId, job => job.RunAsync(CancellationToken.None), Hangfire.Cron.Never());

        // Corrections: a digest re-ingested with changes has its posted sections edited within the correction window.
        _recurring.AddOrUpdate<CorrectionsJob>(PostCorrector.JobId, job => job.RunAsync(CancellationToken.None), "*/5 * * * *");
        LogStarted(subscriptions.Count);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var waiting = (await CatchUpWithRetriesAsync(stoppingToken)).ToList();
            var deadline = _time.GetUtcNow() + FirstStartWait;

            // The library ingests the configured sources at start: wait until its list of digests is non-empty and has
            // stopped changing (so the newest is really the newest), then post; retry while a digest is still being written.
            string? previous = null;
            while (waiting.Count > 0 && !stoppingToken.IsCancellationRequested)
            {
                var listed = string.Join('\n', (await _catalog.ListAsync(stoppingToken)).Select(d => d.Id));
                if (listed.Length > 0 && listed == previous)
                {
                    foreach (var subscription in waiting.ToList())
                    {
                        if (await _catchUp.PostFirstAsync(subscription, stoppingToken))
                        {
                            waiting.Remove(subscription);
                        }
                    }
                }

                previous = listed;
                if (waiting.Count == 0)
                {
                    break;
                }

                if (_time.GetUtcNow() > deadline)
                {
                    LogNoDigest(FirstStartWait);
                    break;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), _time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Catch-up failing must not take the host down: the recurring jobs still run.
            LogCatchUpFailed(ex);
        }
    }

    private async Task<IReadOnlyList<Bot.Library.State.SubscriptionRecord>> CatchUpWithRetriesAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _catchUp.CatchUpAsync(ct);
            }
            catch (Exception ex) when (attempt < 5 && ex is System.Data.Common.DbException or TimeoutException or IOException)
            {
                // The library may hold the database while it ingests at start; try again shortly.
                LogCatchUpRetry(ex, attempt);
                await Task.Delay(TimeSpan.FromSeconds(2 * attempt), _time, ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catching up after start failed (attempt {Attempt}); trying again")]
    private partial void LogCatchUpRetry(Exception ex, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler started with {Count} subscriptions")]
    private partial void LogStarted(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No digest was stored within {Wait} of start, so the first-start post was not made; it goes out on the next schedule or with `post`")]
    private partial void LogNoDigest(TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catching up after start failed; scheduled posts continue")]
    private partial void LogCatchUpFailed(Exception ex);
}
