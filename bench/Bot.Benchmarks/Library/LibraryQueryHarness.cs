using System.Diagnostics;
using System.Globalization;
using Bot.Library;
using Bot.Library.Search;
using Bot.Library.Storage;

namespace Bot.Benchmarks.Library;

/// <summary><c>library-query DATA_DIR [ARXIV_IDS_FILE]</c>: p50/p99 of 200 mixed queries (ours and raw FTS5 MATCH) and peak memory.</summary>
internal static class LibraryQueryHarness
{
    private const int Passes = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var dataDir = args[0];
        var arxiv = args.Length > 1 && File.Exists(args[1]) ? await File.ReadAllLinesAsync(args[1]) : [];
        var queries = BenchQueries.Create(arxiv);
        var database = new BotDatabase(dataDir);
        var library = new DigestLibrary(database);

        var ours = new List<double>();
        var oursThreadCpu = new List<double>();
        var raw = new List<double>();
        var totals = 0L;
        using var connection = database.Open();
        using var rawCommand = connection.CreateCommand();
        rawCommand.CommandText = "SELECT rowid FROM entry_fts WHERE entry_fts MATCH @q ORDER BY rank LIMIT 10";
        var parameter = rawCommand.Parameters.Add("@q", Microsoft.Data.Sqlite.SqliteType.Text);
        var process = Process.GetCurrentProcess();
        var parsed = queries.Select(q => FtsQuery.Parse(q)).ToList();
        TimeSpan oursCpu = TimeSpan.Zero, rawCpu = TimeSpan.Zero;
        for (var pass = 0; pass <= Passes; pass++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            foreach (var query in queries)
            {
                var thread = Environment.CurrentManagedThreadId;
                var threadCpu = ThreadCpu.Milliseconds();
                var watch = Stopwatch.StartNew();
                var response = await library.SearchAsync(new SearchRequest(query));
                watch.Stop();
                // The search completes synchronously on this thread; were it to hop, its CPU would not be this thread's.
                threadCpu = thread == Environment.CurrentManagedThreadId ? ThreadCpu.Milliseconds() - threadCpu : double.NaN;
                totals += response.Total;
                if (pass > 0)
                {
                    ours.Add(watch.Elapsed.TotalMilliseconds);
                    oursThreadCpu.Add(threadCpu);
                }
            }

            process.Refresh();
            oursCpu += pass > 0 ? process.TotalProcessorTime - cpu : TimeSpan.Zero;
            cpu = process.TotalProcessorTime;
            foreach (var fts in parsed)
            {
                var rawWatch = Stopwatch.StartNew();
                if (!fts.IsEmpty)
                {
                    parameter.Value = fts.All;
                    using var reader = rawCommand.ExecuteReader();
                    while (reader.Read())
                    {
                    }
                }

                rawWatch.Stop();
                if (pass > 0)
                {
                    raw.Add(rawWatch.Elapsed.TotalMilliseconds);
                }
            }

            process.Refresh();
            rawCpu += pass > 0 ? process.TotalProcessorTime - cpu : TimeSpan.Zero;
        }

        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"search ({queries.Count} queries x {Passes} passes, limit 10, {totals / (Passes + 1) / queries.Count} avg total hits):"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ours:        p50 {Percentile(ours, 0.50):0.000} ms, p99 {Percentile(ours, 0.99):0.000} ms, max {ours.Max():0.000} ms, mean CPU {oursCpu.TotalMilliseconds / ours.Count:0.000} ms/query"));
        var cpuSamples = oursThreadCpu.Where(double.IsFinite).ToList();
        if (cpuSamples.Count > 0)
        {
            // Per-query CPU of the searching thread: what the wall-clock tail would be without neighbours taking the cores.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ours CPU:    p50 {Percentile(cpuSamples, 0.50):0.000} ms, p99 {Percentile(cpuSamples, 0.99):0.000} ms, max {cpuSamples.Max():0.000} ms (thread CPU time per query, {cpuSamples.Count} samples)"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  raw MATCH:   p50 {Percentile(raw, 0.50):0.000} ms, p99 {Percentile(raw, 0.99):0.000} ms, max {raw.Max():0.000} ms, mean CPU {rawCpu.TotalMilliseconds / raw.Count:0.000} ms/query"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  (raw MATCH = SELECT rowid FROM entry_fts WHERE entry_fts MATCH <same expression> ORDER BY rank LIMIT 10; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory: peak working set {process.PeakWorkingSet64 / 1024.0 / 1024.0:0.0} MiB, managed heap {GC.GetTotalMemory(false) / 1024.0 / 1024.0:0.0} MiB, db {new FileInfo(database.FilePath).Length / 1024.0 / 1024.0:0.0} MiB"));
        if (!args.Contains("--quiet"))
        {
            var slow = queries.Select((q, i) => (Query: q, Ms: ours.Where((_, k) => k % queries.Count == i).Average(), Cpu: oursThreadCpu.Where((_, k) => k % queries.Count == i).Average()));
            foreach (var (query, ms, cpu) in slow.OrderByDescending(x => x.Cpu).Take(20))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  slow: {ms:0.000} ms (CPU {cpu:0.000} ms)  {query}"));
            }
        }

        return 0;
    }

    private static double Percentile(List<double> values, double p) => HttpLoad.Percentile([.. values.Order()], p);
}
