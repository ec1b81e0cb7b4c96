using System.Diagnostics;
using System.Globalization;
using Bot.Core.Posting;
using Bot.Library.State;
using Bot.Library.Storage;
using Bot.Posting;
using Bot.Scheduling;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Benchmarks.Scheduling;

/// <summary>
/// <c>scheduling-soak</c>: a year of weekly schedules for 50 subscriptions on a manual clock, through the real planner,
/// dispatcher, sender and SQLite ledger, with a "restart" every four weeks. Samples process memory and handles weekly
/// and fails when they grow from the end of the warm-up (week 8: JIT tiers settled, SQLite caches filled) to the end.
/// </summary>
internal static class SchedulingSoak
{
    private static readonly string[] Zones = ["Asia/Seoul", "Europe/Berlin", "America/New_York", "UTC"];
    private static readonly string[] Days = ["MON", "TUE", "WED", "THU", "FRI"];
    private static readonly TimeSpan[] Spacings = [TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromDays(1)];

    public static async Task<int> RunAsync(string[] args)
    {
        var weeks = BenchArgs.Integer(args, "--weeks", 52);
        var subscriptionCount = BenchArgs.Integer(args, "--subscriptions", 50);
        var failureRate = BenchArgs.Integer(args, "--failure-rate", 10) / 100.0;
        var firstSunday = new DateTimeOffset(2026, 1, 4, 0, 0, 0, TimeSpan.Zero);
        var clock = new ManualClock(firstSunday);
        var dir = Path.Combine(Path.GetTempPath(), "bot-soak-" + Guid.NewGuid().ToString("N")[..8]);
        var database = new BotDatabase(dir);
        var options = new PostingOptions();
        var monitor = new FixedOptions(options);
        var catalog = new SoakCatalog(clock, firstSunday, weeks + 1);
        var poster = new CountingPoster(clock, failureRate, seed: 11);
        var storage = BenchArgs.Text(args, "--storage") ?? "memory";
        // --keep-jobs: never expire Hangfire's finished jobs (as the harness did before: every job of the year stays in hangfire.db).
        using var hangfire = storage == "sqlite" ? new HangfireSoakQueue(Path.Combine(dir, "hangfire.db"), workers: 8, expireJobs: !args.Contains("--keep-jobs")) : null;
        ISoakQueue queue = hangfire is null ? new SoakQueue() : hangfire;
        var services = Build(database, clock, monitor, catalog, poster, queue);
        var schedules = new List<(long Id, CronSchedule Cron, TimeZoneInfo Zone)>();
        for (var i = 0; i < subscriptionCount; i++)
        {
            var cron = $"{i % 60} {8 + (i % 4)} * * {Days[i % Days.Length]}";
            var sub = await services.Store.UpsertSubscriptionAsync(new SubscriptionRecord(
                0, $"soak-{i:D2}", "config", "console", ["*"], [], [], cron, Zones[i % Zones.Length], 5, Spacings[i % Spacings.Length], i % 7 == 0, null));
            schedules.Add((sub.Id, CronSchedule.Parse(cron), TimeZoneInfo.FindSystemTimeZoneById(sub.TimeZone)));
        }

        var next = schedules.ToDictionary(s => s.Id, s => s.Cron.GetNextOccurrence(clock.GetUtcNow(), s.Zone)!.Value);
        var samples = new List<Sample>();
        var wall = Stopwatch.StartNew();
        Console.WriteLine($"scheduling-soak: {subscriptionCount} subscriptions, {weeks} weeks, {failureRate:P0} of posts fail transiently, restart every 4 weeks, queue: {(hangfire is null ? "in memory" : "Hangfire.Storage.SQLite, 8 workers")}");
        Console.WriteLine("week  posts  working-set-MB  private-MB  managed-MB  handles  threads  lock-names-MB  managed-less-names-MB |  anon-MB  heap-MB  file-MB  sqlite-so  sqlite-used  sqlite-peak  gc-commit  hangfire.db-MB");
        // --plain-gc: sample after an ordinary full collection (as before), leaving the GC's free regions committed.
        var plainGc = args.Contains("--plain-gc");
        var smapsWeeks = BenchArgs.Text(args, "--smaps") is { } list ? list.Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToHashSet() : [];
        for (var week = 0; week < weeks; week++)
        {
            var weekEnd = firstSunday.AddDays(7 * (week + 1));
            while (true)
            {
                var fireAt = next.Values.Min();
                var jobAt = queue.NextAt ?? DateTimeOffset.MaxValue;
                if (fireAt >= weekEnd && jobAt >= weekEnd)
                {
                    break;
                }

                if (jobAt < fireAt)
                {
                    await queue.RunUntilAsync(services.Sender, clock, fireAt < weekEnd ? fireAt.AddTicks(-1) : weekEnd);
                    continue;
                }

                clock.MoveTo(fireAt);
                foreach (var s in schedules.Where(s => next[s.Id] == fireAt))
                {
                    await services.Planner.FireAsync(s.Id, fireAt);
                    next[s.Id] = s.Cron.GetNextOccurrence(fireAt, s.Zone)!.Value;
                }
            }

            clock.MoveTo(weekEnd);
            if (week % 4 == 3)
            {
                // A stop and a start: an in-memory queue is gone, a SQLite one keeps its jobs; catch-up puts the open rows back.
                queue.Restart();
                services = Build(database, clock, monitor, catalog, poster, queue);
                await services.CatchUp.CatchUpAsync();
            }

            poster.Forget(TimeSpan.FromDays(21));
            samples.Add(Sample.Take(week + 1, poster.Posted, hangfire, Path.Combine(dir, "hangfire.db"), plainGc));
            if ((week + 1) % 4 == 0 || week == 0 || smapsWeeks.Contains(week + 1))
            {
                Console.WriteLine(samples[^1]);
            }

            if (smapsWeeks.Contains(week + 1))
            {
                foreach (var mapping in NativeMemory.Largest(12))
                {
                    Console.WriteLine($"      smaps week {week + 1}: {mapping}");
                }
            }
        }

        await queue.RunUntilAsync(services.Sender, clock, clock.GetUtcNow().AddDays(14));
        var open = (await services.Store.ListOpenRowsAsync()).Count;
        var baseline = samples[Math.Min(7, samples.Count - 1)];
        var end = samples[^1];
        // Judged without the storage library's interned lock names (reported on their own below): they grow with jobs created.
        var heapGrowth = end.ManagedLessNamesMb - baseline.ManagedLessNamesMb;
        // Handles, threads and the working set swing from week to week with the thread pool on a loaded machine (one week read
        // 143 MB between 129 and 126), so they are judged on the median of four weekly samples, not on one sample.
        var warmedUp = Median(samples, Math.Min(7, samples.Count - 1));
        var last = Median(samples, samples.Count - 1);
        var handleGrowth = last.Handles - warmedUp.Handles;
        // The working set climbs in the first weeks (code paged in, JIT tiers, the allocator's arenas, the Hangfire pool filling
        // up to its peak concurrency; SQLite itself holds 2-4 MB all year), then levels off: judge it on the second half.
        var middle = samples[(samples.Count / 2) - 1];
        var middleWindow = Median(samples, (samples.Count / 2) - 1);
        var workingGrowth = (last.WorkingSetMb - middleWindow.WorkingSetMb) / middleWindow.WorkingSetMb;
        var flat = heapGrowth < 2 && handleGrowth <= 5 && last.Threads <= warmedUp.Threads + 2 && workingGrowth < 0.05;
        Console.WriteLine();
        Console.WriteLine($"posts: {poster.Posted} delivered, {poster.Duplicates} duplicates, {open} rows left open; simulated {weeks} weeks in {wall.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"from week {baseline.Week} to week {end.Week}: managed heap {baseline.ManagedMb:F2} -> {end.ManagedMb:F2} MB (without interned lock names {baseline.ManagedLessNamesMb:F2} -> {end.ManagedLessNamesMb:F2}), handles {baseline.Handles} -> {end.Handles}, threads {baseline.Threads} -> {end.Threads}; "
            + $"working set {baseline.WorkingSetMb:F1} -> {end.WorkingSetMb:F1} MB (week {middle.Week} to {end.Week}: {middle.WorkingSetMb:F1} -> {end.WorkingSetMb:F1} MB, {workingGrowth:P1})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"medians of 4 weekly samples: handles {warmedUp.Handles:F0} -> {last.Handles:F0}, threads {warmedUp.Threads:F0} -> {last.Threads:F0} (weeks {warmedUp.Week} and {last.Week}); "
            + $"working set {middleWindow.WorkingSetMb:F1} -> {last.WorkingSetMb:F1} MB (weeks {middleWindow.Week} to {last.Week}: {workingGrowth:P1})"));
        var lockErrors = hangfire?.LockErrors ?? 0;
        if (hangfire is not null)
        {
            Console.WriteLine($"hangfire.db: {hangfire.JobsCreated} jobs created, {hangfire.JobsRun} run by 8 workers, {lockErrors} lock errors (database is locked / lock timeouts)");
            var (names, bytes) = hangfire.InternedLockNames();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Hangfire.Storage.SQLite interned lock names: {names} ({bytes / 1048576.0:F2} MB, {(names == 0 ? 0 : bytes / names)} B each; week {baseline.Week} to {end.Week}: {baseline.LockNamesMb:F2} -> {end.LockNamesMb:F2} MB); "
                + $"managed heap without them {baseline.ManagedLessNamesMb:F2} -> {end.ManagedLessNamesMb:F2} MB"));
        }

        flat &= lockErrors == 0;
        Console.WriteLine(flat && poster.Duplicates == 0 && open == 0 ? "verdict: flat" : "verdict: GROWING or incorrect");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
        return flat && poster.Duplicates == 0 && open == 0 ? 0 : 1;
    }

    private static (SqlStateStore Store, PostPlanner Planner, SectionSender Sender, CatchUpPlanner CatchUp) Build(
        BotDatabase database, ManualClock clock, FixedOptions monitor, SoakCatalog catalog, CountingPoster poster, ISoakQueue queue)
    {
        var store = SqlStateStore.ForSqlite(database, clock);
        var dispatcher = new PostDispatcher(store, queue, clock, monitor, NullLogger<PostDispatcher>.Instance);
        var planner = new PostPlanner(store, catalog, dispatcher, NullLogger<PostPlanner>.Instance);
        var sender = new SectionSender(store, catalog, new PosterRegistry([poster]), clock, monitor, NullLogger<SectionSender>.Instance);
        var catchUp = new CatchUpPlanner(store, planner, dispatcher, clock, monitor, NullLogger<CatchUpPlanner>.Instance);
        return (store, planner, sender, catchUp);
    }

    /// <summary>The medians of the four weekly samples ending at <paramref name="end"/> (fewer at the start).</summary>
    private static (int Week, double WorkingSetMb, double Handles, double Threads) Median(List<Sample> samples, int end)
    {
        var window = samples.Skip(Math.Max(0, end - 3)).Take(Math.Min(4, end + 1)).ToList();
        static double Of(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        return (samples[end].Week, Of(window.Select(s => s.WorkingSetMb)), Of(window.Select(s => (double)s.Handles)), Of(window.Select(s => (double)s.Threads)));
    }

    private sealed class FixedOptions(PostingOptions value) : IOptionsMonitor<PostingOptions>
    {
        public PostingOptions CurrentValue => value;

        public PostingOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<PostingOptions, string?> listener) => null;
    }

    private sealed record Sample(int Week, int Posts, double WorkingSetMb, double PrivateMb, double ManagedMb, int Handles, int Threads, double LockNamesMb, NativeMemory Native, double HangfireDbMb)
    {
        public double ManagedLessNamesMb => ManagedMb - LockNamesMb;

        public static Sample Take(int week, int posts, HangfireSoakQueue? hangfire, string hangfireDb, bool plainGc)
        {
            var lockNames = hangfire?.InternedLockNames().Bytes ?? 0;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            if (plainGc)
            {
                GC.Collect();
            }
            else
            {
                // A full compacting collection that also hands the GC's free regions back to the OS (GCCollectionMode.Aggressive).
                // Without it the working set carries whatever free regions the GC keeps committed for the next allocations: in a
                // 52-week run that swung 4 -> 28 -> 8 MB from week to week with a managed heap of 1-4 MB (docs/benchmarks.md).
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }

            using var process = Process.GetCurrentProcess();
            return new Sample(week, posts, process.WorkingSet64 / 1048576.0, process.PrivateMemorySize64 / 1048576.0, GC.GetTotalMemory(false) / 1048576.0, process.HandleCount, process.Threads.Count,
                lockNames / 1048576.0, NativeMemory.Take(), FileSize(hangfireDb) + FileSize(hangfireDb + "-wal"));
        }

        private static double FileSize(string path) => File.Exists(path) ? new FileInfo(path).Length / 1048576.0 : 0;

        public override string ToString()
            => string.Create(CultureInfo.InvariantCulture,
                $"{Week,4}  {Posts,5}  {WorkingSetMb,14:F1}  {PrivateMb,10:F1}  {ManagedMb,10:F2}  {Handles,7}  {Threads,7}  {LockNamesMb,13:F2}  {ManagedLessNamesMb,21:F2} | {Native}  {HangfireDbMb,14:F1}");
    }
}
