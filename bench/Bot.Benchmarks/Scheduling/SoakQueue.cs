using Bot.Core.Posting;
using Bot.Posting;
using Bot.Scheduling;

namespace Bot.Benchmarks.Scheduling;

/// <summary>The job queue on the manual clock: jobs in time order, retried after a delay when they throw.</summary>
internal sealed class SoakQueue : ISoakQueue
{
    private readonly PriorityQueue<(long RowId, int Retry), DateTimeOffset> _jobs = new();

    public int Count => _jobs.Count;

    public void Enqueue(long ledgerRowId, DateTimeOffset runAt) => _jobs.Enqueue((ledgerRowId, 0), runAt);

    public void Clear() => _jobs.Clear();

    public void Restart() => Clear();

    public DateTimeOffset? NextAt => _jobs.TryPeek(out _, out var at) ? at : null;

    public async Task<int> RunUntilAsync(SectionSender sender, ManualClock clock, DateTimeOffset until)
    {
        var ran = 0;
        while (_jobs.TryPeek(out var job, out var at) && at <= until)
        {
            _jobs.Dequeue();
            clock.MoveTo(at);
            ran++;
            try
            {
                var outcome = await sender.SendAsync(job.RowId);
                if (outcome.Result == SendResult.Busy)
                {
                    _jobs.Enqueue(job, outcome.RetryAt!.Value.AddSeconds(1));
                }
            }
            catch (PostException) when (job.Retry < 10)
            {
                _jobs.Enqueue((job.RowId, job.Retry + 1), clock.GetUtcNow().AddSeconds(30 * (job.Retry + 1)));
            }
        }

        return ran;
    }
}
