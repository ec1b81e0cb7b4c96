using Bot.Posting;
using Hangfire;

namespace Bot.Scheduling;

/// <summary>
/// The dashboard's "retry-failed-posts" recurring job (<see cref="LedgerRetry.JobId"/>): it never runs by itself; the
/// operator triggers it, and every failed row goes back on the queue through <see cref="LedgerRetry"/>.
/// </summary>
public sealed class RetryFailedPostsJob
{
    private readonly LedgerRetry _retry;

    /// <summary>Creates the job.</summary>
    public RetryFailedPostsJob(LedgerRetry retry) => _retry = retry;

    /// <summary>Sends every failed row again; no automatic retry, the operator decides when to try again.</summary>
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Retry failed posts")]
    public Task RunAsync(CancellationToken ct) => _retry.RetryFailedAsync(ct);
}
