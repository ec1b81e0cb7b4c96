using System.Diagnostics.Metrics;
using Bot.Library.Ingestion;

namespace Bot.Library.Diagnostics;

/// <summary>The Library's instruments (ingest, search) on the <c>Bot</c> meter; Core's <c>BotMetrics</c> holds the rest.</summary>
internal static class LibraryMetrics
{
    private static readonly Meter Meter = new("Bot");
    private static readonly Counter<long> Ingested = Meter.CreateCounter<long>("bot.ingest.sources", "{source}", "Sources read by ingestion, by outcome (added, updated, unchanged, failed, skipped)");
    private static readonly Histogram<double> SearchDuration = Meter.CreateHistogram<double>("bot.search.duration", "s", "Time to answer one search");

    public static void Record(IngestReport report)
    {
        foreach (var group in report.Files.GroupBy(f => f.Outcome))
        {
            Record(group.Key, group.Count());
        }
    }

    public static void Record(IngestOutcome outcome, int count = 1)
        => Ingested.Add(count, new KeyValuePair<string, object?>("outcome", outcome.ToString().ToLowerInvariant()));

    public static void SearchCompleted(TimeSpan elapsed) => SearchDuration.Record(elapsed.TotalSeconds);
}
