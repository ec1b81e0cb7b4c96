using System.Diagnostics;
using System.Globalization;
using Bot.Benchmarks.Library;
using Bot.Library;
using Bot.Library.Cluster;
using Bot.Library.Search;
using Bot.Library.Storage;
using Npgsql;

namespace Bot.Benchmarks.Cluster;

/// <summary>
/// <c>cluster-search --connection CS [--digests N] [--dir DIR]</c>: the same generated corpus in a single-host SQLite library
/// and in the cluster's PostgreSQL library; search latency on one host of each (warm, 200 mixed queries), a second cluster
/// host's first catch-up (cold), and a search on another host right after each ingest (the price of consistency).
/// </summary>
internal static class ClusterSearchHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var connection = BenchArgs.Text(args, "--connection");
        if (connection is null)
        {
            Console.Error.WriteLine("cluster-search: --connection 'Host=127.0.0.1;Port=…;Database=…;Username=…' is required (an empty database)");
            return 2;
        }

        var digests = BenchArgs.Integer(args, "--digests", 2000);
        var dir = BenchArgs.Text(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "bot-cluster-search-bench");
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Console.WriteLine($"cluster search: {digests} digests ({Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Trim()})");
        var corpus = new LibraryCorpus().Generate(digests).Select(c => c.Digest).ToList();
        Console.WriteLine($"corpus: {corpus.Count} digests, {corpus.Sum(d => d.Entries.Count())} entries");
        var time = TimeProvider.System;
        await using var sourceA = NpgsqlDataSource.Create(connection);
        await using var sourceB = NpgsqlDataSource.Create(connection);
        var single = new DigestLibrary(new BotDatabase(Path.Combine(dir, "single")));
        var hostA = new DigestLibrary(new BotDatabase(Path.Combine(dir, "a")), new LibraryOptions(), null, time, null, new PostgresDigestStore(sourceA, time, "a"));
        var hostB = new DigestLibrary(new BotDatabase(Path.Combine(dir, "b")), new LibraryOptions(), null, time, null, new PostgresDigestStore(sourceB, time, "b"));

        var watch = Stopwatch.StartNew();
        await single.StoreDigestsAsync(corpus);
        Console.WriteLine($"store, SQLite alone:            {watch.Elapsed.TotalSeconds,7:0.0} s");
        watch.Restart();
        var published = await hostA.StoreDigestsAsync(corpus);
        Console.WriteLine($"store + publish, cluster host A: {watch.Elapsed.TotalSeconds,7:0.0} s ({published.Added} added, {published.Failed} failed)");
        watch.Restart();
        await hostB.SyncAsync();
        Console.WriteLine($"first catch-up, cluster host B:  {watch.Elapsed.TotalSeconds,7:0.0} s (cold: the whole library from PostgreSQL)");

        var queries = BenchQueries.Create([]);
        foreach (var (name, library) in new[] { ("SQLite, one host", single), ("PostgreSQL cluster, host B", hostB) })
        {
            foreach (var query in queries)
            {
                await library.SearchAsync(new SearchRequest(query));
            }

            var timings = new List<double>();
            for (var round = 0; round < 3; round++)
            {
                foreach (var query in queries)
                {
                    var start = Stopwatch.GetTimestamp();
                    await library.SearchAsync(new SearchRequest(query));
                    timings.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"search {name,-28} p50 {Percentile(timings, 0.50):0.000} ms, p99 {Percentile(timings, 0.99):0.000} ms ({timings.Count} queries, warm)"));
        }

        var fresh = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var probe = corpus[i] with
            {
                Id = $"probe-{i}",
                Title = "probe " + i,
                Sections = [.. corpus[i].Sections.Select(s => s with { Entries = [.. s.Entries.Select(e => e with { Id = $"probe-{i}-{e.Id}" })] })],
            };
            await hostA.StoreDigestAsync(probe);
            var start = Stopwatch.GetTimestamp();
            await hostB.SearchAsync(new SearchRequest(queries[i]));
            fresh.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"search on host B right after an ingest on host A: p50 {Percentile(fresh, 0.50):0.000} ms, max {fresh.Max():0.000} ms (pulls the new digest first)"));
        Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static double Percentile(List<double> values, double p) => HttpLoad.Percentile([.. values.Order()], p);
}
