using System.Diagnostics;
using System.Globalization;
using Bot.Library;
using Bot.Library.Search;
using Bot.Library.Storage;

namespace Bot.Benchmarks.Library;

/// <summary>
/// <c>library-cold DATA_DIR [ARXIV_IDS_FILE]</c>: what the 200 benchmark queries cost before the search cache is warm
/// (after a start or an ingest): one pass on a fresh library (each common word's bitmap is built by the first query
/// that needs it), then each query on its own fresh library (every query builds all its bitmaps), then each query with no
/// cache at all (no bitmaps, a fresh engine per query: what search would cost without <c>MatchCache</c>'s memory).
/// </summary>
internal static class LibraryColdHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var arxiv = args.Length > 1 && File.Exists(args[1]) ? await File.ReadAllLinesAsync(args[1]) : [];
        var queries = BenchQueries.Create(arxiv);
        var database = new BotDatabase(args[0]);

        // Warms SQLite's and the OS's page caches, not the search cache (which belongs to this library instance only).
        var warm = new DigestLibrary(database);
        foreach (var query in queries)
        {
            await warm.SearchAsync(new SearchRequest(query));
        }

        foreach (var perQuery in new[] { false, true })
        {
            var shared = new DigestLibrary(database);
            var times = new List<(double Ms, string Query)>();
            var cpu = new List<double>();
            foreach (var query in queries)
            {
                var library = perQuery ? new DigestLibrary(database) : shared;
                var threadCpu = ThreadCpu.Milliseconds();
                var watch = Stopwatch.StartNew();
                await library.SearchAsync(new SearchRequest(query));
                times.Add((watch.Elapsed.TotalMilliseconds, query));
                cpu.Add(ThreadCpu.Milliseconds() - threadCpu);
            }

            var sorted = times.Select(t => t.Ms).Order().ToList();
            cpu.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(perQuery ? "empty cache before each query" : "first pass on a fresh library")}: total {sorted.Sum():0.0} ms, p50 {sorted[(sorted.Count / 2) - 1]:0.000} ms, p99 {sorted[(int)Math.Ceiling(sorted.Count * 0.99) - 1]:0.000} ms, max {sorted[^1]:0.000} ms; "
                + $"thread CPU p50 {cpu[(cpu.Count / 2) - 1]:0.000} ms, p99 {cpu[(int)Math.Ceiling(cpu.Count * 0.99) - 1]:0.000} ms (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})"));
            foreach (var (ms, query) in times.OrderByDescending(t => t.Ms).Take(5))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  slow: {ms:0.000} ms  {query}"));
            }
        }

        using var connection = database.Open();
        foreach (var pass in new[] { "no cache (no bitmaps, fresh engine per query), pass 1", "no cache, pass 2" })
        {
            var times = new List<double>();
            foreach (var query in queries)
            {
                var engine = new SearchEngine((_, _) => null, commonDf: int.MaxValue);
                var watch = Stopwatch.StartNew();
                engine.Search(connection, new SearchRequest(query));
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            var sorted = times.Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{pass}: total {sorted.Sum():0.0} ms, p50 {sorted[(sorted.Count / 2) - 1]:0.000} ms, p99 {sorted[(int)Math.Ceiling(sorted.Count * 0.99) - 1]:0.000} ms, max {sorted[^1]:0.000} ms (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})"));
        }

        return 0;
    }
}
