using Bot.Posting;
using Hangfire;

namespace Bot.Scheduling;

/// <summary>Queues section jobs on Hangfire through the injected <see cref="IBackgroundJobClient"/>.</summary>
internal sealed class HangfireSectionJobQueue : ISectionJobQueue
{
    private readonly IBackgroundJobClient _client;
    private readonly TimeProvider _time;

    public HangfireSectionJobQueue(IBackgroundJobClient client, TimeProvider time)
    {
        _client = client;
        _time = time;
    }

    public void Enqueue(long ledgerRowId, DateTimeOffset runAt)
    {
        if (runAt <= _time.GetUtcNow())
        {
            _client.Enqueue<SectionJob>(job => job.RunAsync(ledgerRowId, CancellationToken.None));
        }
        else
        {
            _client.Schedule<SectionJob>(job => job.RunAsync(ledgerRowId, CancellationToken.None), runAt);
        }
    }
}
