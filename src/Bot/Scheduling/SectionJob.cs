using Bot.Posting;
using Hangfire;

namespace Bot.Scheduling;

/// <summary>The Hangfire job that sends one ledger row. Its only argument is the row id.</summary>
public sealed class SectionJob
{
    private readonly SectionSender _sender;
    private readonly ISectionJobQueue _queue;

    /// <summary>Creates the job.</summary>
    public SectionJob(SectionSender sender, ISectionJobQueue queue)
    {
        _sender = sender;
        _queue = queue;
    }

    /// <summary>
    /// Sends the row. Eight retries with Hangfire's growing delays (about 1.5 hours in all) ride out outages and rate limits;
    /// a permanent failure is recorded and fails the job at once.
    /// </summary>
    [AutomaticRetry(Attempts = 8, ExceptOn = [typeof(PermanentPostFailureException)])]
    [JobDisplayName("Post section (ledger row {0})")]
    public async Task RunAsync(long ledgerRowId, CancellationToken ct)
    {
        var outcome = await _sender.SendAsync(ledgerRowId, ct);
        switch (outcome.Result)
        {
            case SendResult.Busy:
                // Another host holds the row; look again when its claim runs out (it will usually have sent it).
                _queue.Enqueue(ledgerRowId, outcome.RetryAt!.Value.AddSeconds(1));
                break;
            case SendResult.Failed:
                await QueueNextAsync(ledgerRowId, ct);
                throw new PermanentPostFailureException($"ledger row {ledgerRowId} failed permanently; see the log and the post_ledger row");
            default:
                await QueueNextAsync(ledgerRowId, ct);
                break;
        }
    }

    private async Task QueueNextAsync(long ledgerRowId, CancellationToken ct)
    {
        // Back-to-back sections follow each other at once instead of waiting for their next look (a duplicate job is harmless).
        if (await _sender.NextDueSectionAsync(ledgerRowId, ct) is { } next)
        {
            _queue.Enqueue(next, DateTimeOffset.MinValue);
        }
    }
}
