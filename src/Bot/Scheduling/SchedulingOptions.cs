using Bot.Posting;

namespace Bot.Scheduling;

/// <summary><c>Bot:Scheduling</c>: where Hangfire and the state live, and how start-up catches up.</summary>
public sealed class SchedulingOptions
{
    /// <summary>
    /// <c>Sqlite</c> (the default: Hangfire in <c>data/hangfire.db</c>, state in <c>data/bot.db</c>), <c>Memory</c>
    /// (Hangfire in memory; <c>InMemory</c> is accepted too) or <c>PostgreSql</c>.
    /// </summary>
    public string Storage { get; set; } = "Sqlite";

    /// <summary>The PostgreSQL connection string when <see cref="Storage"/> is <c>PostgreSql</c>.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Posts that fell due at most this long ago while the host was down are sent at start; older ones are skipped.</summary>
    public TimeSpan CatchUpWindow { get; set; } = PostingScheduleOptions.DefaultCatchUpWindow;

    /// <summary>
    /// On start, a subscription that has never posted anything sends the newest digest at once:
    /// <c>Console</c> (the default: only console targets, so a new user sees the loop), <c>All</c>, or <c>None</c>.
    /// </summary>
    public string PostOnFirstStart { get; set; } = PostingScheduleOptions.DefaultPostOnFirstStart;

    /// <summary>
    /// How long a claimed section is held without a renewal. The sending host renews it every third of this while the post
    /// is in flight, so a post slowed by rate limits keeps its claim; after a crash another host takes the row over once it
    /// runs out. 45 s: well inside Discord's nonce window ("a few minutes"), and a crashed host's row moves within a minute.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = PostingScheduleOptions.DefaultClaimLease;

    /// <summary>
    /// How long after sending a post is corrected in place when its digest changes and is ingested again (edits on
    /// Discord and Slack channels and Discord webhooks); zero turns corrections off.
    /// </summary>
    public TimeSpan CorrectionWindow { get; set; } = PostingScheduleOptions.DefaultCorrectionWindow;

    /// <summary>How often Hangfire looks for scheduled sections that fell due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Hangfire workers in this host: section jobs that run at once (a waiting section holds one while it waits its turn).</summary>
    public int Workers { get; set; } = 8;
}
