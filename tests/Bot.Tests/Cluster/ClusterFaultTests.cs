using Bot.Tests.Support;
using Bot.TestSupport.Hosting;
using Xunit.Abstractions;

namespace Bot.Tests.Cluster;

/// <summary>
/// Issue 15's fault drill, as CI runs it: a throwaway PostgreSQL, three real host processes, 20 subscriptions posting
/// through a slow fake Discord, and every fault of the table in turn on the same cluster. In each, every section
/// lands exactly once and the last within 90 s of the fault's end; the table is printed to the test log and to stderr.
/// </summary>
// Its own PostgreSQL (a class fixture), because the drill stops and restarts it.
public sealed class ClusterFaultTests : IClassFixture<PostgresCluster>
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(150);
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Takeover = TimeSpan.FromSeconds(60);
    private readonly PostgresCluster _postgres;
    private readonly ITestOutputHelper _output;

    public ClusterFaultTests(PostgresCluster postgres, ITestOutputHelper output)
    {
        _postgres = postgres;
        _output = output;
    }

    [PostgresFact]
    public async Task ThreeHosts_DeliverEverySectionExactlyOnce_ThroughEveryFault()
    {
        await using var drill = await FaultDrill.StartAsync(_postgres);
        try
        {
            await RunDrillAsync(drill);
        }
        catch (Exception) when (Failed(drill))
        {
            throw;
        }
    }

    private async Task RunDrillAsync(FaultDrill drill)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var all = DrillSubscription.All;
        var hosts = await Task.WhenAll(new[] { "a", "b", "c" }.Select(name => drill.StartHostAsync(name, all)));
        var (a, b, c) = (hosts[0], hosts[1], hosts[2]);
        var rows = new List<DrillRow>();
        var ready = clock.Elapsed;
        Log($"3 hosts ready (pids {a.ProcessId}, {b.ProcessId}, {c.ProcessId}); logs in {drill.LogFolder}");

        // The digest reaches one host's folder only; every host plans, renders and posts from the cluster's library.
        var start = Now;
        var digest = drill.Publish(a, 1);
        rows.Add(await drill.SettleAsync("a new digest ingested on one host only", 1, digest, start, Window));
        Log(rows[^1]);

        rows.Add(await KillAsync(drill, victim: b, ingestOn: a, drillNumber: 2, restart: false));
        Log(rows[^1]);
        rows.Add(await KillAsync(drill, victim: c, ingestOn: a, drillNumber: 3, restart: true));
        Log(rows[^1]);

        digest = drill.Publish(a, 4);
        await drill.WaitForDeliveriesAsync(4, 10, Window);
        await drill.StopPostgresAsync();
        await drill.StartPostgresAsync();
        rows.Add(await drill.SettleAsync("PostgreSQL restarted", 4, digest, Now, Window));
        Log(rows[^1]);

        digest = drill.Publish(a, 5);
        await drill.WaitForDeliveriesAsync(5, 10, Window);
        await drill.StopPostgresAsync();
        await Task.Delay(TimeSpan.FromSeconds(30)); // the fault itself: the database is away for 30 s
        await drill.StartPostgresAsync();
        rows.Add(await drill.SettleAsync("PostgreSQL down for 30 s", 5, digest, Now, Window));
        Log(rows[^1]);

        // A rolling deploy: a new host whose configuration lacks one subscription joins, and the next digest reaches it alone.
        var missing = all[0];
        var before = await drill.SubscriptionAsync(missing.Name);
        var d = await drill.StartHostAsync("d", all.Where(s => s != missing));
        var afterJoin = await drill.SubscriptionAsync(missing.Name);
        start = Now;
        digest = drill.Publish(d, 6);
        rows.Add(await drill.SettleAsync("a 4th host started with 19 of the 20 subscriptions", 6, digest, start, Window));
        Log(rows[^1]);

        // Late duplicates of any drill (a re-send after the scenario settled) count too.
        rows = [.. rows.Select((r, i) => r with { Duplicates = drill.Duplicates(i + 1) })];
        Report(DrillRow.Table(rows) + $"\n3 hosts ready after {ready.TotalSeconds:0} s; the drill took {clock.Elapsed.TotalSeconds:0} s.\n");

        Assert.True(afterJoin.Stored, $"{missing.Name} was removed when host d joined without it");
        Assert.Equal(before.Rows, afterJoin.Rows);
        Assert.All(rows, r =>
        {
            Assert.True(r.Lost == 0, $"{r.Scenario}: {r.Lost} of {r.Expected} sections lost; logs in {drill.LogFolder}");
            Assert.True(r.Duplicates == 0, $"{r.Scenario}: {r.Duplicates} duplicate posts; logs in {drill.LogFolder}");
            Assert.True(r.RecoverySeconds <= Recovery.TotalSeconds, $"{r.Scenario}: the last section landed {r.RecoverySeconds:0.0} s after the fault ended (limit {Recovery.TotalSeconds} s)");
        });
        Assert.All(rows.Where(r => r.TakeoverSeconds is not null), r =>
            Assert.True(r.TakeoverSeconds <= Takeover.TotalSeconds, $"{r.Scenario}: the killed host's rows were taken over after {r.TakeoverSeconds:0.0} s (limit {Takeover.TotalSeconds} s)"));
    }

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    /// <summary>
    /// A digest reaches <paramref name="ingestOn"/>; once <paramref name="victim"/> holds a claim on one of its sections (a
    /// post in flight), the victim gets SIGKILL, and is started again on the same data when <paramref name="restart"/>.
    /// </summary>
    private async Task<DrillRow> KillAsync(FaultDrill drill, BotHostProcess victim, BotHostProcess ingestOn, int drillNumber, bool restart)
    {
        var digest = drill.Publish(ingestOn, drillNumber);
        if (!await drill.WaitForClaimAsync(victim, digest, Window))
        {
            Log($"drill {drillNumber}: host {victim.Name} claimed nothing to kill it over; killing it anyway");
        }

        var owner = FaultDrill.OwnerPattern(victim);
        await victim.KillAsync();
        var killed = Now;
        var held = await drill.HeldRowsAsync(owner, digest);
        Log($"drill {drillNumber}: killed host {victim.Name} holding {held.Count} claimed rows");
        var takeover = drill.TakeoverAsync(held, owner, killed, Window);
        var faultEnd = killed;
        if (restart)
        {
            await victim.StartAsync(FaultDrill.StartTimeout);
            faultEnd = Now;
            Log($"drill {drillNumber}: host {victim.Name} restarted in {(faultEnd - killed).TotalSeconds:0.0} s");
        }

        return await drill.SettleAsync(restart ? "`kill -9` of one host, restarted" : "`kill -9` of one host, not restarted", drillNumber, digest, faultEnd, Window, takeover);
    }

    /// <summary>An exception filter (so it runs before the drill is disposed): keeps the logs and shows the hosts' last lines.</summary>
    private bool Failed(FaultDrill drill)
    {
        _output.WriteLine(drill.KeepLogs());
        return false;
    }

    private void Log(DrillRow row) => Log(DrillRow.Table([row]).Split('\n')[2]);

    private void Log(string line) => _output.WriteLine($"{Now:HH:mm:ss} {line}");

    /// <summary>
    /// xunit shows a passing test's output only at <c>--logger "console;verbosity=normal"</c>, so the table also goes to the
    /// process's real stderr (shown at that verbosity) and to <see cref="TableFile"/>, which <c>test.sh</c> prints after the run.
    /// </summary>
    private void Report(string table)
    {
        const string Title = "Cluster fault drill (issue 15): 3 hosts on PostgreSQL, 20 subscriptions, a fake Discord answering each post after 1 s";
        _output.WriteLine(table);
        File.WriteAllText(TableFile, $"{Title}\n\n{table}");
        using var stderr = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };
        stderr.WriteLine(Title);
        stderr.WriteLine(table);
    }

    /// <summary>Where the last drill's table is written, beside the test assembly.</summary>
    public static string TableFile => Path.Combine(AppContext.BaseDirectory, "cluster-fault-drill.md");
}
