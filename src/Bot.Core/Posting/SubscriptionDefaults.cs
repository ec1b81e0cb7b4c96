namespace Bot.Core;

/// <summary>What <c>/subscribe</c> uses for options the user leaves out.</summary>
/// <param name="TimeZone">IANA zone, from <c>Bot:TimeZone</c>.</param>
public sealed record SubscriptionDefaults(string Cron = "0 9 * * MON", string TimeZone = "Asia/Seoul", int EntriesPerSection = 5, int MaxEntriesPerSection = 10);
