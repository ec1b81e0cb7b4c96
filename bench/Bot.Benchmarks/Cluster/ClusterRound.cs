using System.Globalization;
using Bot.TestSupport.FakeDiscord;

namespace Bot.Benchmarks.Cluster;

/// <summary>A post_ledger row of the round: its state, slot, the message it became, and which host sent it.</summary>
internal sealed record LedgerRow(long Id, string State, DateTimeOffset DueAt, string? MessageId, long Attempts, string? ClaimedBy);

/// <summary>One digest posted to every subscription by a cluster of <see cref="Hosts"/>: what the fake Discord and the ledger saw.</summary>
internal sealed record ClusterRound(
    string Label,
    int Hosts,
    int Sent,
    int Messages,
    int Duplicates,
    int TooManyRequests,
    int GlobalTooManyRequests,
    TimeSpan IngestToDue,
    TimeSpan DueSpread,
    TimeSpan Total,
    TimeSpan Sending,
    double PostsPerSecond,
    TimeSpan P50,
    TimeSpan P99,
    TimeSpan Max,
    long Jobs,
    int SendingHosts)
{
    public const string Header = "hosts | round | sent | msgs | dup | 429s (global) | ingest->due | due spread | due->last | total | posts/s | latency p50 / p99 / max | hangfire jobs | hosts that sent";

    public static ClusterRound Measure(string label, int hosts, DateTimeOffset written, List<LedgerRow> rows, List<FakeDiscordMessage> messages, List<FakeDiscordRequest> requests, long jobs)
    {
        var sent = rows.Where(r => r.State == "sent" && r.MessageId is not null).ToList();
        var byId = messages.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var latencies = sent.Where(r => byId.ContainsKey(r.MessageId!)).Select(r => byId[r.MessageId!].At - r.DueAt).Order().ToList();

        // A duplicate is a second message carrying the same post: same channel, same nonce (the ledger key's), or a message
        // no sent ledger row points at.
        var distinct = messages.Select(m => (m.ChannelId, m.Nonce ?? m.Id)).Distinct().Count();
        var orphans = messages.Count(m => !sent.Any(r => r.MessageId == m.Id));
        var firstDue = rows.Count == 0 ? written : rows.Min(r => r.DueAt);
        var last = messages.Count == 0 ? written : messages.Max(m => m.At);
        var sending = last - firstDue;
        var tooMany = requests.Where(r => r.Status == 429).ToList();
        return new ClusterRound(
            label, hosts, sent.Count, messages.Count, Math.Max(messages.Count - distinct, orphans), tooMany.Count,
            tooMany.Count(r => r.Bucket == "global"), firstDue - written, (rows.Count == 0 ? firstDue : rows.Max(r => r.DueAt)) - firstDue, last - written, sending,
            sending > TimeSpan.Zero ? sent.Count / sending.TotalSeconds : 0,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Count == 0 ? TimeSpan.Zero : latencies[^1], jobs,
            sent.Select(r => HostOf(r.ClaimedBy)).Distinct().Count());
    }

    /// <summary>What Discord's limits allow at best: the global 50 per 1 s window, and 5 per 5 s in each channel.</summary>
    public static TimeSpan Minimum(int channels, int sections)
    {
        var global = TimeSpan.FromSeconds(Math.Ceiling(channels * sections / 50.0) - 1);
        var perChannel = TimeSpan.FromSeconds((Math.Ceiling(sections / 5.0) - 1) * 5);
        return global > perChannel ? global : perChannel;
    }

    public string Row(int channels, int sections) => string.Create(CultureInfo.InvariantCulture,
        $"{Hosts,5} | {Label} | {Sent,4}/{channels * sections} | {Messages,4} | {Duplicates,3} | {TooManyRequests,4} ({GlobalTooManyRequests}) | {IngestToDue.TotalSeconds,5:0.00} s | {DueSpread.TotalSeconds,5:0.00} s | {Sending.TotalSeconds,6:0.00} s | {Total.TotalSeconds,6:0.00} s | {PostsPerSecond,6:0.0} | {P50.TotalSeconds:0.00} / {P99.TotalSeconds:0.00} / {Max.TotalSeconds:0.00} s | {Jobs,5} | {SendingHosts}");

    private static string HostOf(string? claimedBy)
    {
        // Owner is "machine/pid/guid": the process is the host.
        var parts = (claimedBy ?? "?").Split('/');
        return parts.Length >= 2 ? parts[0] + "/" + parts[1] : parts[0];
    }

    private static TimeSpan Percentile(List<TimeSpan> sorted, double p)
        => sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
