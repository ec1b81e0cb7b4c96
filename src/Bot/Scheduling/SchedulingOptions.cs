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
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// On start, a subscription that has never posted anything sends the newest digest at once:
    /// <c>Console</c> (the default: only console targets, so a new user sees the loop), <c>All</c>, or <c>None</c>.
    /// </summary>
    public string PostOnFirstStart { get; set; } = "Console";

    /// <summary>How long a host holds a claimed section before another may take it over (longer than a post can take).</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often Hangfire looks for scheduled sections that fell due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Hangfire workers in this host: section jobs that run at once (a waiting section holds one while it waits its turn).</summary>
    public int Workers { get; set; } = 8;
}
