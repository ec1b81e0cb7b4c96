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

    public SchedulerStartup(SubscriptionReconciler reconciler, CatchUpPlanner catchUp, IDigestCatalog catalog, TimeProvider time, ILogger<SchedulerStartup> logger)
    {
        _catalog = catalog;
        _reconciler = reconciler;
        _catchUp = catchUp;
        _time = time;
        _logger = logger;
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var subscriptions = await _reconciler.ReconcileAsync(cancellationToken);
        LogStarted(subscriptions.Count);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var waiting = (await _catchUp.CatchUpAsync(stoppingToken)).ToList();
            var deadline = _time.GetUtcNow() + FirstStartWait;

            // The library ingests the configured sources at start; the first post waits for its first digest.
            while (waiting.Count > 0 && !stoppingToken.IsCancellationRequested)
            {
                if ((await _catalog.ListAsync(stoppingToken)).Count > 0)
                {
                    foreach (var subscription in waiting)
                    {
                        await _catchUp.PostFirstAsync(subscription, stoppingToken);
                    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler started with {Count} subscriptions")]
    private partial void LogStarted(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No digest was stored within {Wait} of start, so the first-start post was not made; it goes out on the next schedule or with `post`")]
    private partial void LogNoDigest(TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catching up after start failed; scheduled posts continue")]
    private partial void LogCatchUpFailed(Exception ex);
}
