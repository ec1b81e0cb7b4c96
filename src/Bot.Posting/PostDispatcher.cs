using Bot.Library.State;
using Microsoft.Extensions.Options;

namespace Bot.Posting;

/// <summary>
/// Puts open ledger rows on the job queue at their slot. A row whose slot passed at most
/// <c>Bot:Scheduling:CatchUpWindow</c> ago runs now; an older one is skipped and logged.
/// </summary>
public sealed partial class PostDispatcher
{
    private readonly IStateStore _store;
    private readonly ISectionJobQueue _queue;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<PostingOptions> _options;
    private readonly ILogger<PostDispatcher> _logger;

    /// <summary>Creates the dispatcher.</summary>
    public PostDispatcher(IStateStore store, ISectionJobQueue queue, TimeProvider time, IOptionsMonitor<PostingOptions> options, ILogger<PostDispatcher> logger)
    {
        _store = store;
        _queue = queue;
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <summary>Queues (or skips) each open row; returns how many were queued and skipped.</summary>
    public async Task<(int Queued, int Skipped)> DispatchAsync(IEnumerable<LedgerRow> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var window = _options.CurrentValue.Scheduling.CatchUpWindow;
        var now = _time.GetUtcNow();
        var (queued, skipped) = (0, 0);
        foreach (var row in rows.Where(r => r.State is LedgerState.Pending or LedgerState.Attempted))
        {
            if (row.DueAt > now)
            {
                _queue.Enqueue(row.Id, row.DueAt);
                queued++;
            }
            else if (now - row.DueAt <= window)
            {
                _queue.Enqueue(row.Id, now);
                queued++;
            }
            else if (await _store.MarkSkippedAsync(row.Id, $"fell due at {row.DueAt:O}, more than {window} (Bot:Scheduling:CatchUpWindow) before it could be sent", ct))
            {
                LogSkipped(row.DigestId, row.SectionKey, row.SubscriptionId, row.DueAt, window);
                skipped++;
            }
        }

        return (queued, skipped);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped section {Section} of digest {DigestId} for subscription {SubscriptionId}: it fell due at {DueAt:O}, outside the catch-up window of {Window}")]
    private partial void LogSkipped(string digestId, string section, long subscriptionId, DateTimeOffset dueAt, TimeSpan window);
}
