using System.Diagnostics;
using System.Net;

namespace Bot.Benchmarks;

/// <summary>A closed-loop HTTP load: each worker sends a request and waits for its answer, until the time is up.</summary>
internal static class HttpLoad
{
    /// <summary>
    /// Runs <paramref name="concurrency"/> workers against <paramref name="client"/> for <paramref name="duration"/>;
    /// worker w sends <paramref name="create"/>(w), (w + concurrency), … A non-200 answer or an empty body is an error.
    /// </summary>
    public static async Task<HttpLoadResult> RunAsync(HttpClient client, int concurrency, TimeSpan duration, Func<int, HttpRequestMessage> create)
    {
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>(1 << 16);
            for (var i = worker; Stopwatch.GetTimestamp() < deadline; i += concurrency)
            {
                using var request = create(i);
                var begin = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK || body.Length == 0)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new HttpLoadResult(all.Length, all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), all.Length == 0 ? 0 : all[^1], errors);
    }

    /// <summary>The nearest-rank percentile <paramref name="p"/> (0–1) of ascending <paramref name="sorted"/>; 0 when empty.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>What one <see cref="HttpLoad.RunAsync"/> measured (latencies in milliseconds).</summary>
internal sealed record HttpLoadResult(int Requests, double PerSecond, double P50, double P99, double Max, int Errors);
