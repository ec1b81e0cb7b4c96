namespace Bot.Posting;

/// <summary>Runs the section job of a ledger row at a time (Hangfire in the host; a fake clock's queue in tests).</summary>
public interface ISectionJobQueue
{
    /// <summary>Runs the row's section job at <paramref name="runAt"/>, or as soon as possible when that has passed.</summary>
    void Enqueue(long ledgerRowId, DateTimeOffset runAt);
}
