using Bot.Posting;
using Hangfire;

namespace Bot.Scheduling;

/// <summary>The recurring Hangfire job that applies corrections (<see cref="PostCorrector"/>) every five minutes.</summary>
public sealed class CorrectionsJob
{
    private readonly PostCorrector _corrector;

    /// <summary>Creates the job.</summary>
    public CorrectionsJob(PostCorrector corrector) => _corrector = corrector;

    /// <summary>Edits the posted sections whose digest changed; three retries, as an edit is safe to repeat.</summary>
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Apply corrections to posted digests")]
    public Task<int> RunAsync(CancellationToken ct) => _corrector.CorrectAsync(ct);
}
