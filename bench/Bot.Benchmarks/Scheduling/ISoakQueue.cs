using Bot.Posting;
using Bot.Scheduling;

namespace Bot.Benchmarks.Scheduling;

/// <summary>The soak's job queue: in memory (<see cref="SoakQueue"/>) or through Hangfire.Storage.SQLite (<see cref="HangfireSoakQueue"/>).</summary>
internal interface ISoakQueue : ISectionJobQueue
{
    DateTimeOffset? NextAt { get; }

    /// <summary>A stop and a start of the host.</summary>
    void Restart();

    Task<int> RunUntilAsync(SectionSender sender, ManualClock clock, DateTimeOffset until);
}
