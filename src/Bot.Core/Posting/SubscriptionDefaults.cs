namespace Bot.Core.Posting;

/// <summary>What <c>/subscribe</c> uses for options the user leaves out.</summary>
/// <param name="TimeZone">IANA zone, from <c>Bot:TimeZone</c>.</param>
public sealed record SubscriptionDefaults(string Cron = "0 9 * * MON", string TimeZone = "Asia/Seoul", int EntriesPerSection = 5, int MaxEntriesPerSection = 10)
{
    /// <summary>Chat-created subscriptions one channel may hold (issue 13 made 300 from one channel in 1.6 s).</summary>
    public int MaxPerChannel { get; init; } = 10;

    /// <summary>Chat-created subscriptions one Discord server or Slack workspace may hold, over all its channels.</summary>
    public int MaxPerGuild { get; init; } = 50;

    /// <summary>The shortest gap between two posts a chat-created cron may ask for; <c>* * * * *</c> is refused.</summary>
    public TimeSpan MinCronInterval { get; init; } = TimeSpan.FromHours(1);
}
