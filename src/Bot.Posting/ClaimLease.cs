using Bot.Library.State;


namespace Bot.Posting;

/// <summary>
/// Keeps a ledger claim alive while its post is in flight: renews it every third of the lease, so a post held up by
/// rate limits never outlives its claim, and a crashed host's row is free again within one lease. When a renewal finds the
/// claim taken over (the fencing token no longer matches), <see cref="Lost"/> is cancelled so the post stops.
/// </summary>
internal sealed partial class ClaimLease : IAsyncDisposable
{
    private readonly IStateStore _store;
    private readonly LedgerRow _claim;
    private readonly TimeSpan _lease;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lost = new();
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private Task _renewing = Task.CompletedTask;
    private bool _disposed;

    public ClaimLease(IStateStore store, LedgerRow claim, TimeSpan lease, TimeProvider time, ILogger logger)
    {
        _store = store;
        _claim = claim;
        _lease = lease;
        _logger = logger;
        var every = lease / 3 > TimeSpan.FromMilliseconds(100) ? lease / 3 : TimeSpan.FromMilliseconds(100);
        _timer = time.CreateTimer(_ => Tick(), null, every, every);
    }

    /// <summary>Cancelled once another host holds the row.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>True once another host holds the row.</summary>
    public bool IsLost => _lost.IsCancellationRequested;

    public async ValueTask DisposeAsync()
    {
        Task renewing;
        lock (_gate)
        {
            _disposed = true;
            renewing = _renewing;
        }

        await _timer.DisposeAsync();
        await renewing.ConfigureAwait(false);
        _lost.Dispose();
    }

    private void Tick()
    {
        lock (_gate)
        {
            if (_disposed || !_renewing.IsCompleted)
            {
                return; // A renewal still waiting on the database: the next tick tries again.
            }

            _renewing = RenewAsync();
        }
    }

    private async Task RenewAsync()
    {
        try
        {
            if (!await _store.RenewAsync(_claim, _lease).ConfigureAwait(false))
            {
                LogLost(_claim.Id);
                await _lost.CancelAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The database is unreachable: keep posting; the fenced "sent" decides whether the claim was still ours.
            LogRenewFailed(ex, _claim.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger row {RowId}: another host took the claim over; this host stops posting it")]
    private partial void LogLost(long rowId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger row {RowId}: renewing the claim failed; trying again")]
    private partial void LogRenewFailed(Exception ex, long rowId);
}
