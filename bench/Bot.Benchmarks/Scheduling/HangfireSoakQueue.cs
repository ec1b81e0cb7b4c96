using Bot.Core.Posting;
using Bot.Posting;
using Bot.Scheduling;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;

namespace Bot.Benchmarks.Scheduling;

/// <summary>
/// The soak's jobs stored in Hangfire.Storage.SQLite the way Hangfire stores them: created Scheduled, moved to Enqueued when
/// due, fetched from the queue by <c>workers</c> parallel workers, then Succeeded (or Scheduled again on a retry), and
/// expired as the host's Hangfire server expires them.
/// Hangfire's own server runs on the wall clock, so the soak plays its scheduler; the storage, its queue, its locks and
/// the workers' contention are real. A restart keeps the stored jobs, as the file does.
/// </summary>
internal sealed class HangfireSoakQueue : ISoakQueue, IDisposable
{
    private readonly SQLiteStorage _storage;
    private readonly BackgroundJobClient _client;
    private readonly ExpirationManager _expiration;
    private readonly CountersAggregator _counters;
    private readonly bool _expireJobs;
    private DateTimeOffset _nextMaintenance = DateTimeOffset.MinValue;
    private readonly int _workers;
    private readonly PriorityQueue<(string JobId, long RowId, int Retry), DateTimeOffset> _due = new();
    private int _lockErrors;
    private long _lastJobId;

    public HangfireSoakQueue(string path, int workers, bool expireJobs)
    {
        _storage = StateStoreFactory.CreateSqliteStorage(path, TimeSpan.FromSeconds(1));
        // The host's Hangfire server keeps a finished job for JobStorage.JobExpirationTimeout (1 day by default) and runs the
        // storage's ExpirationManager (hourly) and CountersAggregator (every 5 min), the components SQLiteStorage.GetComponents
        // hands every server. Their clocks are the wall clock, and a simulated day passes here in about a second, so here a
        // finished job expires at once and both run before the first job of each simulated day: hangfire.db holds about a
        // day of finished jobs, as the host's does, instead of every job of the year. Daily also keeps each aggregation under
        // the 1,000 counter rows at which CountersAggregator.Execute (0.4.3) never returns: it adds up the rows it removed
        // across passes and loops, 0.5 s apart, for as long as that sum is 1,000 or more.
        _expireJobs = expireJobs;
        if (expireJobs)
        {
            _storage.JobExpirationTimeout = TimeSpan.Zero;
        }

        _expiration = new ExpirationManager(_storage, TimeSpan.Zero);
        _counters = new CountersAggregator(_storage, TimeSpan.Zero);
        _client = new BackgroundJobClient(_storage);
        _workers = workers;
    }

    public int JobsCreated { get; private set; }

    public int JobsRun { get; private set; }

    public int LockErrors => _lockErrors;

    /// <summary>
    /// Hangfire.Storage.SQLite 0.4.3 names each distributed lock's monitor with <c>string.Intern</c> (SQLiteDistributedLock's
    /// EventWaitHandleName), and Hangfire takes a lock per job (<c>job:{id}:state-lock</c>) on every state change, so every job
    /// leaves one interned string for the life of the process. The names still interned now and the managed bytes they hold
    /// (the string, plus its slot in the runtime's intern table), found by job id (sequential) with <c>string.IsInterned</c>.
    /// If a later version names its locks differently, this finds none and the soak judges the whole heap.
    /// </summary>
    public (int Count, long Bytes) InternedLockNames()
    {
        var count = 0;
        var bytes = 0L;
        for (var id = 1L; id <= Interlocked.Read(ref _lastJobId); id++)
        {
            if (string.IsInterned($"Hangfire.Storage.SQLite.SQLiteDistributedLock.HangFire:job:{id}:state-lock") is { } name)
            {
                count++;
                // A string object on 64-bit: 8 header + 8 method table + 4 length + 2 per char + 2 terminator, 8-aligned.
                bytes += ((22 + (2L * name.Length) + 7) & ~7L) + IntPtr.Size;
            }
        }

        return (count, bytes);
    }

    public DateTimeOffset? NextAt => _due.TryPeek(out _, out var at) ? at : null;

    public void Enqueue(long ledgerRowId, DateTimeOffset runAt) => Schedule(ledgerRowId, runAt, 0);

    public void Restart()
    {
        // What a new host finds in hangfire.db: every job still Scheduled, with the time it falls due.
        _due.Clear();
        var scheduled = _storage.GetMonitoringApi().ScheduledJobs(0, int.MaxValue);
        foreach (var (jobId, job) in scheduled)
        {
            var rowId = (long)job.Job.Args[0];
            _due.Enqueue((jobId, rowId, 0), new DateTimeOffset(job.EnqueueAt, TimeSpan.Zero));
        }
    }

    public async Task<int> RunUntilAsync(SectionSender sender, ManualClock clock, DateTimeOffset until)
    {
        var ran = 0;
        while (_due.TryPeek(out _, out var at) && at <= until)
        {
            clock.MoveTo(at);
            if (_expireJobs && at >= _nextMaintenance)
            {
                ExpireFinishedJobs();
                _nextMaintenance = new DateTimeOffset(at.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
            }

            var batch = new Dictionary<string, (long RowId, int Retry)>(StringComparer.Ordinal);
            while (_due.TryPeek(out var job, out var next) && next == at)
            {
                _due.Dequeue();
                batch[job.JobId] = (job.RowId, job.Retry);
                Guard(() => _client.ChangeState(job.JobId, new EnqueuedState(), ScheduledState.StateName));
            }

            var remaining = batch.Count;
            await Task.WhenAll(Enumerable.Range(0, Math.Min(_workers, batch.Count)).Select(_ => Task.Run(async () =>
            {
                while (Interlocked.Decrement(ref remaining) >= 0)
                {
                    using var connection = _storage.GetConnection();
                    using var fetched = connection.FetchNextJob(["default"], CancellationToken.None);
                    var (rowId, retry) = batch[fetched.JobId];
                    await RunAsync(sender, clock, fetched.JobId, rowId, retry);
                    fetched.RemoveFromQueue();
                }
            })));
            ran += batch.Count;
            JobsRun += batch.Count;
        }

        return ran;
    }

    /// <summary>What the host's Hangfire server does on its own: merge the counters and delete expired jobs, counters and lists.</summary>
    private void ExpireFinishedJobs()
    {
        _counters.Execute(CancellationToken.None);
        _expiration.Execute(CancellationToken.None);
    }

    public void Dispose() => _storage.Dispose();

    private async Task RunAsync(SectionSender sender, ManualClock clock, string jobId, long rowId, int retry)
    {
        try
        {
            var outcome = await sender.SendAsync(rowId);
            if (outcome.Result == SendResult.Busy)
            {
                lock (_due)
                {
                    Schedule(rowId, outcome.RetryAt!.Value.AddSeconds(1), 0);
                }
            }

            Guard(() => _client.ChangeState(jobId, new SucceededState(null, 0, 0), EnqueuedState.StateName));
        }
        catch (PostException) when (retry < 10)
        {
            // As SectionJob's [AutomaticRetry] does in the host: the same job is scheduled again (it is never left Failed).
            var retryAt = clock.GetUtcNow().AddSeconds(30 * (retry + 1));
            Guard(() => _client.ChangeState(jobId, new ScheduledState(retryAt.UtcDateTime) { Reason = $"Retry attempt {retry + 1}" }, EnqueuedState.StateName));
            lock (_due)
            {
                _due.Enqueue((jobId, rowId, retry + 1), retryAt);
            }
        }
    }

    private void Schedule(long rowId, DateTimeOffset runAt, int retry)
    {
        var job = Job.FromExpression<SectionJob>(j => j.RunAsync(rowId, CancellationToken.None));
        var jobId = Guard(() => _client.Create(job, new ScheduledState(runAt.UtcDateTime)));
        JobsCreated++;
        if (long.TryParse(jobId, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > Interlocked.Read(ref _lastJobId))
        {
            Interlocked.Exchange(ref _lastJobId, number);
        }

        _due.Enqueue((jobId, rowId, retry), runAt);
    }

    private T Guard<T>(Func<T> storageCall)
    {
        try
        {
            return storageCall();
        }
        catch (Exception ex) when (ex is DistributedLockTimeoutException || ex.Message.Contains("locked", StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _lockErrors);
            Console.Error.WriteLine($"lock error: {ex.GetType().Name}: {ex.Message}");
            throw;
        }
    }

    private void Guard(Action storageCall) => Guard(() =>
    {
        storageCall();
        return 0;
    });
}
