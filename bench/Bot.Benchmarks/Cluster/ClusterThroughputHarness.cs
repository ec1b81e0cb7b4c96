using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Tests.Support;
using Bot.TestSupport.FakeDiscord;
using Bot.TestSupport.Hosting;
using Npgsql;

namespace Bot.Benchmarks.Cluster;

/// <summary>
/// <c>cluster-throughput [--channels 40] [--sections 6] [--hosts 1,3] [--bot-dll PATH]</c>: a throwaway PostgreSQL 15, the
/// fake Discord with Discord's documented limits at real speed (50 requests/s globally, 5 messages per 5 s per channel),
/// then for each host count a fresh database and that many <c>Bot.dll serve</c> processes sharing it (library, ledger,
/// Hangfire.PostgreSql). Each has the same N subscriptions (one channel each, <c>Trigger: Published</c>); a digest of S
/// sections dropped into their shared folder is posted N × S times. Twice per host count: cold (the first posts after the
/// hosts started) and warm (the next digest). Reports posts/s, total time, 429s, duplicates and latency from due time.
/// </summary>
internal static class ClusterThroughputHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var channels = BenchArgs.Integer(args, "--channels", 40);
        var sections = BenchArgs.Integer(args, "--sections", 6);
        var hostCounts = (BenchArgs.Text(args, "--hosts") ?? "1,3").Split(',').Select(h => int.Parse(h, CultureInfo.InvariantCulture)).ToList();
        var root = BenchArgs.RepoRoot();
        var botDll = BenchArgs.Text(args, "--bot-dll") ?? DefaultBotDll(root);
        if (!File.Exists(botDll) || PostgresCluster.BinDirectory is null)
        {
            Console.Error.WriteLine($"cluster-throughput: needs the built host ({botDll}; --bot-dll PATH) and PostgreSQL under /usr/lib/postgresql");
            return 2;
        }

        Console.WriteLine($"cluster throughput: {channels} channels x {sections} sections, hosts {string.Join(" then ", hostCounts)} ({Environment.ProcessorCount} cores, load {Load()})");
        var postgres = new PostgresCluster();
        await postgres.InitializeAsync();
        var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions());
        var failed = false;
        var results = new List<ClusterRound>();
        try
        {
            foreach (var hosts in hostCounts)
            {
                var database = await postgres.CreateDatabaseAsync();
                var rounds = await RunClusterAsync(botDll, root, database, fake, hosts, channels, sections);
                results.AddRange(rounds);
                failed |= rounds.Any(r => r.Sent != channels * sections || r.Duplicates > 0);
            }
        }
        finally
        {
            await fake.DisposeAsync();
            await postgres.DisposeAsync();
        }

        Console.WriteLine();
        Console.WriteLine(ClusterRound.Header);
        foreach (var round in results)
        {
            Console.WriteLine(round.Row(channels, sections));
        }

        Console.WriteLine($"minimum the limits allow for {channels * sections} posts: {ClusterRound.Minimum(channels, sections).TotalSeconds:0.0} s (global 50/s: {channels * sections / 50.0:0.0} s; per channel 5 per 5 s: {(Math.Ceiling(sections / 5.0) - 1) * 5:0} s after its first post)");
        Console.WriteLine($"load after: {Load()}");
        return failed ? 1 : 0;
    }

    private static async Task<List<ClusterRound>> RunClusterAsync(string botDll, string root, string database, FakeDiscordServer fake, int hosts, int channels, int sections)
    {
        var dir = Directory.CreateTempSubdirectory($"bot-cluster-throughput-{hosts}-").FullName;
        var folder = Directory.CreateDirectory(Path.Combine(dir, "digests")).FullName;
        var config = Path.Combine(dir, "appsettings.json");
        var channelIds = Enumerable.Range(0, channels).Select(i => (7_100_000_000_000_000_000L + (hosts * 1000) + i).ToString(CultureInfo.InvariantCulture)).ToList();
        await File.WriteAllTextAsync(config, Settings(root, folder, database, fake, channelIds).ToJsonString());
        var processes = new List<BotHostProcess>();
        var rounds = new List<ClusterRound>();
        await using var source = NpgsqlDataSource.Create(database);
        try
        {
            var started = Stopwatch.StartNew();
            for (var i = 0; i < hosts; i++)
            {
                // Only the settings file configures the hosts (the runner passes none of the caller's Bot__ variables).
                processes.Add(new BotHostProcess($"host-{i}", dir, new Dictionary<string, string>(), config, botDll));
            }

            await Task.WhenAll(processes.Select(p => p.StartAsync(TimeSpan.FromSeconds(120))));

            Console.WriteLine($"{hosts} host(s) ready in {started.Elapsed.TotalSeconds:0.0} s (logs in {dir})");
            foreach (var (label, n) in new[] { ("cold", 1), ("warm", 2) })
            {
                var round = await PostDigestAsync(source, fake, folder, channelIds, sections, n, label, hosts);
                Console.WriteLine(round.Row(channels, sections));
                rounds.Add(round);
            }
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.StopAsync(TimeSpan.FromSeconds(20));
                await process.DisposeAsync();
            }
        }

        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }

        return rounds;
    }

    private static async Task<ClusterRound> PostDigestAsync(NpgsqlDataSource source, FakeDiscordServer fake, string folder, List<string> channelIds, int sections, int n, string label, int hosts)
    {
        var expected = channelIds.Count * sections;
        var file = Path.Combine(folder, $"cluster-bench-{n}.md");
        var staging = Path.Combine(Path.GetDirectoryName(folder)!, $"cluster-bench-{n}.md");
        await File.WriteAllTextAsync(staging, Digest(n, sections));
        var before = fake.Requests.Count;
        var firstJob = await LastJobAsync(source);
        var written = DateTimeOffset.UtcNow;
        File.Move(staging, file); // one rename: the watchers never see half a file
        var deadline = Stopwatch.StartNew();
        List<LedgerRow> rows = [];
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            rows = await LedgerAsync(source, written);
            if (rows.Count(r => r.State == "sent") >= expected && rows.All(r => r.State is "sent" or "failed" or "skipped"))
            {
                break;
            }

            await Task.Delay(250);
        }

        // A late second send of a row would land after its ledger row says sent: give it a moment to show.
        await Task.Delay(TimeSpan.FromSeconds(3));
        rows = await LedgerAsync(source, written);
        var jobs = await LastJobAsync(source) - firstJob;
        var requests = fake.Requests.Skip(before).ToList();
        var messages = fake.Messages.Where(m => m.At >= written && channelIds.Contains(m.ChannelId)).ToList();
        return ClusterRound.Measure(label, hosts, written, rows, messages, requests, jobs);
    }

    private static async Task<List<LedgerRow>> LedgerAsync(NpgsqlDataSource source, DateTimeOffset since)
    {
        await using var command = source.CreateCommand("SELECT id, state, due_at, message_id, attempts, claimed_by FROM post_ledger WHERE created_at >= @t");
        command.Parameters.AddWithValue("t", since.ToUnixTimeMilliseconds() - 1000);
        var rows = new List<LedgerRow>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(new LedgerRow(reader.GetInt64(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // The hosts have not migrated yet.
        }

        return rows;
    }

    /// <summary>Hangfire's highest job id: jobs created in a round, planning and re-queues included.</summary>
    private static async Task<long> LastJobAsync(NpgsqlDataSource source)
    {
        await using var command = source.CreateCommand("SELECT COALESCE(MAX(id), 0) FROM hangfire.job");
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static JsonObject Settings(string root, string folder, string database, FakeDiscordServer fake, List<string> channelIds)
    {
        var subscriptions = new JsonArray();
        for (var i = 0; i < channelIds.Count; i++)
        {
            subscriptions.Add(new JsonObject
            {
                ["Name"] = $"bench-{i:D3}",
                ["Target"] = $"discord:channel:{channelIds[i]}",
                ["Sections"] = new JsonArray("*"),
                ["Trigger"] = "Published",
                ["Cron"] = "0 0 1 1 *", // never during the run: the published trigger alone plans
                ["TimeZone"] = "UTC",
                ["EntriesPerSection"] = 3,
            });
        }

        return new JsonObject
        {
            ["Logging"] = new JsonObject { ["LogLevel"] = new JsonObject { ["Default"] = "Warning" } },
            ["Bot"] = new JsonObject
            {
                ["TimeZone"] = "UTC",
                ["Digests"] = new JsonObject { ["Sources"] = new JsonArray(folder), ["PublicUrl"] = "https://example.blog/posts/{slug}/" },
                ["Templates"] = new JsonObject { ["Path"] = Path.Combine(root, "templates") },
                ["Discord"] = new JsonObject { ["BotToken"] = fake.Options.BotToken, ["ApiBaseUrl"] = fake.ApiBaseUrl, ["ApplicationId"] = fake.Options.ApplicationId },
                ["Scheduling"] = new JsonObject { ["Storage"] = "PostgreSql", ["ConnectionString"] = database, ["PostOnFirstStart"] = "None" },
                ["Subscriptions"] = subscriptions,
            },
        };
    }

    private static string Digest(int n, int sections)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"---\ntitle: Cluster bench digest {n}\ndate: {DateTimeOffset.UtcNow:yyyy-MM-dd}\ntags: [bench]\n---\n\n");
        for (var s = 1; s <= sections; s++)
        {
            text.Append(CultureInfo.InvariantCulture, $"## 📌 **Topic {(char)('A' + s - 1)}**\n\n");
            for (var e = 1; e <= 3; e++)
            {
                text.Append(CultureInfo.InvariantCulture, $"### Finding {n}.{s}.{e} on routing at scale\n\n- Round {n}, section {s}, entry {e}: a measured result.\n- A second bullet with detail.\n\n");
            }
        }

        return text.ToString();
    }

    private static string DefaultBotDll(string root)
    {
        // The bench's own build configuration (bin/Release/net10.0): the host built with it by the project reference; with
        // `-o DIR`, the copy the project reference put beside the bench.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Release";
        var built = Path.Combine(root, "src", "Bot", "bin", configuration, "net10.0", "Bot.dll");
        return File.Exists(built) ? built : Path.Combine(AppContext.BaseDirectory, "Bot.dll");
    }

    private static string Load() => File.ReadAllText("/proc/loadavg").Trim();
}
