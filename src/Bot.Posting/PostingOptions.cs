namespace Bot.Posting;

/// <summary>
/// The settings the posting rules read, and nothing of Hangfire, storage or the dashboard. The host binds it from the same
/// <c>Bot</c> section as its own options (so the keys are the ones the README names) and validates them there at start.
/// </summary>
public sealed class PostingOptions
{
    /// <summary><c>Bot:TimeZone</c>: default IANA time zone of subscriptions.</summary>
    public string TimeZone { get; set; } = "Asia/Seoul";

    /// <summary><c>Bot:Subscriptions</c>.</summary>
    public List<SubscriptionOptions> Subscriptions { get; set; } = [];

    /// <summary>The posting part of <c>Bot:Scheduling</c>.</summary>
    public PostingScheduleOptions Scheduling { get; set; } = new();
}
