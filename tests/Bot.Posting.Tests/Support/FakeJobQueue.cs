using Bot.Core.Posting;
using Bot.Posting;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Posting.Tests.Support;

/// <summary>
/// Stands in for Hangfire on a fake clock: holds (row, time) jobs, runs them in time order, and retries a job that
/// throws after a growing delay, as <c>[AutomaticRetry]</c> would. <see cref="Clear"/> loses every job, like a stopped in-memory host.
/// </summary>
internal sealed class FakeJobQueue : ISectionJobQueue
{
    private readonly List<(long RowId, DateTimeOffset At, int Retry)> _jobs = [];

    public int Count => _jobs.Count;

    public int GaveUp { get; private set; }

    public IReadOnlyList<(long RowId, DateTimeOffset At)> Jobs => _jobs.Select(j => (j.RowId, j.At)).ToList();

    public void Enqueue(long ledgerRowId, DateTimeOffset runAt) => _jobs.Add((ledgerRowId, runAt, 0));

    public void Clear() => _jobs.Clear();

    /// <summary>Runs every job due up to <paramref name="until"/>, moving the clock to each job's time; stops early after <paramref name="maxJobs"/>.</summary>
    public async Task<int> RunUntilAsync(SectionSender sender, FakeTimeProvider time, DateTimeOffset until, int maxRetries = 10, int maxJobs = int.MaxValue)
    {
        var ran = 0;
        while (ran < maxJobs && _jobs.Count > 0)
        {
            var next = _jobs.OrderBy(j => j.At).ThenBy(j => j.RowId).First();
            if (next.At > until)
            {
                break;
            }

            _jobs.Remove(next);
            if (next.At > time.GetUtcNow())
            {
                time.SetUtcNow(next.At);
            }

            ran++;
            try
            {
                var outcome = await sender.SendAsync(next.RowId);
                if (outcome.Result == SendResult.Busy)
                {
                    _jobs.Add((next.RowId, outcome.RetryAt!.Value.AddSeconds(1), next.Retry));
                }
            }
            catch (PostException) when (next.Retry < maxRetries)
            {
                _jobs.Add((next.RowId, time.GetUtcNow().AddSeconds(15 * (next.Retry + 1) * (next.Retry + 1)), next.Retry + 1));
            }
            catch (PostException)
            {
                GaveUp++;
            }
        }

        if (ran < maxJobs && time.GetUtcNow() < until)
        {
            time.SetUtcNow(until);
        }

        return ran;
    }
}
