using Bot.Library.State;


namespace Bot.Posting;

/// <summary>
/// Sends failed or uncertain ledger rows again on the operator's word: <c>post --retry-failed</c> /
/// <c>--retry-uncertain</c>, and the dashboard's "retry-failed-posts" job (trigger it from Recurring jobs).
/// </summary>
public sealed partial class LedgerRetry
{
    /// <summary>The recurring job's id on the dashboard. It never runs by itself (cron "never"); the operator triggers it.</summary>
    public const string JobId = "retry-failed-posts";

    private readonly IStateStore _store;
    private readonly ISectionJobQueue _queue;
    private readonly TimeProvider _time;
    private readonly ILogger<LedgerRetry> _logger;

    /// <summary>Creates the service.</summary>
    public LedgerRetry(IStateStore store, ISectionJobQueue queue, TimeProvider time, ILogger<LedgerRetry> logger)
    {
        _store = store;
        _queue = queue;
        _time = time;
        _logger = logger;
    }

    /// <summary>Puts the rows in <paramref name="state"/> (of one subscription and digest, or all) back to pending; returns them.</summary>
    public async Task<IReadOnlyList<LedgerRow>> ReopenAsync(LedgerState state, long? subscriptionId = null, string? digestId = null, CancellationToken ct = default)
    {
        var reopened = new List<LedgerRow>();
        foreach (var row in await _store.ListRowsAsync(state, subscriptionId, ct))
        {
            if ((digestId is null || row.DigestId == digestId) && await _store.ReopenAsync(row.Id, state, ct) && await _store.GetRowAsync(row.Id, ct) is { } open)
            {
                reopened.Add(open);
            }
        }

        if (reopened.Count > 0)
        {
            LogReopened(reopened.Count, state.ToString().ToLowerInvariant());
        }

        return reopened;
    }

    /// <summary>The dashboard job: every failed row goes back on the queue now.</summary>
    public async Task RetryFailedAsync(CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        foreach (var row in await ReopenAsync(LedgerState.Failed, ct: ct))
        {
            _queue.Enqueue(row.Id, now);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reopened {Count} {State} ledger rows; they are sent again")]
    private partial void LogReopened(int count, string state);
}
