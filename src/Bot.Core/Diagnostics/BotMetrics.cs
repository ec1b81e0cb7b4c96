using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Bot.Core.Diagnostics;

/// <summary>
/// The host's instruments on the <c>Bot</c> meter (posting, rate limits, interactions). The Library declares its own
/// (ingest, search) on a meter of the same name, since it sits below Core; an exporter subscribes to the name, so both
/// come out together. Static, like the runtime's own meters: the instruments are process-wide and cost nothing unheard.
/// </summary>
public static class BotMetrics
{
    /// <summary>The one meter name every instrument of the bot uses.</summary>
    public const string MeterName = "Bot";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> PostsSent = Meter.CreateCounter<long>("bot.posts.sent", "{post}", "Sections posted and recorded in the ledger");
    private static readonly Counter<long> PostsFailed = Meter.CreateCounter<long>("bot.posts.failed", "{post}", "Sections that failed for good (a permanent error)");
    private static readonly Counter<long> PostsRetried = Meter.CreateCounter<long>("bot.posts.retried", "{post}", "Attempts that failed transiently and were given back for a retry");
    private static readonly Counter<long> PostsUncertain = Meter.CreateCounter<long>("bot.posts.uncertain", "{post}", "Sections left uncertain: an earlier attempt may have landed and the target cannot be searched");
    private static readonly Counter<long> RateLimited = Meter.CreateCounter<long>("bot.ratelimit.hits", "{response}", "429 answers from a platform");
    private static readonly Histogram<double> RateLimitWait = Meter.CreateHistogram<double>("bot.ratelimit.wait", "s", "Time a request waited on a rate limit before it could be sent");
    private static readonly Histogram<double> InteractionDuration = Meter.CreateHistogram<double>("bot.interaction.duration", "s", "From a command's arrival to its reply being ready");

    /// <summary>A section was posted (or found posted) and recorded.</summary>
    public static void PostSent(string platform, string subscription) => PostsSent.Add(1, Platform(platform), Subscription(subscription));

    /// <summary>A section failed for good.</summary>
    public static void PostFailed(string platform, string subscription) => PostsFailed.Add(1, Platform(platform), Subscription(subscription));

    /// <summary>An attempt failed transiently and will be retried.</summary>
    public static void PostRetried(string platform, string subscription) => PostsRetried.Add(1, Platform(platform), Subscription(subscription));

    /// <summary>A section was left uncertain for the operator to check.</summary>
    public static void PostUncertain(string platform, string subscription) => PostsUncertain.Add(1, Platform(platform), Subscription(subscription));

    /// <summary>A platform answered 429.</summary>
    public static void RateLimitHit(string platform) => RateLimited.Add(1, Platform(platform));

    /// <summary>A request waited <paramref name="waited"/> on a rate limit (pacing, a closed bucket, a 429's retry-after).</summary>
    public static void RateLimitWaited(string platform, TimeSpan waited)
    {
        if (waited > TimeSpan.Zero)
        {
            RateLimitWait.Record(waited.TotalSeconds, Platform(platform));
        }
    }

    /// <summary>A command's reply took <paramref name="elapsed"/> to be ready.</summary>
    public static void InteractionCompleted(string platform, string command, TimeSpan elapsed)
        => InteractionDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("platform", platform), new KeyValuePair<string, object?>("command", command));

    /// <summary>Runs <paramref name="work"/> and records its duration as a <paramref name="command"/> interaction on <paramref name="platform"/>.</summary>
    public static async Task<T> TimeInteractionAsync<T>(string platform, string command, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            InteractionCompleted(platform, command, Stopwatch.GetElapsedTime(started));
        }
    }

    private static KeyValuePair<string, object?> Platform(string platform) => new("platform", platform);

    // Subscriptions come from the operator's settings and /subscribe (capped per channel), so the label stays bounded.
    private static KeyValuePair<string, object?> Subscription(string subscription) => new("subscription", subscription);
}
