using Bot.Posting;

namespace Bot.Scheduling;

/// <summary>The parts of the <c>Bot</c> section that scheduling reads and validates at start.</summary>
public sealed class BotScheduleOptions
{
    /// <summary>Default IANA time zone of subscriptions.</summary>
    public string TimeZone { get; set; } = "Asia/Seoul";

    /// <summary><c>Bot:Subscriptions</c>.</summary>
    public List<SubscriptionOptions> Subscriptions { get; set; } = [];

    /// <summary><c>Bot:Scheduling</c>.</summary>
    public SchedulingOptions Scheduling { get; set; } = new();

    /// <summary><c>Bot:Discord</c> (only the token matters here).</summary>
    public TokenOptions Discord { get; set; } = new();

    /// <summary><c>Bot:Slack</c> (only the token matters here).</summary>
    public TokenOptions Slack { get; set; } = new();

    /// <summary><c>Bot:Dashboard</c>.</summary>
    public DashboardOptions Dashboard { get; set; } = new();
}
