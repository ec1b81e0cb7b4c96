using System.Diagnostics;
using System.Globalization;
using Bot.Library;
using Bot.Library.Search;
using Bot.Library.Storage;
using Microsoft.Data.Sqlite;

namespace Bot.Benchmarks.Library;

/// <summary>
/// <c>library [--digests N] [--dir DIR]</c>: generates the corpus, measures ingest throughput (storage only, and
/// end to end from Markdown files through the parser), then runs <c>library-query</c> in a fresh process for
/// search latency beside raw FTS5 MATCH, and peak memory with the corpus open and queried.
/// </summary>
internal static class LibraryHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var digests = BenchArgs.Integer(args, "--digests", 2000);
        var dir = BenchArgs.Text(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "bot-library-bench");
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Directory.CreateDirectory(dir);
        Console.WriteLine($"library benchmark: {digests} digests in {dir} ({Environment.ProcessorCount} cores, .NET {Environment.Version})");
        var corpus = new LibraryCorpus().Generate(digests).ToList();
        var entries = corpus.Sum(c => c.Digest.Entries.Count());
        Console.WriteLine($"corpus: {corpus.Count} digests, {entries} entries, {corpus.Sum(c => c.Markdown.Length) / 1024 / 1024} MiB of Markdown");

        // 1. Storage only: the parsed model straight into SQLite (one transaction per digest).
        var storeDir = Path.Combine(dir, "store");
        var library = new DigestLibrary(new BotDatabase(storeDir));
        await library.SearchAsync(new SearchRequest("warm-up"));
        var cpu = Cpu();
        var watch = Stopwatch.StartNew();
        var stored = await library.StoreDigestsAsync(corpus.Select(c => c.Digest));
        watch.Stop();
        cpu = Cpu() - cpu;
        if (stored.Failed > 0)
        {
            Console.WriteLine($"store failures: {stored.Failed}: {stored.Files.First(f => f.Error is not null).Error}");
        }

        Report("ingest (store only)", entries, watch.Elapsed, cpu);

        // 2. End to end: Markdown files -> read -> DigestParser -> SQLite.
        var mdDir = Path.Combine(dir, "md");
        Directory.CreateDirectory(mdDir);
        foreach (var item in corpus)
        {
            await File.WriteAllTextAsync(Path.Combine(mdDir, item.FileName), item.Markdown);
        }

        var endToEndDir = Path.Combine(dir, "e2e");
        var e2e = new DigestLibrary(new BotDatabase(endToEndDir));
        await e2e.SearchAsync(new SearchRequest("warm-up"));
        cpu = Cpu();
        watch.Restart();
        var report = await e2e.IngestAsync([mdDir]);
        watch.Stop();
        cpu = Cpu() - cpu;
        if (report.Failed == report.Files.Count)
        {
            Console.WriteLine($"ingest (end to end): parser not available ({report.Files[0].Error})");
        }
        else
        {
            var count = await CountEntriesAsync(endToEndDir);
            Report($"ingest (end to end, {report.Added} added, {report.Failed} failed)", count, watch.Elapsed, cpu);
            watch.Restart();
            var again = await e2e.IngestAsync([mdDir]);
            watch.Stop();
            Console.WriteLine($"re-ingest unchanged: {again.Unchanged} unchanged in {watch.Elapsed.TotalSeconds:0.00} s");
        }

        var arxiv = corpus.SelectMany(c => c.Digest.Entries).Select(e => e.PrimaryReference?.ArxivId).OfType<string>().Distinct().Take(2000).ToList();
        await File.WriteAllLinesAsync(Path.Combine(dir, "arxiv.txt"), arxiv);
        corpus.Clear();
        SqliteConnection.ClearAllPools();

        // 3. Latency and memory in a fresh process, so the generated corpus does not count.
        return await RunChildAsync(["library-query", storeDir, Path.Combine(dir, "arxiv.txt")]);
    }

    private static async Task<long> CountEntriesAsync(string dataDir)
    {
        var database = new BotDatabase(dataDir);
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM entries";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static void Report(string what, long entries, TimeSpan elapsed, TimeSpan cpu)
        => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {entries} entries in {elapsed.TotalSeconds:0.00} s = {entries / elapsed.TotalSeconds:N0} entries/s (process CPU {cpu.TotalSeconds:0.00} s; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})"));

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static async Task<int> RunChildAsync(string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(LibraryHarness).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }
}
